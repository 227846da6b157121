//! Every inventory, audit, settings and app command through the real dispatch (and the real
//! capability file) on Tauri's mock runtime, including the error shape the UI relies on.

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod ipc_harness;
}

use brownout_shell::commands::list::{self, name};
use serde_json::{json, Value};
use support::ipc_harness::*;

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
