//! `brownout probe run` against a loopback server: one sample per probed endpoint, recorded in
//! the history, as a table or JSON, and the exit code the critical workflows' chains decide.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod binary;
    pub mod real_workspace;
}

use serde_json::Value;
use support::binary::{assert_fails_saying, brownout, text};
use support::real_workspace::{real_workspace, Setup};

/// A loopback server answering by path: `/ok` 200, `/down` 500, `/throttled` 429 with
/// `retry-after: 30`. Its base URL.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).into_owned();
            let path = head.split(' ').nth(1).unwrap_or("/").to_owned();
            let (status, extra) = match path.as_str() {
                "/ok" => ("200 OK", ""),
                "/throttled" => ("429 Too Many Requests", "retry-after: 30\r\n"),
                _ => ("500 Internal Server Error", ""),
            };
            let reply = format!(
                "HTTP/1.1 {status}\r\n{extra}content-length: 2\r\nconnection: close\r\n\r\n{{}}"
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    base
}

fn endpoint(id: &str, url: &str, probed: bool) -> String {
    let probe = if probed { "\n  probe: {}" } else { "" };
    format!(
        "- id: {id}\n  vendor: local\n  name: {id}\n  model: m\n  base_url: {url}\n  api_style: http\n  latency_slo_ms: 60000{probe}\n"
    )
}

fn workflow(id: &str, primary: &str, fallback: &str) -> String {
    format!(
        "- id: {id}\n  name: {id}\n  criticality: critical\n  primary: {primary}\n  fallbacks:\n  - endpoint: {fallback}\n  - strategy: Serve cached answers\n"
    )
}

/// An inventory of a healthy, a failing, a throttled and an unprobed endpoint; `workflows`
/// as given.
fn inventory(base: &str, workflows: &[String]) -> String {
    let endpoints = [
        endpoint("up", &format!("{base}/ok"), true),
        endpoint("broken", &format!("{base}/down"), true),
        endpoint("busy", &format!("{base}/throttled"), true),
        endpoint("quiet", &format!("{base}/ok"), false),
    ]
    .concat();
    format!(
        "vendors:\n- id: local\n  name: Local\nendpoints:\n{endpoints}workflows:\n{}",
        workflows.concat()
    )
}

/// A workspace whose inventory is `inventory`; these probe their own loopback servers.
fn workspace(inventory: &str) -> Setup {
    real_workspace(inventory, "yaml")
}

fn samples_in(db: &Path) -> Vec<(String, String)> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut stmt = c
        .prepare("SELECT endpoint_id, reason FROM probe_samples ORDER BY endpoint_id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn one_sweep_prints_each_sample_records_it_and_fails_a_critical_chain_without_a_healthy_endpoint() {
    let base = server();
    // `served` has a healthy fallback; `stuck` has only a failing and a throttled endpoint
    // (degraded is not healthy, and its strategy does not count).
    let ws = workspace(&inventory(
        &base,
        &[
            workflow("served", "broken", "up"),
            workflow("stuck", "broken", "busy"),
        ],
    ));
    let out = brownout(&ws.db, &["probe", "run", "--json"]);
    assert_fails_saying(&out, 1, "critical workflow stuck has no healthy endpoint");
    assert!(!text(&out.stderr).contains("served"));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r["endpoint"].as_str().unwrap(),
                r["state"].as_str().unwrap(),
                r["reason"].as_str().unwrap(),
                r["http_status"].as_u64(),
                r["retry_after_s"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        got,
        // In the inventory's order (by id).
        [
            ("broken", "down", "server_error", Some(500), None),
            ("busy", "degraded", "throttled", Some(429), Some(30)),
            ("up", "healthy", "ok", Some(200), None),
        ]
    );
    assert!(rows.iter().all(|r| r["latency_ms"].is_u64()));
    assert!(rows[0]["retry_after_s"].is_null());
    assert_eq!(
        samples_in(&ws.db),
        [
            ("broken".to_string(), "server_error".to_string()),
            ("busy".to_string(), "throttled".to_string()),
            ("up".to_string(), "ok".to_string()),
        ]
    );

    let table = brownout(&ws.db, &["probe", "run"]);
    assert_eq!(table.status.code(), Some(1));
    let table = text(&table.stdout);
    assert!(table.starts_with("ENDPOINT"), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("busy") && l.contains("throttled") && l.contains("30s")),
        "{table}"
    );
    assert_eq!(samples_in(&ws.db).len(), 6);
}

#[test]
fn with_endpoint_only_that_endpoint_is_probed_and_decides_the_exit_code() {
    let base = server();
    let ws = workspace(&inventory(&base, &[workflow("stuck", "broken", "busy")]));
    let up = brownout(&ws.db, &["probe", "run", "--endpoint", "up", "--json"]);
    assert_eq!(up.status.code(), Some(0), "{}", text(&up.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&up.stdout).unwrap();
    assert_eq!(rows.len(), 1);
    let busy = brownout(&ws.db, &["probe", "run", "--endpoint", "busy"]);
    assert_fails_saying(&busy, 1, "endpoint busy is degraded");
    assert_eq!(samples_in(&ws.db).len(), 2);
}

#[test]
fn bad_input_exits_2_and_says_what_is_wrong() {
    let base = server();
    let ws = workspace(&inventory(&base, &[workflow("stuck", "broken", "busy")]));
    let out = brownout(&ws.db, &["probe", "run", "--endpoint", "nope"]);
    assert_fails_saying(&out, 2, "there is no endpoint 'nope'");
    let out = brownout(&ws.db, &["probe", "run", "--endpoint", "quiet"]);
    assert_fails_saying(&out, 2, "endpoint 'quiet' has no probe: block");
    assert!(samples_in(&ws.db).is_empty());
}

#[test]
fn a_team_inventory_file_is_probed_without_a_database() {
    let base = server();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inventory.yaml");
    std::fs::write(
        &file,
        inventory(&base, &[workflow("served", "broken", "up")]),
    )
    .unwrap();
    let db = dir.path().join("never.db");
    let out = brownout(
        &db,
        &["probe", "run", "--inventory", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("server_error"));
    assert!(!db.exists());
    drop(dir);
}
