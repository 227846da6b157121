//! The health commands through the real dispatch on Tauri's mock runtime: the board before any
//! probe, probing an endpoint at once against a loopback server, the heatmap, and bad input.

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod ipc_harness;
}

use std::io::{Read, Write};
use std::net::TcpListener;

use brownout_shell::commands::list::name;
use serde_json::json;
use support::ipc_harness::Harness;

/// A loopback server answering every request `200 {"ok":true}`; its base URL.
fn ok_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/health", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\ncontent-length: 11\r\nconnection: close\r\n\r\n{\"ok\":true}",
            );
        }
    });
    url
}

#[test]
fn the_board_shows_every_vendor_and_chain_unknown_before_probes_run() {
    let h = Harness::new();
    let board = h.ok(name::health_board, json!({}));
    // The seeded demo probes the embedded simulator.
    assert_eq!(board["simulated"], true);
    let vendors = board["vendors"].as_array().unwrap();
    assert_eq!(
        vendors.len(),
        h.inventory()["vendors"].as_array().unwrap().len()
    );
    for e in vendors
        .iter()
        .flat_map(|v| v["endpoints"].as_array().unwrap())
    {
        assert_eq!(
            (e["health"].as_str(), e["reason"].as_str()),
            (Some("unknown"), Some("not_probed"))
        );
    }
    let chains = board["chains"].as_array().unwrap();
    assert_eq!(chains[0]["criticality"], "critical");
    assert!(chains.iter().all(|c| c["has_healthy_endpoint"] == false));
    assert!(board["spend"]["tokens_per_day"].as_u64().unwrap() > 0);
}

#[test]
fn probe_now_probes_at_once_and_the_board_shows_it() {
    let h = Harness::new();
    // Probes go to the endpoint's own server, not the simulator.
    let mut settings = h.ok(name::settings_get, json!({}));
    settings["simulated"] = json!(false);
    h.ok(name::settings_save, json!({ "settings": settings }));
    let ep = json!({"id": "local-check", "vendor": "self-hosted", "name": "Local check", "model": "m",
        "base_url": ok_server(), "api_style": "http", "latency_slo_ms": 60000,
        "probe": {"interval_s": 600}});
    h.ok(
        name::endpoint_save,
        json!({"originalId": null, "endpoint": ep}),
    );
    let events = {
        use tauri::Listener;
        let (tx, rx) = std::sync::mpsc::channel::<serde_json::Value>();
        h._app.listen_any(
            <brownout_shell::events::HealthChanged as brownout_shell::commands::Event>::NAME,
            move |e| {
                let _ = tx.send(serde_json::from_str(e.payload()).unwrap());
            },
        );
        rx
    };
    let live = h.ok(name::probe_now, json!({"endpoint": "local-check"}));
    // The UI hears of it too (a minute is a bound for a loaded machine, not a speed claim).
    let heard = events
        .recv_timeout(std::time::Duration::from_secs(60))
        .unwrap();
    assert_eq!(heard["endpoint"]["endpoint"], "local-check");
    assert_eq!(heard["endpoint"]["health"], "healthy");
    assert_eq!(
        (live["health"].as_str(), live["reason"].as_str()),
        (Some("healthy"), Some("ok"))
    );
    assert_eq!(live["last_sample"]["http_status"], 200);
    let board = h.ok(name::health_board, json!({}));
    let shown = board["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| v["endpoints"].as_array().unwrap())
        .find(|e| e["endpoint"] == "local-check")
        .unwrap()
        .clone();
    assert_eq!(shown["health"], "healthy");
    assert_eq!(shown["latency"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_input_is_refused_with_what_and_where() {
    let h = Harness::new();
    let e = h.refused(name::probe_now, json!({"endpoint": "nope"}), "not_found");
    assert!(e["message"].as_str().unwrap().contains("nope"), "{e}");
    // The demo's self-hosted endpoint has no probe block.
    let unprobed = h.inventory()["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e.get("probe").is_none())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let e = h.refused(name::probe_now, json!({"endpoint": unprobed}), "invalid");
    assert!(e["message"].as_str().unwrap().contains("probe"), "{e}");
    h.refused(name::health_heatmap, json!({"vendor": "nope"}), "not_found");
    assert_eq!(
        h.ok(name::health_heatmap, json!({"vendor": "openai"})),
        json!([])
    );
}
