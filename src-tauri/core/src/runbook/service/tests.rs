use std::os::unix::fs::PermissionsExt;

use super::*;
use crate::incident::EventDetail;
use crate::inventory::InventoryError;
use crate::runbook::walkthrough::StepState;
use crate::settings::SettingsError;
use crate::workspace::WorkspaceLocation;

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&WorkspaceLocation {
        db: Some(dir.path().join("brownout.db")),
    })
    .unwrap();
    (dir, ws)
}

const OWN: &str = "---
id: own
title: Our own
vendor: openai
failure_modes: [throttled]
---
## Throttled

- [ ] Confirm 429s {#confirm}
";

#[test]
fn a_read_only_folder_gets_no_defaults_and_is_indexed_as_it_is() {
    let (dir, ws) = workspace();
    let runbooks = dir.path().join("runbooks");
    std::fs::create_dir(&runbooks).unwrap();
    std::fs::write(runbooks.join("own.md"), OWN).unwrap();
    std::fs::set_permissions(&runbooks, std::fs::Permissions::from_mode(0o555)).unwrap();
    let report = prepare(&ws);
    std::fs::set_permissions(&runbooks, std::fs::Permissions::from_mode(0o755)).unwrap();
    let report = report.unwrap();
    assert_eq!(report.added, ["own.md"]);
    let mut names: Vec<String> = std::fs::read_dir(&runbooks)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["own.md"], "nothing installed, no manifest");
}

#[test]
fn a_writable_folder_gets_the_defaults() {
    let (dir, ws) = workspace();
    let report = prepare(&ws).unwrap();
    assert_eq!(report.added.len(), defaults::SHIPPED.len());
    assert!(dir.path().join("runbooks/openai.md").is_file());
}

#[test]
fn not_found_says_what_and_which() {
    let (_dir, ws) = workspace();
    prepare(&ws).unwrap();
    match walk(&ws, "no-such-runbook", None) {
        Err(RunbookError::NotFound { what, id }) => {
            assert_eq!((what, id.as_str()), (Missing::Runbook, "no-such-runbook"))
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    match open(&ws, "nope.md") {
        Err(e @ RunbookError::NotFound { .. }) => {
            assert!(
                matches!(&e, RunbookError::NotFound { what: Missing::File, id } if id == "nope.md")
            );
            assert_eq!(e.to_string(), "runbook nope.md does not exist");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[test]
fn inventory_and_settings_failures_keep_their_meaning() {
    let invalid = RunbookError::from(InventoryError::Invalid {
        kind: "vendor",
        id: "x".into(),
        errors: vec![],
    });
    assert!(matches!(
        invalid,
        RunbookError::Inventory(InventoryError::Invalid { .. })
    ));
    let settings = RunbookError::from(SettingsError::Invalid(vec![]));
    assert!(matches!(
        settings,
        RunbookError::Settings(SettingsError::Invalid(_))
    ));
    let store = RunbookError::from(InventoryError::Store(crate::store::StoreError::from(
        rusqlite::Error::InvalidQuery,
    )));
    assert!(matches!(store, RunbookError::Store(_)));
}

#[test]
fn the_walk_carries_its_own_timeline_and_reset_lands_on_it() {
    let (_dir, ws) = workspace();
    prepare(&ws).unwrap();
    let before = walk(&ws, "openai-degraded", None).unwrap();
    assert!(before.timeline.is_empty());
    let step = before.sections[0].steps[0].id.clone();
    let marked = mark(
        &ws,
        &StepMark {
            runbook_id: "openai-degraded".into(),
            incident_id: None,
            step_id: step.clone(),
            state: StepState::Done,
            note: Some("seen".into()),
        },
    )
    .unwrap();
    assert_eq!(marked.timeline.len(), 1);
    // Another runbook's walk does not show it.
    assert!(walk(&ws, "anthropic-degraded", None)
        .unwrap()
        .timeline
        .is_empty());
    let after = reset(&ws, "openai-degraded", None).unwrap();
    assert_eq!(after.counts.done, 0);
    assert!(matches!(
        after.timeline.first().map(|e| &e.detail),
        Some(EventDetail::RunbookReset(r)) if r.cleared == 1
    ));
    assert_eq!(after.timeline.len(), 2);
}

#[test]
fn a_save_updates_what_the_audit_reads_without_a_refresh() {
    let (dir, ws) = workspace();
    prepare(&ws).unwrap();
    let file = "google-gemini.md";
    let doc = files::read(&dir.path().join("runbooks"), file).unwrap();
    save(
        &ws,
        file,
        &doc.content.replace("vendor: google", "vendor: any"),
        Some(&doc.version),
    )
    .unwrap();
    let coverage = library::coverage(&ws.store).unwrap();
    assert!(!coverage.contains_key("google"), "{coverage:?}");
}

#[test]
fn previews_and_walks_use_the_live_health_the_monitor_publishes() {
    let (_dir, ws) = workspace();
    let text = "---\nid: cond\ntitle: Conditional\nvendor: anthropic\nfailure_modes: [throttled]\n---\n## Throttled\n\n- [ ] Switch {{if-healthy:anthropic-haiku}} {#switch}\n";
    let class = |ws: &Workspace| {
        let html = preview(ws, "cond.md", text).unwrap().html;
        ["step-not-applicable", "step-condition-unknown"]
            .into_iter()
            .find(|c| html.contains(c))
    };
    assert_eq!(class(&ws), Some("step-condition-unknown"));
    ws.health
        .set("anthropic-haiku", crate::health::Health::Down);
    assert_eq!(class(&ws), Some("step-not-applicable"));
    ws.health
        .set("anthropic-haiku", crate::health::Health::Healthy);
    assert_eq!(class(&ws), None);
}
