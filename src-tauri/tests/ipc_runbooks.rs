//! The runbook, walk-through and timeline commands through the real dispatch on Tauri's mock
//! runtime, and the folder watcher's events.

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod findings;
    pub mod ipc_harness;
}

use brownout_shell::commands::list::name;
use serde_json::json;
use support::findings::finding_kinds;
use support::ipc_harness::*;

#[test]
fn runbook_list_installs_defaults_filters_and_searches() {
    let h = Harness::new();
    let all = h.ok(name::runbook_list, json!({"query": {}}));
    assert_eq!(all.as_array().unwrap().len(), 6, "{all}");
    assert!(all.as_array().unwrap().iter().all(|r| r["problems"] == 0));
    let google = h.ok(name::runbook_list, json!({"query": {"vendor": "google"}}));
    assert_eq!(google[0]["file"], "google-gemini.md");
    let hits = h.ok(
        name::runbook_list,
        json!({"query": {"text": "RESOURCE_EXHAUSTED"}}),
    );
    assert_eq!(hits[0]["file"], "google-gemini.md", "{hits}");
    assert!(hits[0]["snippet"].as_str().unwrap().contains('\u{2}'));
    // A malformed argument is refused by the dispatch itself, naming the bad value.
    let e = h
        .invoke(
            name::runbook_list,
            json!({"query": {"failure_mode": "melted"}}),
        )
        .unwrap_err();
    assert!(e.as_str().unwrap().contains("melted"), "{e}");
}

#[test]
fn runbook_open_preview_and_save_with_conflicts() {
    let h = Harness::new();
    h.ok(name::runbook_list, json!({"query": {}}));
    let view = h.ok(name::runbook_open, json!({"file": "openai.md"}));
    assert!(view["html"].as_str().unwrap().contains("endpoint-badge"));
    assert_eq!(view["problems"], json!([]));
    let version = view["document"]["version"].as_str().unwrap().to_owned();
    let content = view["document"]["content"].as_str().unwrap().to_owned();

    let preview = h.ok(
        name::runbook_preview,
        json!({"file": "openai.md", "content": content.replace("vendor: openai", "vendor: opneai") + "\n<script>alert(1)</script>"}),
    );
    assert_eq!(preview["problems"][0]["line"], 4, "{preview}");
    assert!(preview["html"].as_str().unwrap().contains("&lt;script&gt;"));

    let edited = content.replace("# OpenAI throttled", "# OpenAI (edited) throttled");
    let saved = h.ok(
        name::runbook_save,
        json!({"file": "openai.md", "content": edited, "baseVersion": version}),
    );
    assert_ne!(saved["version"], json!(version));
    let on_disk = std::fs::read_to_string(runbooks_dir(&h).join("openai.md")).unwrap();
    assert_eq!(on_disk, edited);

    // Saving against the old version again is a conflict, and the file is untouched.
    let e = h.err(
        name::runbook_save,
        json!({"file": "openai.md", "content": "mine", "baseVersion": version}),
    );
    assert_eq!(e["code"], "conflict", "{e}");
    assert_eq!(
        std::fs::read_to_string(runbooks_dir(&h).join("openai.md")).unwrap(),
        edited
    );

    h.refused(
        name::runbook_open,
        json!({"file": "../brownout.db"}),
        "bad_path",
    );
    h.refused(name::runbook_open, json!({"file": "nope.md"}), "not_found");
}

#[test]
fn runbook_create_and_walk_with_timeline() {
    let h = Harness::new();
    let doc = h.ok(
        name::runbook_create,
        json!({"title": "Gemini quota", "vendor": "google"}),
    );
    assert_eq!(doc["file"], "gemini-quota.md");
    h.refused(
        name::runbook_create,
        json!({"title": " ", "vendor": "google"}),
        "invalid",
    );

    let walk = h.ok(
        name::walkthrough_get,
        json!({"runbookId": "gemini-quota", "incidentId": null}),
    );
    let total = walk["counts"]["total"].as_u64().unwrap();
    assert!(total >= 5, "{walk}");
    let step = walk["sections"][0]["steps"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mark = |state: &str, note: Option<&str>| json!({"mark": {"runbook_id": "gemini-quota", "incident_id": null, "step_id": step, "state": state, "note": note}});
    let walk = h.ok(
        name::walkthrough_mark,
        mark("done", Some("probes red since 09:12")),
    );
    assert_eq!(walk["counts"]["done"], 1);
    assert_eq!(
        walk["sections"][0]["steps"][0]["note"],
        "probes red since 09:12"
    );
    h.ok(name::walkthrough_mark, mark("blocked", None));

    let timeline = h.ok(name::timeline_list, json!({"incidentId": null}));
    let events = timeline.as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["kind"], "runbook_step");
    let operator = h.ok(name::settings_get, json!({}))["operator"].clone();
    assert_eq!(events[0]["actor"], operator);
    assert_eq!(events[0]["data"]["note"], "probes red since 09:12");

    h.refused(name::walkthrough_mark, json!({"mark": {"runbook_id": "gemini-quota", "incident_id": null, "step_id": "no/such-step", "state": "done"}}), "not_found");
    h.refused(
        name::walkthrough_get,
        json!({"runbookId": "missing", "incidentId": null}),
        "not_found",
    );
}

#[test]
fn audit_flags_a_critical_workflow_whose_vendor_lost_its_runbook() {
    let h = Harness::new();
    let changes = h.watch_runbooks();
    let before = h.ok(name::audit_run, json!({}));
    assert!(
        !finding_kinds(&before)
            .iter()
            .any(|(k, _)| k == "no_runbook"),
        "{before}"
    );
    std::fs::remove_file(runbooks_dir(&h).join("google-gemini.md")).unwrap();
    let files = changes
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the watcher says the index changed");
    assert_eq!(files, json!({"files": ["google-gemini.md"]}));
    let after = h.ok(name::audit_run, json!({}));
    assert!(
        finding_kinds(&after).contains(&("no_runbook".into(), "ticket-search".into())),
        "{after}"
    );
    assert_eq!(after["fails"], true);
}

#[test]
fn walkthrough_reset_puts_every_step_back_and_lands_on_the_walks_timeline() {
    let h = Harness::new();
    let walk = h.ok(
        name::walkthrough_get,
        json!({"runbookId": "openai-degraded", "incidentId": null}),
    );
    assert_eq!(walk["timeline"], json!([]));
    let step = walk["sections"][0]["steps"][0]["id"].clone();
    h.ok(name::walkthrough_mark,
        json!({"mark": {"runbook_id": "openai-degraded", "incident_id": null, "step_id": step, "state": "done"}}),
    );
    let reset = h.ok(
        name::walkthrough_reset,
        json!({"runbookId": "openai-degraded", "incidentId": null}),
    );
    assert_eq!(reset["counts"]["done"], 0);
    assert_eq!(reset["sections"][0]["steps"][0]["state"], "pending");
    let timeline = reset["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 2, "{reset}");
    assert_eq!(timeline[0]["kind"], "runbook_reset");
    assert_eq!(timeline[0]["data"]["cleared"], 1);
    assert_eq!(timeline[1]["kind"], "runbook_step");
    assert_eq!(timeline[1]["data"]["state"], "done");
    let e = h.refused(
        name::walkthrough_reset,
        json!({"runbookId": "missing", "incidentId": null}),
        "not_found",
    );
    assert_eq!(e["message"], "no runbook with id 'missing'");
}

#[test]
fn list_and_audit_read_the_index_without_re_reading_the_folder() {
    let h = Harness::new();
    let dir = runbooks_dir(&h);
    // Changed behind the app's back with no watcher running: the index, and so the list
    // and the audit, stay as they were until a save or the watcher re-indexes.
    std::fs::remove_file(dir.join("google-gemini.md")).unwrap();
    let list = h.ok(name::runbook_list, json!({"query": {}}));
    assert_eq!(list.as_array().unwrap().len(), 6, "{list}");
    let audit = h.ok(name::audit_run, json!({}));
    assert!(
        !finding_kinds(&audit).iter().any(|(k, _)| k == "no_runbook"),
        "{audit}"
    );
    // A save indexes where it writes.
    let view = h.ok(name::runbook_open, json!({"file": "openai.md"}));
    let content = view["document"]["content"].as_str().unwrap();
    h.ok(name::runbook_save,
        json!({"file": "openai.md", "content": content.replace("vendor: openai", "vendor: any"), "baseVersion": view["document"]["version"]}),
    );
    let list = h.ok(name::runbook_list, json!({"query": {"vendor": "openai"}}));
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|r| r["vendor"] == "any"),
        "{list}"
    );
}

#[test]
fn runbook_problem_counts_follow_an_inventory_change() {
    let h = Harness::new();
    let content = "---\nid: mistral-down\ntitle: Mistral down\nvendor: openai\nfailure_modes: [unavailable]\n---\n# Mistral down\n\n## Unavailable\n\n- [ ] Move traffic to {{endpoint:mistral-large}}\n";
    h.ok(
        name::runbook_save,
        json!({"file": "mistral.md", "content": content, "baseVersion": null}),
    );
    let problems = |h: &Harness| {
        let list = h.ok(name::runbook_list, json!({"query": {}}));
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["file"] == "mistral.md")
            .map(|r| r["problems"].clone())
            .unwrap()
    };
    assert_eq!(problems(&h), 1, "the endpoint is not in the inventory yet");

    let ep = json!({"id": "mistral-large", "vendor": "openai", "name": "Large", "model": "m", "base_url": "https://api.example.com/v1", "api_style": "http", "credential": "env:KEY", "latency_slo_ms": 3000});
    h.ok(
        name::endpoint_save,
        json!({"originalId": null, "endpoint": ep}),
    );
    assert_eq!(problems(&h), 0, "saving the endpoint re-checks the runbook");

    h.ok(name::endpoint_delete, json!({"id": "mistral-large"}));
    assert_eq!(problems(&h), 1, "deleting it brings the problem back");
}

/// A save indexes its file at once, so the watcher's sync that follows finds nothing new; it
/// still tells the window which files changed, because another writer's version may have
/// landed between the save's write and its indexing (the editor tells its own echo apart by
/// version).
#[test]
fn the_watcher_reports_changed_files_even_when_a_save_indexed_them_first() {
    let h = Harness::new();
    let changes = h.watch_runbooks();
    // Whatever the watcher reports about the freshly installed folder comes first.
    while changes
        .recv_timeout(std::time::Duration::from_secs(2))
        .is_ok()
    {}
    let open = h.ok(name::runbook_open, json!({"file": "openai.md"}));
    let content = open["document"]["content"].as_str().unwrap().to_owned() + "\nOne more line.\n";
    h.ok(
        name::runbook_save,
        json!({"file": "openai.md", "content": content, "baseVersion": open["document"]["version"]}),
    );
    let files = changes
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the watcher reports the saved file");
    assert!(
        files["files"]
            .as_array()
            .unwrap()
            .contains(&json!("openai.md")),
        "{files}"
    );
}
