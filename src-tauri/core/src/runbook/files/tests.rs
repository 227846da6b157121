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
