//! The canary: made-up keys, one in an environment variable (`env:`) and one typed into the app
//! and kept in the keyring (the keyring crate's mock store), are sent by real probes to a
//! loopback server that hands every key straight back in its error bodies and headers. The
//! probes are classified, their samples and state changes recorded in the history, and then
//! every place a key could leak to is searched: the database files (with the WAL) and
//! everything else in the workspace folder, the inventory exports, the samples' error excerpts,
//! the CLI's output, and the IPC replies. Neither key may appear in any of them, while the
//! server proves it received both.
//!
//! One test in its own binary: it sets a process environment variable before anything starts.
//! The real `brownout probe run` and the app's probe monitor are searched the same way in
//! `secret_canary_cli.rs` and `secret_canary_ipc.rs`.

mod support {
    pub mod binary;
    pub mod canary;
    pub mod echo_server;
    pub mod ipc_harness;
}

use std::path::PathBuf;
use std::sync::Arc;

use brownout_core::inventory::file::{self, Format};
use brownout_core::inventory::Endpoint;
use brownout_core::probe::classify::{classify, ProbeContext};
use brownout_core::probe::http::network::SystemResolver;
use brownout_core::probe::http::{AddressPolicy, Network, Prober};
use brownout_core::probe::live::LiveState;
use brownout_core::probe::request::{self, SecretResolver};
use brownout_core::probe::runner::{self, Limits, Target};
use brownout_core::probe::secrets::{OsKeyring, SystemSecrets};
use brownout_core::probe::{history, Outcome, Reason, Sample};
use brownout_shell::commands::list::name;
use brownout_shell::AppState;
use chrono::{SecondsFormat, Utc};
use serde_json::json;
use support::binary::{brownout, text};
use support::canary::{canary, echo_endpoints, Surfaces};
use support::echo_server::EchoServer;
use support::ipc_harness::Harness;
use tauri::Manager;

const ENV_NAME: &str = "BROWNOUT_CANARY_KEY";
const ENV_REF: &str = "env:BROWNOUT_CANARY_KEY";
const KEYRING_REF: &str = "keyring:brownout-canary/vendor";

/// One sweep over `endpoints`, classified as the app classifies: with the secret each probe
/// sent, so it is removed from the excerpt.
fn probe_and_classify(
    endpoints: &[Endpoint],
    secrets: &Arc<SystemSecrets>,
) -> (Vec<(String, Outcome)>, Vec<Sample>) {
    let prober = Arc::new(Prober::new(Network {
        resolver: Arc::new(SystemResolver),
        policy: AddressPolicy::loopback_only(),
    }));
    let targets = endpoints
        .iter()
        .map(|e| Target {
            endpoint: e.clone(),
            config: e.probe.clone().unwrap(),
        })
        .collect();
    let resolver: Arc<dyn SecretResolver> = secrets.clone();
    let outcomes =
        tauri::async_runtime::block_on(runner::sweep(prober, resolver, targets, Limits::default()));
    let now = Utc::now();
    let at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let samples = outcomes
        .iter()
        .map(|(id, outcome)| {
            let e = endpoints.iter().find(|e| &e.id == id).unwrap();
            let config = e.probe.as_ref().unwrap();
            let secret = secrets.secret(e.credential.as_deref().unwrap()).unwrap();
            let ctx = ProbeContext {
                config,
                credential: Some(&secret),
                now,
            };
            let kind = request::effective_kind(e.api_style, config);
            classify(e.api_style, kind, outcome, e.latency_slo_ms, &ctx).into_sample(id, &at)
        })
        .collect();
    (outcomes, samples)
}

#[test]
fn the_canary_keys_reach_the_vendor_and_nothing_else() {
    let env_canary = canary("sk-canary-");
    // Not shaped like any known key, so only the probe's own redaction can catch it.
    let keyring_canary = canary("canary-keyring-");
    // Before any thread starts: the probes and the CLI read it from the environment.
    std::env::set_var(ENV_NAME, &env_canary);
    let mut seen = Surfaces::new(&[&env_canary, &keyring_canary]);

    let server = EchoServer::start();
    let secrets = Arc::new(SystemSecrets::new(
        |name| std::env::var(name).ok(),
        OsKeyring::with_store(keyring::mock::default_credential_builder()),
    ));
    let h = Harness::with_secrets(secrets.clone());

    // The operator stores the key from the endpoint form, and mistypes once.
    let store = |reference: &str, secret: &str| {
        h.invoke(
            name::credential_store,
            json!({"reference": reference, "secret": secret}),
        )
    };
    seen.reply("credential_store", store(KEYRING_REF, &keyring_canary));
    seen.reply("credential_store refused", store(ENV_REF, &env_canary));
    seen.reply(
        "credential_store refused",
        store(&keyring_canary, &keyring_canary),
    );

    let endpoints = echo_endpoints(|path| server.url(path), ENV_REF, KEYRING_REF);
    seen.reply(
        "vendor_save",
        h.invoke(
            name::vendor_save,
            json!({"originalId": null, "vendor": {"id": "canary", "name": "Canary"}}),
        ),
    );
    for e in &endpoints {
        let reply = h.invoke(
            name::endpoint_save,
            json!({"originalId": null, "endpoint": serde_json::to_value(e).unwrap()}),
        );
        assert!(reply.is_ok(), "{}: {reply:?}", e.id);
        seen.reply("endpoint_save", reply);
    }

    let (outcomes, samples) = probe_and_classify(&endpoints, &secrets);

    // The server got both keys, in each API style's header.
    let received = server.received();
    for expected in [
        format!("Bearer {env_canary}"),
        format!("Bearer {keyring_canary}"),
        keyring_canary.clone(),
        env_canary.clone(),
    ] {
        assert!(
            received.contains(&expected),
            "the server did not receive a key as {}",
            expected
                .replace(&env_canary, "ENV")
                .replace(&keyring_canary, "KEYRING")
        );
    }
    // And handed them back: every reply's body and headers arrive with the key already removed
    // where it was quoted.
    assert_eq!(outcomes.len(), endpoints.len());
    for (id, outcome) in &outcomes {
        let Outcome::Reply(reply) = outcome else {
            panic!("{id}: no reply: {outcome:?}");
        };
        let body = String::from_utf8_lossy(&reply.body);
        assert!(
            body.contains("[redacted]"),
            "{id}: the echo server did not echo"
        );
        let echo = reply.headers.iter().find(|(n, _)| n == "x-echo-credential");
        assert!(
            echo.is_some_and(|(_, v)| v.contains("[redacted]")),
            "{id}: {echo:?}"
        );
        seen.add(format!("reply body of {id}"), body.into_owned());
        seen.add(
            format!("reply headers of {id}"),
            format!("{:?}", reply.headers),
        );
    }

    // The samples: the reasons the echoes deserve, each excerpt with the key removed.
    let reason_of = |id: &str| samples.iter().find(|s| s.endpoint == id).unwrap().reason;
    assert_eq!(reason_of("canary-openai"), Reason::Auth);
    assert_eq!(reason_of("canary-anthropic"), Reason::Auth);
    assert_eq!(reason_of("canary-html"), Reason::InvalidResponse);
    assert_eq!(reason_of("canary-broken"), Reason::ServerError);
    for sample in &samples {
        let excerpt = sample.error_excerpt.as_deref().unwrap_or_default();
        seen.add(format!("error excerpt of {}", sample.endpoint), excerpt);
        seen.add(
            format!("sample of {} as JSON", sample.endpoint),
            serde_json::to_string(sample).unwrap(),
        );
    }
    let redacted = samples
        .iter()
        .filter(|s| {
            s.error_excerpt
                .as_deref()
                .is_some_and(|x| x.contains("[redacted]"))
        })
        .count();
    // Four replies quote the key in what becomes the excerpt; the html one quotes it in the
    // body snippet too.
    assert!(redacted >= 4, "only {redacted} excerpts had a key removed");

    // Into the history, as scheduled probes record them, with the state changes they cause.
    let state = h._app.state::<AppState>();
    let store = state.store();
    history::record_samples(store, &samples).unwrap();
    for (sample, e) in samples.iter().zip(&endpoints) {
        let mut live = LiveState::new(e.probe.as_ref().unwrap());
        if let Some(change) = live.observe(sample) {
            history::record_change(store, &change).unwrap();
        }
    }
    let since = Utc::now() - chrono::Duration::hours(1);
    for e in &endpoints {
        let recent = history::recent_samples(store, &e.id, since, 10).unwrap();
        assert_eq!(recent.len(), 1, "{}", e.id);
        seen.add(
            format!("samples of {} read back", e.id),
            format!("{recent:?}"),
        );
    }

    // The exports.
    for format in [Format::Yaml, Format::Json] {
        let text = file::export(store, format).unwrap();
        assert!(text.contains(KEYRING_REF) && text.contains(ENV_REF));
        seen.add(format!("export {format:?}"), text);
    }

    // The IPC replies the UI reads.
    for (cmd, args) in [
        (name::inventory_get, json!({})),
        (name::audit_run, json!({})),
        (name::settings_get, json!({})),
        (name::app_info, json!({})),
        (name::timeline_list, json!({"incidentId": null})),
    ] {
        let reply = h.invoke(cmd, args);
        assert!(reply.is_ok(), "{cmd}: {reply:?}");
        seen.reply(cmd, reply);
    }

    // The command line, with the env key in its environment.
    let db = PathBuf::from(h.ok(name::app_info, json!({}))["db_path"].as_str().unwrap());
    for args in [
        &["inventory", "export"][..],
        &["inventory", "export", "--format", "json"],
        &["audit", "--json"],
        &["audit"],
    ] {
        let out = brownout(&db, args);
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            text(&out.stderr)
        );
        seen.add(format!("stdout of {args:?}"), out.stdout);
        seen.add(format!("stderr of {args:?}"), out.stderr);
    }

    // Every file of the workspace: the database, its WAL and shared memory, the runbooks.
    seen.add_file_tree(db.parent().unwrap());
    assert!(
        seen.found.iter().any(|(place, _)| place.ends_with("-wal")),
        "the database has no WAL to search"
    );

    seen.assert_no_leak();
}
