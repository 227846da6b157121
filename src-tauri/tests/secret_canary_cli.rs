//! The canary through `brownout probe run`, a real process: a made-up key in an environment
//! variable (`env:`) is sent by every probed endpoint of a workspace that is not simulated to a
//! loopback server that hands it straight back in its error bodies and headers. The key may
//! appear in neither the command's output (table or JSON) nor its standard error nor any file
//! of the workspace afterwards (the database with its WAL and shared memory), while the server
//! proves it received it.

mod support {
    pub mod binary;
    pub mod canary;
    pub mod echo_server;
    pub mod real_workspace;
}

use serde_json::{json, Value};
use support::binary::{command, text};
use support::canary::{canary, echo_endpoints, Surfaces};
use support::echo_server::EchoServer;
use support::real_workspace::real_workspace;

const ENV_NAME: &str = "BROWNOUT_CANARY_KEY";
const ENV_REF: &str = "env:BROWNOUT_CANARY_KEY";

#[test]
fn probe_run_sends_the_env_key_and_neither_prints_nor_records_it() {
    // Not shaped like any known key, so only the probe's own redaction can catch it.
    let key = canary("canary-cli-");
    let server = EchoServer::start();
    let endpoints = echo_endpoints(|path| server.url(path), ENV_REF, ENV_REF);
    let inventory = json!({
        "vendors": [{"id": "canary", "name": "Canary"}],
        "endpoints": endpoints,
    })
    .to_string();
    let ws = real_workspace(&inventory, "json");
    let team_file = ws.dir.path().join("inventory.json");
    let mut seen = Surfaces::new(&[&key]);

    let runs: [&[&str]; 4] = [
        &["probe", "run", "--json"],
        &["probe", "run"],
        &["probe", "run", "--endpoint", "canary-openai", "--json"],
        &[
            "probe",
            "run",
            "--json",
            "--inventory",
            team_file.to_str().unwrap(),
        ],
    ];
    for args in runs {
        let out = command(&ws.db, args).env(ENV_NAME, &key).output().unwrap();
        // None of the echoes is healthy: the probed endpoint is not either.
        let expected = if args.contains(&"--endpoint") { 1 } else { 0 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
        if args.contains(&"--json") {
            let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
            let wanted = if args.contains(&"--endpoint") {
                1
            } else {
                endpoints.len()
            };
            assert_eq!(rows.len(), wanted, "{args:?}");
            // Each echo quoted the key; what is printed instead says it was removed.
            for row in &rows {
                let excerpt = row["error_excerpt"].as_str().unwrap_or_default();
                assert!(
                    excerpt.contains("[redacted]"),
                    "{args:?}: {}",
                    row.to_string().replace(&key, "KEY")
                );
            }
        } else {
            assert!(text(&out.stdout).contains("[redacted]"), "{args:?}");
        }
        seen.add(format!("stdout of {args:?}"), out.stdout);
        seen.add(format!("stderr of {args:?}"), out.stderr);
    }

    // The server got the key in each API style's header.
    let received = server.received();
    for expected in [format!("Bearer {key}"), key.clone()] {
        assert!(
            received.contains(&expected),
            "the server did not receive the key as {}",
            expected.replace(&key, "KEY")
        );
    }
    // The sweeps were recorded: three of them in the workspace, the team file's nowhere.
    let recorded: i64 = rusqlite::Connection::open(&ws.db)
        .unwrap()
        .query_row("SELECT count(*) FROM probe_samples", [], |r| r.get(0))
        .unwrap();
    assert_eq!(recorded, 2 * endpoints.len() as i64 + 1);

    // Every file of the workspace: the database, and its WAL and shared memory if left.
    seen.add_file_tree(ws.dir.path());
    assert!(seen
        .found
        .iter()
        .any(|(place, _)| place.ends_with("probe.db")));
    seen.assert_no_leak();
}
