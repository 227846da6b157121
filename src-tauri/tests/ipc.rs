//! Every command through the real dispatch (and the real capability file) on Tauri's mock
//! runtime, including the error shape the UI relies on.

use brownout_core::workspace::WorkspaceLocation;
use brownout_core::Workspace;
use brownout_shell::commands::list::{self, name};
use brownout_shell::{build_app, AppState};
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod findings;
}

use support::findings::finding_kinds;

struct Harness {
    window: WebviewWindow<tauri::test::MockRuntime>,
    _app: tauri::App<tauri::test::MockRuntime>,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&WorkspaceLocation {
            db: Some(dir.path().join("ipc.db")),
        })
        .unwrap();
        // What the app does at start-up: the shipped runbooks installed and indexed.
        brownout_core::runbook::service::prepare(&ws).unwrap();
        let app = build_app(mock_builder(), AppState::new(ws))
            .build(tauri::generate_context!())
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Self {
            window,
            _app: app,
            _dir: dir,
        }
    }

    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn err(&self, cmd: &str, args: Value) -> Value {
        let e = self
            .invoke(cmd, args)
            .expect_err(&format!("{cmd} should fail"));
        assert!(e["code"].is_string() && e["message"].is_string(), "{e}");
        assert!(e["fields"].is_array(), "{e}");
        e
    }

    /// Fails with `code`; the error, for further checks.
    fn refused(&self, cmd: &str, args: Value, code: &str) -> Value {
        let e = self.err(cmd, args);
        assert_eq!(e["code"], code, "{cmd}: {e}");
        e
    }

    fn inventory(&self) -> Value {
        self.ok(name::inventory_get, json!({}))
    }
}

/// The fields an `invalid` error names, in its order.
fn field_names(e: &Value) -> Vec<&str> {
    e["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect()
}

fn find<'a>(list: &'a Value, id: &str) -> Option<&'a Value> {
    list.as_array().unwrap().iter().find(|v| v["id"] == id)
}

#[test]
fn app_info_reports_db_and_schema() {
    let h = Harness::new();
    let info = h.ok(name::app_info, json!({}));
    assert!(info["db_path"].as_str().unwrap().ends_with("ipc.db"));
    assert!(info["schema_version"].as_i64().unwrap() >= 2);
    assert!(!info["operator"].as_str().unwrap().is_empty());
}

#[test]
fn inventory_get_returns_the_seeded_demo() {
    let inv = Harness::new().inventory();
    assert_eq!(inv["workflows"].as_array().unwrap().len(), 5);
    assert!(find(&inv["endpoints"], "anthropic-sonnet").is_some());
    assert_eq!(
        find(&inv["rotations"], "support-ai").unwrap()["members"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn vendor_save_and_delete() {
    let h = Harness::new();
    let v = json!({"id": "mistral", "name": "Mistral", "status_page": "https://status.mistral.ai"});
    assert_eq!(
        h.ok(name::vendor_save, json!({"originalId": null, "vendor": v})),
        v
    );
    let renamed = json!({"id": "mistral-ai", "name": "Mistral AI"});
    h.ok(
        name::vendor_save,
        json!({"originalId": "mistral", "vendor": renamed}),
    );
    assert!(find(&h.inventory()["vendors"], "mistral-ai").is_some());
    let e = h.refused(
        name::vendor_save,
        json!({"originalId": null, "vendor": {"id": "Bad!", "name": "", "status_page": "ftp://x"}}),
        "invalid",
    );
    let fields = field_names(&e);
    assert_eq!(fields, ["id", "name", "status_page"]);
    h.ok(name::vendor_delete, json!({"id": "mistral-ai"}));
    h.refused(
        name::vendor_delete,
        json!({"id": "mistral-ai"}),
        "not_found",
    );
    let e = h.refused(name::vendor_delete, json!({"id": "openai"}), "in_use");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("endpoint openai-gpt-4o"),
        "{e}"
    );
}

#[test]
fn endpoint_save_and_delete() {
    let h = Harness::new();
    let ep = json!({"id": "mistral-large", "vendor": "openai", "name": "Large", "model": "m", "base_url": "https://api.example.com/v1", "api_style": "http", "credential": "env:KEY", "latency_slo_ms": 3000});
    h.ok(
        name::endpoint_save,
        json!({"originalId": null, "endpoint": ep}),
    );
    let e = h.refused(name::endpoint_save, json!({"originalId": null, "endpoint": {"id": "x", "vendor": "nope", "name": "X", "model": "m", "base_url": "api.example.com", "api_style": "http", "credential": "sk-123", "latency_slo_ms": 0}}), "invalid");
    let fields = field_names(&e);
    assert_eq!(
        fields,
        ["base_url", "vendor", "credential", "latency_slo_ms"]
    );
    h.ok(name::endpoint_delete, json!({"id": "mistral-large"}));
    h.refused(
        name::endpoint_delete,
        json!({"id": "anthropic-sonnet"}),
        "in_use",
    );
    // A malformed argument is refused by the dispatch before the core sees it.
    let bad = h.invoke(
        name::endpoint_save,
        json!({"originalId": null, "endpoint": {"id": "x", "api_style": "grpc"}}),
    );
    assert!(bad.is_err());
}

#[test]
fn workflow_save_and_delete() {
    let h = Harness::new();
    let mut w = find(&h.inventory()["workflows"], "support-chat")
        .unwrap()
        .clone();
    w["id"] = json!("support-chat-eu");
    w["fallbacks"] =
        json!([{"strategy": "Serve cached answers"}, {"endpoint": "anthropic-sonnet"}]);
    assert_eq!(
        h.ok(
            name::workflow_save,
            json!({"originalId": null, "workflow": w})
        ),
        w
    );
    let back = find(&h.inventory()["workflows"], "support-chat-eu")
        .unwrap()
        .clone();
    assert_eq!(back, w);
    w["primary"] = json!("ghost");
    let e = h.refused(
        name::workflow_save,
        json!({"originalId": "support-chat-eu", "workflow": w}),
        "invalid",
    );
    assert_eq!(e["fields"][0]["field"], "primary");
    h.ok(name::workflow_delete, json!({"id": "support-chat-eu"}));
    h.refused(
        name::workflow_delete,
        json!({"id": "support-chat-eu"}),
        "not_found",
    );
}

#[test]
fn rotation_save_and_delete() {
    let h = Harness::new();
    let r = json!({"id": "night", "name": "Night watch", "time_zone": "Asia/Tokyo", "shift_hours": 12, "handoff": "21:00", "members": [{"name": "Kenji"}]});
    h.ok(
        name::rotation_save,
        json!({"originalId": null, "rotation": r}),
    );
    let e = h.err(name::rotation_save, json!({"originalId": "night", "rotation": {"id": "night", "name": "N", "time_zone": "Nowhere", "shift_hours": 12, "handoff": "9", "members": []}}));
    assert_eq!(e["fields"][0]["field"], "time_zone");
    h.ok(name::rotation_delete, json!({"id": "night"}));
    h.refused(name::rotation_delete, json!({"id": "support-ai"}), "in_use");
}

#[test]
fn audit_run_lists_the_single_vendor_finding() {
    let h = Harness::new();
    let report = h.ok(name::audit_run, json!({}));
    assert_eq!(report["fails"], false);
    let f = &report["findings"][0];
    assert_eq!(f["kind"], "single_vendor_chain");
    assert_eq!(f["workflow"], "doc-summaries");
    // Removing a critical workflow's fallbacks makes the audit fail.
    let mut w = find(&h.inventory()["workflows"], "support-chat")
        .unwrap()
        .clone();
    w["fallbacks"] = json!([]);
    h.ok(
        name::workflow_save,
        json!({"originalId": "support-chat", "workflow": w}),
    );
    assert_eq!(h.ok(name::audit_run, json!({}))["fails"], true);
}

/// The exact error objects the UI receives.
#[test]
fn errors_reach_the_ui_as_code_message_and_fields() {
    let h = Harness::new();
    assert_eq!(
        h.err(name::workflow_delete, json!({"id": "ghost"})),
        json!({"code": "not_found", "message": "there is no workflow 'ghost'", "fields": []})
    );
    assert_eq!(
        h.err(name::rotation_delete, json!({"id": "support-ai"})),
        json!({
            "code": "in_use",
            "message": "rotation 'support-ai' is still used by workflow reply-drafting, workflow support-chat; change those first",
            "fields": []
        })
    );
    let mut settings = h.ok(name::settings_get, json!({}));
    settings["time_zone"] = json!("Atlantis/Capital");
    let e = h.refused(
        name::settings_save,
        json!({ "settings": settings }),
        "invalid",
    );
    assert_eq!(e["fields"].as_array().unwrap().len(), 1, "{e}");
    assert_eq!(e["fields"][0]["field"], "time_zone");
    assert_eq!(
        e["message"],
        format!(
            "invalid settings: time_zone: {}",
            e["fields"][0]["message"].as_str().unwrap()
        )
    );
    assert_eq!(
        h.err(name::runbook_open, json!({"file": "../x.md"})),
        json!({
            "code": "bad_path",
            "message": "'../x.md' is not a runbook file name: use a relative path ending in .md, without `..` or hidden parts",
            "fields": []
        })
    );
}

/// Every declared command is granted to the window by the capability file and reaches its
/// wrapper (a missing argument is the only complaint).
#[test]
fn every_declared_command_is_reachable() {
    let h = Harness::new();
    for cmd in list::commands() {
        if let Err(e) = h.invoke(cmd.name, json!({})) {
            let text = e.to_string();
            assert!(
                !cmd.args.is_empty() && text.contains("missing required key"),
                "{}: {text}",
                cmd.name
            );
        }
    }
}

#[test]
fn unknown_command_is_refused() {
    let h = Harness::new();
    assert!(h
        .invoke("plugin:fs|read_file", json!({"path": "/etc/passwd"}))
        .is_err());
}

#[test]
fn settings_get_and_save() {
    let h = Harness::new();
    let mut s = h.ok(name::settings_get, json!({}));
    assert_eq!(s["time_zone"], "UTC");
    assert!(s["runbooks_dir"].as_str().unwrap().ends_with("runbooks"));
    s["operator"] = json!("Ana Lima");
    s["time_zone"] = json!("Europe/Berlin");
    h.ok(name::settings_save, json!({"settings": s}));
    assert_eq!(h.ok(name::settings_get, json!({})), s);
    assert_eq!(h.ok(name::app_info, json!({}))["operator"], "Ana Lima");
    let mut bad = s.clone();
    bad["time_zone"] = json!("Atlantis/Capital");
    let e = h.refused(name::settings_save, json!({"settings": bad}), "invalid");
    assert_eq!(e["fields"][0]["field"], "time_zone");
    assert_eq!(h.ok(name::settings_get, json!({})), s);
}

fn runbooks_dir(h: &Harness) -> std::path::PathBuf {
    h.ok(name::settings_get, json!({}))["runbooks_dir"]
        .as_str()
        .unwrap()
        .into()
}

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

impl Harness {
    /// Starts the runbooks folder watcher as the app does, and hands over each
    /// `runbooks-changed` payload.
    fn watch_runbooks(&self) -> std::sync::mpsc::Receiver<Value> {
        use tauri::Listener;
        let (tx, rx) = std::sync::mpsc::channel();
        self._app.listen_any(
            <brownout_shell::events::RunbooksChanged as brownout_shell::commands::Event>::NAME,
            move |e| {
                let _ = tx.send(serde_json::from_str(e.payload()).unwrap());
            },
        );
        brownout_shell::runbook_watch::restart(self._app.handle());
        rx
    }
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

#[test]
fn endpoint_save_with_a_probe_block_and_a_vendor_status_api() {
    let h = Harness::new();
    let ep = json!({"id": "bedrock-nova", "vendor": "aws-bedrock", "name": "Nova", "model": "amazon.nova-pro-v1:0",
        "base_url": "https://bedrock-runtime.us-east-1.amazonaws.com", "api_style": "bedrock",
        "credential": "env:AWS_BEARER_TOKEN_BEDROCK", "latency_slo_ms": 4000, "probe": {"interval_s": 30}});
    let saved = h.ok(
        name::endpoint_save,
        json!({"originalId": null, "endpoint": ep}),
    );
    // Keys left out take their defaults, and the reply says so.
    assert_eq!(saved["probe"]["interval_s"], 30);
    assert_eq!(saved["probe"]["timeout_ms"], 10_000);
    assert_eq!(saved["probe"]["failures_to_down"], 3);
    let stored = find(&h.inventory()["endpoints"], "bedrock-nova")
        .unwrap()
        .clone();
    assert_eq!(stored, saved);
    let bad =
        json!({"probe": {"interval_s": 5, "connect_timeout_ms": 20000, "json_pointer": "/x"}});
    let mut bad_ep = ep.clone();
    bad_ep["probe"] = bad["probe"].clone();
    let e = h.refused(
        name::endpoint_save,
        json!({"originalId": "bedrock-nova", "endpoint": bad_ep}),
        "invalid",
    );
    assert_eq!(
        field_names(&e),
        [
            "probe.interval_s",
            "probe.connect_timeout_ms",
            "probe.json_pointer"
        ]
    );
    assert_eq!(
        find(&h.inventory()["endpoints"], "bedrock-nova").unwrap(),
        &stored
    );

    let v = json!({"id": "mistral", "name": "Mistral",
        "status_api": "https://status.mistral.ai/api/v2/summary.json", "status_components": ["API", "Le Chat"]});
    assert_eq!(
        h.ok(name::vendor_save, json!({"originalId": null, "vendor": v})),
        v
    );
    let e = h.refused(
        name::vendor_save,
        json!({"originalId": "mistral", "vendor": {"id": "mistral", "name": "Mistral", "status_api": "http://status.mistral.ai/api/v2/summary.json"}}),
        "invalid",
    );
    assert_eq!(field_names(&e), ["status_api"]);
}

#[test]
fn audit_flags_a_credential_sent_over_plain_http() {
    let h = Harness::new();
    let ep = json!({"id": "lan-llama", "vendor": "self-hosted", "name": "Llama (LAN)", "model": "llama",
        "base_url": "http://10.0.0.7:8000/v1", "api_style": "openai", "credential": "env:VLLM_API_KEY", "latency_slo_ms": 3000});
    h.ok(
        name::endpoint_save,
        json!({"originalId": null, "endpoint": ep}),
    );
    let report = h.ok(name::audit_run, json!({}));
    let plain: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "plain_http_credential")
        .collect();
    assert_eq!(plain.len(), 1, "{report}");
    assert_eq!(plain[0]["endpoint"], "lan-llama");
    assert_eq!(plain[0]["severity"], "high");
}
