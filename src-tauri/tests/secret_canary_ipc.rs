//! The canary through the app's probe monitor, on Tauri's mock runtime: made-up keys, one in an
//! environment variable (`env:`) and one stored from the endpoint form into the keyring (the
//! keyring crate's mock store), are sent by `probe_now` to a loopback server that hands every
//! key straight back in its error bodies and headers. Neither key may appear in the
//! `probe_now` replies, the `health_board` and `health_heatmap` replies, the `health-changed`
//! event payloads or the workspace's files, while the server proves it received both.

mod support {
    pub mod canary;
    pub mod echo_server;
    pub mod ipc_harness;
}

use std::sync::Arc;
use std::time::Duration;

use brownout_core::probe::secrets::{OsKeyring, SystemSecrets};
use brownout_shell::commands::list::name;
use serde_json::{json, Value};
use support::canary::{canary, echo_endpoints, Surfaces};
use support::echo_server::EchoServer;
use support::ipc_harness::Harness;

const ENV_NAME: &str = "BROWNOUT_CANARY_KEY";
const ENV_REF: &str = "env:BROWNOUT_CANARY_KEY";
const KEYRING_REF: &str = "keyring:brownout-canary/vendor";

/// Every `health-changed` payload, as the UI would receive it.
fn health_events(h: &Harness) -> std::sync::mpsc::Receiver<String> {
    use tauri::Listener;
    let (tx, rx) = std::sync::mpsc::channel();
    h._app.listen_any(
        <brownout_shell::events::HealthChanged as brownout_shell::commands::Event>::NAME,
        move |e| {
            let _ = tx.send(e.payload().to_owned());
        },
    );
    rx
}

#[test]
fn probe_now_sends_env_and_keyring_keys_and_no_reply_or_event_carries_them() {
    let env_key = canary("sk-canary-ipc-");
    // Not shaped like any known key, so only the probe's own redaction can catch it.
    let keyring_key = canary("canary-keyring-ipc-");
    let server = EchoServer::start();
    let env_value = env_key.clone();
    let secrets = Arc::new(SystemSecrets::new(
        move |name| (name == ENV_NAME).then(|| env_value.clone()),
        OsKeyring::with_store(keyring::mock::default_credential_builder()),
    ));
    let h = Harness::with_secrets(secrets);
    let mut seen = Surfaces::new(&[&env_key, &keyring_key]);

    seen.reply(
        "credential_store",
        h.invoke(
            name::credential_store,
            json!({"reference": KEYRING_REF, "secret": keyring_key}),
        ),
    );
    let mut settings = h.ok(name::settings_get, json!({}));
    settings["simulated"] = json!(false);
    h.ok(name::settings_save, json!({ "settings": settings }));
    h.ok(
        name::vendor_save,
        json!({"originalId": null, "vendor": {"id": "canary", "name": "Canary"}}),
    );
    let endpoints = echo_endpoints(|path| server.url(path), ENV_REF, KEYRING_REF);
    for e in &endpoints {
        h.ok(
            name::endpoint_save,
            json!({"originalId": null, "endpoint": serde_json::to_value(e).unwrap()}),
        );
    }

    let events = health_events(&h);
    for e in &endpoints {
        let live = h.ok(name::probe_now, json!({"endpoint": e.id}));
        // Each echo quoted a key; the excerpt shown says it was removed.
        let excerpt = live["last_sample"]["error_excerpt"].as_str();
        assert!(
            excerpt.is_some_and(|x| x.contains("[redacted]")),
            "{}: {}",
            e.id,
            live.to_string()
                .replace(&env_key, "ENV")
                .replace(&keyring_key, "KEYRING")
        );
        seen.add(format!("IPC probe_now {}", e.id), live.to_string());
    }
    // One event per probe (a minute is a bound for a loaded machine, not a speed claim).
    for _ in &endpoints {
        let payload = events.recv_timeout(Duration::from_secs(60)).unwrap();
        seen.add("health-changed payload", payload);
    }

    let board = h.ok(name::health_board, json!({}));
    let shown: Vec<&Value> = board["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| v["endpoints"].as_array().unwrap())
        .filter(|e| e["last_sample"]["error_excerpt"].is_string())
        .collect();
    assert_eq!(shown.len(), endpoints.len(), "{board}");
    seen.add("IPC health_board", board.to_string());
    seen.reply(
        "health_heatmap",
        h.invoke(name::health_heatmap, json!({"vendor": "canary"})),
    );

    let received = server.received();
    for expected in [
        format!("Bearer {env_key}"),
        format!("Bearer {keyring_key}"),
        env_key.clone(),
        keyring_key.clone(),
    ] {
        assert!(
            received.contains(&expected),
            "the server did not receive a key as {}",
            expected
                .replace(&env_key, "ENV")
                .replace(&keyring_key, "KEYRING")
        );
    }
    let db = h.ok(name::app_info, json!({}))["db_path"]
        .as_str()
        .unwrap()
        .to_owned();
    seen.add_file_tree(std::path::Path::new(&db).parent().unwrap());
    assert!(seen.saying("[redacted]") >= endpoints.len() + 2);
    seen.assert_no_leak();
}
