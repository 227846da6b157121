use std::io::{Read, Write};
use std::net::TcpStream;

use super::*;
use crate::simulator::FaultKind;
use crate::workspace::WorkspaceLocation;

/// A fresh workspace: seeded with the demo, so simulated.
fn fresh() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let location = WorkspaceLocation {
        db: Some(dir.path().join("w.db")),
    };
    let ws = Workspace::open(&location).unwrap();
    (dir, ws)
}

fn switch_simulation(ws: &Workspace, on: bool) {
    let mut s = settings::load(&ws.store, ws.dir()).unwrap();
    s.simulated = on;
    settings::save(&ws.store, &s).unwrap();
}

/// The status line of a chat completion sent to `base_url`'s vendor `vendor`.
fn chat_status(base_url: &str, vendor: &str) -> String {
    let addr = base_url.trim_start_matches("http://");
    let body = r#"{"model":"gpt-4o","messages":[]}"#;
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "POST /{vendor}/v1/chat/completions HTTP/1.1\r\nhost: {addr}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn a_simulated_workspace_breaks_and_restores_its_vendors() {
    let (_dir, ws) = fresh();
    let sim = EmbeddedSimulator::default();
    let state = get(&ws, &sim).unwrap();
    assert!(state.simulated);
    let base_url = state.base_url.clone().expect("the simulator runs");
    assert_eq!(sim.base_url().as_deref(), Some(base_url.as_str()));
    assert_eq!(state.vendors.len(), 6);
    assert!(state
        .vendors
        .iter()
        .all(|v| v.fault.kind == FaultKind::None));

    let state = set(&ws, &sim, "openai", Fault::of(FaultKind::Throttle)).unwrap();
    let openai = state.vendors.iter().find(|v| v.vendor == "openai").unwrap();
    assert_eq!(openai.fault.kind, FaultKind::Throttle);
    assert_eq!(
        chat_status(&base_url, "openai"),
        "HTTP/1.1 429 Too Many Requests"
    );
    assert_eq!(chat_status(&base_url, "anthropic"), "HTTP/1.1 200 OK");

    let state = set(&ws, &sim, "openai", Fault::none()).unwrap();
    assert!(state
        .vendors
        .iter()
        .all(|v| v.fault.kind == FaultKind::None));
    assert_eq!(chat_status(&base_url, "openai"), "HTTP/1.1 200 OK");
    // Started once: the same simulator all along.
    assert_eq!(get(&ws, &sim).unwrap().base_url, Some(base_url));
}

#[test]
fn only_inventory_vendors_and_usable_faults_can_be_set() {
    let (_dir, ws) = fresh();
    let sim = EmbeddedSimulator::default();
    let err = set(&ws, &sim, "acme", Fault::of(FaultKind::Outage)).unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(err.to_string(), "vendor \"acme\" is not in the inventory");
    let bad = Fault {
        kind: FaultKind::Outage,
        retry_after_s: Some(3),
        latency_ms: None,
    };
    let err = set(&ws, &sim, "openai", bad).unwrap_err();
    assert_eq!(err.code(), Code::Invalid);
}

#[test]
fn a_workspace_that_is_not_simulated_never_starts_the_simulator() {
    let (_dir, ws) = fresh();
    switch_simulation(&ws, false);
    let sim = EmbeddedSimulator::default();
    let state = get(&ws, &sim).unwrap();
    assert!(!state.simulated);
    assert_eq!(state.base_url, None);
    assert_eq!(state.vendors.len(), 6);
    let err = set(&ws, &sim, "openai", Fault::of(FaultKind::Hang)).unwrap_err();
    assert!(matches!(err, DrillError::NotSimulated), "{err}");
    assert!(err.to_string().contains("Settings"));
    assert_eq!(sim.for_workspace(&ws).unwrap(), None);
    assert_eq!(sim.base_url(), None, "nothing started the simulator");
}

#[test]
fn switching_simulation_off_hides_the_faults_left_behind() {
    let (_dir, ws) = fresh();
    let sim = EmbeddedSimulator::default();
    set(&ws, &sim, "google", Fault::of(FaultKind::Overloaded)).unwrap();
    switch_simulation(&ws, false);
    let state = get(&ws, &sim).unwrap();
    assert!(state
        .vendors
        .iter()
        .all(|v| v.fault.kind == FaultKind::None));
    switch_simulation(&ws, true);
    let state = get(&ws, &sim).unwrap();
    let google = state.vendors.iter().find(|v| v.vendor == "google").unwrap();
    assert_eq!(google.fault.kind, FaultKind::Overloaded);
}

#[test]
fn the_drill_lists_every_vendor_by_name_with_its_fault() {
    let vendors = crate::inventory::demo::demo_inventory().unwrap().vendors;
    let faults = [("openai".to_owned(), Fault::of(FaultKind::Outage))].into();
    let state = drill_state(true, None, &vendors, &faults);
    let names: Vec<_> = state
        .vendors
        .iter()
        .map(|v| v.name.to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let broken: Vec<_> = state
        .vendors
        .iter()
        .filter(|v| v.fault.kind != FaultKind::None)
        .map(|v| v.vendor.as_str())
        .collect();
    assert_eq!(broken, ["openai"]);
}

#[test]
fn a_drill_is_kept_with_the_workspace_for_the_next_simulator() {
    let (_dir, ws) = fresh();
    let app = EmbeddedSimulator::default();
    set(&ws, &app, "anthropic", Fault::of(FaultKind::Outage)).unwrap();
    set(&ws, &app, "openai", Fault::of(FaultKind::Throttle)).unwrap();
    set(&ws, &app, "openai", Fault::none()).unwrap();

    // Another process (the app after a restart, `brownout probe run`) starts its own simulator
    // with the faults the drill left switched on, and only those.
    let other = EmbeddedSimulator::default();
    let state = get(&ws, &other).unwrap();
    let base_url = state.base_url.clone().unwrap();
    assert_ne!(Some(base_url.clone()), app.base_url());
    let kind = |id: &str| {
        let vendor = state.vendors.iter().find(|v| v.vendor == id).unwrap();
        vendor.fault.kind
    };
    assert_eq!(kind("anthropic"), FaultKind::Outage);
    assert_eq!(kind("openai"), FaultKind::None);
    assert_eq!(chat_status(&base_url, "openai"), "HTTP/1.1 200 OK");
}
