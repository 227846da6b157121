use super::*;
use crate::inventory::demo::demo_inventory;

#[test]
fn names_must_stay_inside_the_folder() {
    let dir = Path::new("/rb");
    assert_eq!(
        resolve(dir, "team/openai.md").unwrap(),
        Path::new("/rb/team/openai.md")
    );
    for bad in [
        "../x.md",
        "/etc/x.md",
        "a/../../x.md",
        ".hidden.md",
        "x.txt",
        "",
        "a\\b.md",
        "./x.md",
    ] {
        assert!(
            matches!(resolve(dir, bad), Err(RunbookError::BadPath(_))),
            "{bad}"
        );
    }
}

#[test]
fn save_refuses_to_overwrite_a_changed_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = save(dir.path(), "a.md", "one", None).unwrap();
    assert!(matches!(
        save(dir.path(), "a.md", "again", None),
        Err(RunbookError::Conflict { .. })
    ));
    // Someone else edits the file.
    std::fs::write(dir.path().join("a.md"), "theirs").unwrap();
    match save(dir.path(), "a.md", "mine", Some(&doc.version)) {
        Err(RunbookError::Conflict { disk_version, .. }) => {
            assert_eq!(disk_version, version_of("theirs"));
            assert_eq!(
                read(dir.path(), "a.md").unwrap().content,
                "theirs",
                "nothing written"
            );
            // The user chose to overwrite: save against the version on disk.
            let saved = save(dir.path(), "a.md", "mine", Some(&disk_version)).unwrap();
            assert_eq!(read(dir.path(), "a.md").unwrap(), saved);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn a_new_runbook_from_the_template_passes_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let inv = demo_inventory().unwrap();
    let a = create_from_template(dir.path(), "Gemini quota exhausted", "google").unwrap();
    let b = create_from_template(dir.path(), "Gemini quota exhausted", "google").unwrap();
    assert_eq!(
        (a.file.as_str(), b.file.as_str()),
        ("gemini-quota-exhausted.md", "gemini-quota-exhausted-2.md")
    );
    assert_eq!(
        super::super::check_source(&a.file, &a.content, &inv),
        vec![]
    );
    assert_eq!(super::super::check_dir(dir.path(), &inv).unwrap(), vec![]);
    assert!(create_from_template(dir.path(), "  ", "google").is_err());
}

#[test]
fn template_titles_with_yaml_syntax_stay_one_string() {
    let dir = tempfile::tempdir().unwrap();
    let inv = demo_inventory().unwrap();
    for title in [
        "OpenAI: quota # exhausted",
        "- [x] \"quoted\" 'single' {braces}",
        "yes",
        "2026-11-20",
        "null",
    ] {
        let doc = create_from_template(dir.path(), title, "openai").unwrap();
        let rb = super::super::parse(&doc.file, &doc.content).unwrap();
        assert_eq!(rb.front.title, title);
        assert_eq!(
            super::super::check_source(&doc.file, &doc.content, &inv),
            vec![],
            "{title}"
        );
    }
    let plain = create_from_template(dir.path(), "Gemini quota exhausted", "google").unwrap();
    assert!(plain.content.contains("\ntitle: Gemini quota exhausted\n"));
}

/// A shared runbooks checkout with a link to the operator's own files.
fn folder_with_links() -> (tempfile::TempDir, tempfile::TempDir) {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("notes.md"), "private").unwrap();
    std::fs::create_dir(outside.path().join("home")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::write(dir.path().join("real/a.md"), "inside").unwrap();
    symlink(outside.path().join("notes.md"), dir.path().join("leak.md")).unwrap();
    symlink(outside.path().join("home"), dir.path().join("home")).unwrap();
    symlink(
        outside.path().join("missing.md"),
        dir.path().join("nowhere.md"),
    )
    .unwrap();
    symlink(dir.path().join("real/a.md"), dir.path().join("alias.md")).unwrap();
    (dir, outside)
}

#[test]
fn links_that_leave_the_folder_are_neither_read_nor_written() {
    let (dir, outside) = folder_with_links();
    for file in ["leak.md", "home/new.md", "nowhere.md"] {
        assert!(
            matches!(read(dir.path(), file), Err(RunbookError::OutsideFolder(_))),
            "read {file}"
        );
        let base = Some(version_of("private"));
        for base in [None, base.as_deref()] {
            assert!(
                matches!(
                    save(dir.path(), file, "overwritten", base),
                    Err(RunbookError::OutsideFolder(_))
                ),
                "save {file}"
            );
        }
    }
    assert_eq!(
        std::fs::read_to_string(outside.path().join("notes.md")).unwrap(),
        "private"
    );
    assert!(!outside.path().join("home/new.md").exists());
    assert!(!outside.path().join("missing.md").exists());
}

#[test]
fn a_link_within_the_folder_is_read_and_saved_through() {
    let (dir, _outside) = folder_with_links();
    let doc = read(dir.path(), "alias.md").unwrap();
    assert_eq!(doc.content, "inside");
    save(dir.path(), "alias.md", "edited", Some(&doc.version)).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("real/a.md")).unwrap(),
        "edited",
        "the target is written and the link kept"
    );
    assert!(dir
        .path()
        .join("alias.md")
        .symlink_metadata()
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn check_reports_links_that_leave_the_folder() {
    let (dir, _outside) = folder_with_links();
    let problems: Vec<String> = super::super::check_dir(dir.path(), &demo_inventory().unwrap())
        .unwrap()
        .iter()
        .filter(|p| p.message.contains("link"))
        .map(|p| p.file.clone())
        .collect();
    assert_eq!(problems, ["home", "leak.md", "nowhere.md"]);
}

#[test]
fn a_runbook_over_the_size_limit_is_refused_when_opened_or_saved() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("big.md")).unwrap();
    f.set_len(MAX_RUNBOOK_BYTES + 1).unwrap();
    let err = read(dir.path(), "big.md").unwrap_err();
    assert!(matches!(err, RunbookError::TooLarge { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!("'big.md' is larger than {MAX_RUNBOOK_BYTES} bytes, the most a runbook may be")
    );
    let huge = "x".repeat(MAX_RUNBOOK_BYTES as usize + 1);
    assert!(matches!(
        save(dir.path(), "new.md", &huge, None),
        Err(RunbookError::TooLarge { .. })
    ));
    assert!(!dir.path().join("new.md").exists());
}
