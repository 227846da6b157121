//! The drill commands through the real dispatch on Tauri's mock runtime: a fresh (simulated)
//! workspace breaks and restores vendors in its embedded simulator; one that is not simulated
//! says how to turn simulation on.

mod support {
    pub mod ipc_harness;
}

use brownout_shell::commands::list::name;
use serde_json::{json, Value};
use support::ipc_harness::*;

fn fault_of(state: &Value, vendor: &str) -> Value {
    state["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["vendor"] == vendor)
        .unwrap_or_else(|| panic!("no {vendor} in {state}"))["fault"]
        .clone()
}

#[test]
fn a_fresh_workspace_is_simulated_and_its_vendors_can_be_broken_and_restored() {
    let h = Harness::new();
    assert_eq!(h.ok(name::settings_get, json!({}))["simulated"], true);
    let state = h.ok(name::drill_get, json!({}));
    assert_eq!(state["simulated"], true);
    let base_url = state["base_url"].as_str().unwrap().to_owned();
    assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
    assert_eq!(state["vendors"].as_array().unwrap().len(), 6);
    assert_eq!(fault_of(&state, "anthropic"), json!({ "kind": "none" }));

    let fault = json!({ "kind": "throttle", "retry_after_s": 45 });
    let state = h.ok(
        name::drill_set,
        json!({ "vendor": "anthropic", "fault": fault }),
    );
    assert_eq!(fault_of(&state, "anthropic"), fault);
    assert_eq!(state["base_url"], base_url.as_str());
    let state = h.ok(name::drill_get, json!({}));
    assert_eq!(fault_of(&state, "anthropic"), fault);

    let state = h.ok(
        name::drill_set,
        json!({ "vendor": "anthropic", "fault": { "kind": "none" } }),
    );
    assert_eq!(fault_of(&state, "anthropic"), json!({ "kind": "none" }));
}

#[test]
fn bad_drills_are_refused_saying_why() {
    let h = Harness::new();
    let e = h.refused(
        name::drill_set,
        json!({ "vendor": "acme", "fault": { "kind": "outage" } }),
        "not_found",
    );
    assert!(e["message"].as_str().unwrap().contains("acme"), "{e}");
    let e = h.refused(
        name::drill_set,
        json!({ "vendor": "openai", "fault": { "kind": "quota", "latency_ms": 10 } }),
        "invalid",
    );
    assert!(e["message"].as_str().unwrap().contains("latency_ms"), "{e}");

    let mut settings = h.ok(name::settings_get, json!({}));
    settings["simulated"] = json!(false);
    h.ok(name::settings_save, json!({ "settings": settings }));
    let state = h.ok(name::drill_get, json!({}));
    assert_eq!(state["simulated"], false);
    assert!(state.get("base_url").is_none_or(Value::is_null), "{state}");
    let e = h.refused(
        name::drill_set,
        json!({ "vendor": "openai", "fault": { "kind": "outage" } }),
        "invalid",
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("Simulated workspace"),
        "{e}"
    );
}
