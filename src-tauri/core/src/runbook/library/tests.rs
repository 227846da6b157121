use super::*;
use crate::inventory::demo::demo_inventory;

fn runbook(id: &str, vendor: &str, modes: &str, body: &str) -> String {
    format!(
        "---\nid: {id}\ntitle: {id} title\nvendor: {vendor}\nfailure_modes: [{modes}]\n---\n{body}"
    )
}

/// A store whose index was synced, against the demo inventory, with a folder holding `files`
/// (name, content).
fn synced(files: &[(&str, &str)]) -> (Store, tempfile::TempDir) {
    let (store, _) = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).unwrap();
    }
    sync(&store, dir.path(), &demo_inventory().unwrap()).unwrap();
    (store, dir)
}

/// An empty store and runbooks folder, and the demo inventory to sync them against.
fn empty_library() -> (Store, Inventory, tempfile::TempDir) {
    let (store, _) = Store::open_in_memory().unwrap();
    (
        store,
        demo_inventory().unwrap(),
        tempfile::tempdir().unwrap(),
    )
}

fn ids(list: &[RunbookSummary]) -> Vec<&str> {
    list.iter().map(|s| s.file.as_str()).collect()
}

#[test]
fn sync_tracks_added_changed_and_removed_files() {
    let (store, inv, dir) = empty_library();
    std::fs::write(
        dir.path().join("a.md"),
        runbook("a", "openai", "throttled", "## Throttled\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.md"), "no front matter").unwrap();
    let r = sync(&store, dir.path(), &inv).unwrap();
    assert_eq!((r.added.len(), r.updated.len(), r.removed.len()), (2, 0, 0));
    assert!(
        sync(&store, dir.path(), &inv).unwrap().is_empty(),
        "nothing changed"
    );

    std::fs::write(
        dir.path().join("a.md"),
        runbook("a", "openai", "throttled, slow", "## Throttled\n## Slow\n"),
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    let r = sync(&store, dir.path(), &inv).unwrap();
    assert_eq!(r.updated, ["a.md"]);
    assert_eq!(r.removed, ["b.md"]);
    let all = search(&store, &RunbookQuery::default()).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].failure_modes,
        [FailureMode::Throttled, FailureMode::Slow]
    );
    assert_eq!(all[0].problems, 0);
}

#[test]
fn broken_files_are_listed_with_their_problem_count() {
    let (store, _dir) = synced(&[("broken.md", "# oops")]);
    let all = search(&store, &RunbookQuery::default()).unwrap();
    assert_eq!(
        (all[0].id.clone(), all[0].title.as_str(), all[0].problems),
        (None, "broken.md", 1)
    );
}

#[test]
fn search_filters_and_ranks() {
    let (store, _) = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let w = |f: &str, s: String| std::fs::write(dir.path().join(f), s).unwrap();
    w(
        "openai.md",
        runbook(
            "openai",
            "openai",
            "throttled",
            "## Throttled\nRetry-After headers and 429 quota.",
        ),
    );
    w(
        "anthropic.md",
        runbook(
            "anthropic",
            "anthropic",
            "unavailable",
            "## Unavailable\n529 overloaded errors.",
        ),
    );
    w(
        "generic.md",
        runbook(
            "generic",
            "any",
            "slow",
            "## Slow\nLatency above the SLO; quota unaffected.",
        ),
    );
    sync(&store, dir.path(), &demo_inventory().unwrap()).unwrap();
    let q = |text: Option<&str>, vendor: Option<&str>, mode: Option<FailureMode>| {
        search(
            &store,
            &RunbookQuery {
                text: text.map(str::to_owned),
                vendor: vendor.map(str::to_owned),
                failure_mode: mode,
            },
        )
        .unwrap()
    };
    assert_eq!(
        ids(&q(None, Some("openai"), None)),
        ["generic.md", "openai.md"]
    );
    assert_eq!(
        ids(&q(None, None, Some(FailureMode::Unavailable))),
        ["anthropic.md"]
    );
    assert_eq!(
        ids(&q(Some("overload"), None, None)),
        ["anthropic.md"],
        "prefix match"
    );
    let hits = q(Some("quota"), Some("openai"), None);
    assert_eq!(hits.len(), 2);
    assert!(
        hits[0]
            .snippet
            .as_deref()
            .unwrap()
            .contains("\u{2}quota\u{3}"),
        "{hits:?}"
    );
    // Whatever is typed, the query is valid FTS5.
    for typed in [
        "429 \"quota",
        "AND OR NOT",
        "*",
        "(",
        "a:b",
        "NEAR(",
        "\"",
        "--",
    ] {
        q(Some(typed), None, None);
    }
}

#[test]
fn coverage_lists_modes_per_vendor() {
    let (store, _dir) = synced(&[
        ("a.md", &runbook("a", "openai", "throttled, slow", "")),
        ("b.md", &runbook("b", "any", "unavailable", "")),
    ]);
    let c = coverage(&store).unwrap();
    assert_eq!(
        c["openai"],
        HashSet::from([FailureMode::Throttled, FailureMode::Slow])
    );
    assert_eq!(c["any"], HashSet::from([FailureMode::Unavailable]));
}

#[test]
fn marker_characters_in_a_file_cannot_fake_a_match() {
    let body = "## Throttled\n\u{2}fake\u{3} highlight next to the quota note.\n";
    let (store, _dir) = synced(&[("a.md", &runbook("a", "openai", "throttled", body))]);
    let hits = search(
        &store,
        &RunbookQuery {
            text: Some("quota".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let snippet = hits[0].snippet.as_deref().unwrap();
    assert_eq!(snippet.matches(SNIPPET_START).count(), 1, "{snippet:?}");
    assert!(snippet.contains("fake highlight"), "{snippet:?}");
}

#[test]
fn sync_of_a_missing_folder_empties_the_index() {
    let (store, dir) = synced(&[(
        "a.md",
        &runbook("a", "openai", "throttled", "## Throttled\n"),
    )]);
    let inv = demo_inventory().unwrap();
    let r = sync(&store, &dir.path().join("gone"), &inv).unwrap();
    assert_eq!(r.removed, ["a.md"]);
    assert!(search(&store, &RunbookQuery::default()).unwrap().is_empty());
    assert!(coverage(&store).unwrap().is_empty());
}

#[test]
fn problem_counts_match_the_folder_check() {
    let (store, inv, dir) = empty_library();
    let same = runbook("same", "openai", "throttled", "## Throttled\n");
    std::fs::write(dir.path().join("a.md"), &same).unwrap();
    std::fs::write(dir.path().join("b.md"), &same).unwrap();
    std::fs::write(dir.path().join("latin1.md"), b"caf\xe9 \xff\xfe").unwrap();
    sync(&store, dir.path(), &inv).unwrap();
    let mut counts: Vec<(String, u32)> = search(&store, &RunbookQuery::default())
        .unwrap()
        .into_iter()
        .map(|s| (s.file, s.problems))
        .collect();
    counts.sort();
    assert_eq!(
        counts,
        [
            ("a.md".to_string(), 0),
            ("b.md".to_string(), 1),
            ("latin1.md".to_string(), 1)
        ]
    );
    let checked = super::super::check_dir(dir.path(), &inv).unwrap();
    let text: Vec<String> = checked.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        text,
        [
            "b.md:2: duplicate runbook id 'same' (also in a.md)",
            "latin1.md:1: not UTF-8 text: save the file as UTF-8",
        ]
    );
}

/// Writes `text` to `path` with a modification time an hour back (well outside the window in
/// which a time is not trusted).
fn write_old(path: &Path, text: &str) -> std::time::SystemTime {
    std::fs::write(path, text).unwrap();
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    set_modified(path, then);
    then
}

fn set_modified(path: &Path, time: std::time::SystemTime) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

#[test]
fn a_file_with_the_same_size_and_time_is_not_read_again() {
    let (store, inv, dir) = empty_library();
    let path = dir.path().join("a.md");
    let then = write_old(&path, &runbook("a", "openai", "slow", "## Slow\n"));
    assert_eq!(sync(&store, dir.path(), &inv).unwrap().added, ["a.md"]);
    // Same size and time, other content: only a read would notice, and the index must not
    // read a file it has already indexed.
    write_old(&path, &runbook("b", "openai", "slow", "## Slow\n"));
    set_modified(&path, then);
    assert!(sync(&store, dir.path(), &inv).unwrap().is_empty());
    let all = search(&store, &RunbookQuery::default()).unwrap();
    assert_eq!(all[0].id.as_deref(), Some("a"), "not re-read");
    // A change of size is seen.
    write_old(&path, &runbook("bb", "openai", "slow", "## Slow\n"));
    assert_eq!(sync(&store, dir.path(), &inv).unwrap().updated, ["a.md"]);
    let all = search(&store, &RunbookQuery::default()).unwrap();
    assert_eq!(all[0].id.as_deref(), Some("bb"));
}

#[test]
fn a_time_too_close_to_the_sync_is_not_trusted() {
    let (store, inv, dir) = empty_library();
    let path = dir.path().join("a.md");
    std::fs::write(&path, runbook("a", "openai", "slow", "## Slow\n")).unwrap();
    let time = std::fs::metadata(&path).unwrap().modified().unwrap();
    sync(&store, dir.path(), &inv).unwrap();
    // Rewritten within the same tick of a coarse clock: same size, same time.
    std::fs::write(&path, runbook("b", "openai", "slow", "## Slow\n")).unwrap();
    set_modified(&path, time);
    assert_eq!(sync(&store, dir.path(), &inv).unwrap().updated, ["a.md"]);
}

#[test]
fn a_changed_inventory_refreshes_problem_counts_of_unchanged_files() {
    let (store, mut inv, dir) = empty_library();
    write_old(
        &dir.path().join("a.md"),
        &runbook(
            "a",
            "openai",
            "slow",
            "## Slow\n- [ ] {{endpoint:openai-gpt-4o}}\n",
        ),
    );
    sync(&store, dir.path(), &inv).unwrap();
    assert_eq!(
        search(&store, &RunbookQuery::default()).unwrap()[0].problems,
        0
    );
    inv.endpoints.retain(|e| e.id != "openai-gpt-4o");
    sync(&store, dir.path(), &inv).unwrap();
    assert_eq!(
        search(&store, &RunbookQuery::default()).unwrap()[0].problems,
        1
    );
}

#[test]
fn a_duplicate_id_counts_against_the_later_file_even_when_only_one_changed() {
    let (store, inv, dir) = empty_library();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    write_old(&a, &runbook("a", "any", "slow", "## Slow\n"));
    write_old(&b, &runbook("b", "any", "slow", "## Slow\n"));
    sync(&store, dir.path(), &inv).unwrap();
    write_old(&b, &runbook("a", "any", "slow", "## Slow\n "));
    sync(&store, dir.path(), &inv).unwrap();
    let counts: Vec<(String, u32)> = search(&store, &RunbookQuery::default())
        .unwrap()
        .into_iter()
        .map(|s| (s.file, s.problems))
        .collect();
    assert_eq!(counts, [("a.md".into(), 0), ("b.md".into(), 1)]);
}

#[test]
fn unreadable_failure_modes_in_the_index_are_an_error_not_an_empty_list() {
    let (store, inv, dir) = empty_library();
    let a = dir.path().join("a.md");
    write_old(&a, &runbook("a", "openai", "throttled", "## Throttled\n"));
    sync(&store, dir.path(), &inv).unwrap();
    store
        .write(|tx| {
            tx.execute(
                "UPDATE runbook_files SET failure_modes = '[\"throttld\"]'",
                [],
            )?;
            Ok::<_, RunbookError>(())
        })
        .unwrap();
    for err in [
        coverage(&store).map(|_| ()).unwrap_err(),
        search(&store, &RunbookQuery::default())
            .map(|_| ())
            .unwrap_err(),
    ] {
        let msg = err.to_string();
        assert!(
            matches!(err, RunbookError::DamagedIndex { .. }) && msg.contains("a.md"),
            "{msg}"
        );
    }
    // Indexing again repairs it, though the file did not change.
    sync(&store, dir.path(), &inv).unwrap();
    let cov = coverage(&store).unwrap();
    assert!(cov["openai"].contains(&FailureMode::Throttled));
}
