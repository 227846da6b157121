//! The key a probe sent never reaches its sample, whatever the resolver says when the sample
//! is classified: the key replaced in the keyring while the probe was in flight, or no longer
//! readable at all (a keyring locked again). A loopback server hands the key straight back in
//! its error body and headers. The keys are shaped like no known key, so only the probe's
//! own redaction can catch them.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use brownout_core::inventory::{self, ApiStyle, Endpoint, Inventory, Vendor};
use brownout_core::probe::history;
use brownout_core::probe::monitor::once;
use brownout_core::probe::request::{CredentialError, SecretResolver};
use brownout_core::probe::runner::Limits;
use brownout_core::probe::targets::Routing;
use brownout_core::probe::{ProbeConfig, Sample};
use brownout_core::store::Store;
use chrono::Utc;

/// A loopback server answering `401` with every request's `authorization` in the body and a
/// header; its base URL, and what it received.
fn echo_server() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v1", listener.local_addr().unwrap());
    let received = Arc::new(Mutex::new(Vec::new()));
    let log = received.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut key = String::new();
            for line in BufReader::new(stream.try_clone().unwrap()).lines() {
                let line = line.unwrap_or_default();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("authorization:") {
                    key = line[line.len() - v.trim_start().len()..].to_owned();
                }
            }
            log.lock().unwrap().push(key.clone());
            let body = format!(r#"{{"error":{{"message":"Incorrect API key provided: {key}"}}}}"#);
            let reply = format!(
                "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\nx-echo: {key}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    (url, received)
}

/// Hands out `keys` one read after another, then fails as a locked keyring does.
struct Changing {
    keys: Vec<String>,
    reads: AtomicUsize,
}

impl SecretResolver for Changing {
    fn secret(&self, _reference: &str) -> Result<String, CredentialError> {
        let read = self.reads.fetch_add(1, Ordering::SeqCst);
        self.keys
            .get(read)
            .cloned()
            .ok_or_else(|| CredentialError::UnsetVariable {
                name: "CANARY".into(),
            })
    }
}

/// One `brownout probe run` sweep of an OpenAI-style endpoint at the echo server, with keys
/// from `keys`; the sample, and the key the server received.
fn sweep_with(keys: &[&str]) -> (Sample, String, Store) {
    let (url, received) = echo_server();
    let inv = Inventory {
        vendors: vec![Vendor {
            id: "v".into(),
            name: "Vendor".into(),
            status_page: None,
            status_api: None,
            status_components: vec![],
        }],
        endpoints: vec![Endpoint {
            id: "e".into(),
            vendor: "v".into(),
            name: "E".into(),
            model: "m".into(),
            base_url: url,
            api_style: ApiStyle::Openai,
            credential: Some("env:CANARY".into()),
            latency_slo_ms: 60_000,
            probe: Some(ProbeConfig::default()),
        }],
        workflows: vec![],
        rotations: vec![],
    };
    let store = Store::open_in_memory().unwrap().0;
    inventory::replace_all(&store, &inv).unwrap();
    let secrets = Arc::new(Changing {
        keys: keys.iter().map(|k| (*k).to_owned()).collect(),
        reads: AtomicUsize::new(0),
    });
    let chosen = once::select(&inv, &Routing::Real, None).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let samples = runtime
        .block_on(once::sweep(
            &store,
            chosen,
            &Routing::Real,
            secrets,
            Limits::default(),
            Utc::now,
        ))
        .unwrap();
    let sent = received.lock().unwrap().clone();
    assert_eq!(sent.len(), 1, "one probe, one request");
    (samples[0].clone(), sent[0].clone(), store)
}

/// The sample and its row in the history say the key was removed, and never show it.
fn assert_redacted(sample: &Sample, sent: &str, store: &Store) {
    let excerpt = sample.error_excerpt.as_deref().unwrap_or_default();
    assert!(
        excerpt.contains("[redacted]"),
        "{}",
        excerpt.replace(sent, "KEY")
    );
    let since = Utc::now() - chrono::Duration::hours(1);
    let recorded = history::recent_samples(store, "e", since, 10).unwrap();
    assert_eq!(recorded.len(), 1);
    for place in [format!("{sample:?}"), format!("{recorded:?}")] {
        assert!(!place.contains(sent), "the key sent is in {place}");
    }
}

#[test]
fn a_key_replaced_while_the_probe_was_in_flight_is_still_removed() {
    let (sample, sent, store) = sweep_with(&["canary-sent-0123456789", "canary-next-9876543210"]);
    assert_eq!(sent, "Bearer canary-sent-0123456789");
    assert_redacted(&sample, "canary-sent-0123456789", &store);
}

#[test]
fn a_key_no_longer_readable_when_the_sample_is_made_is_still_removed() {
    let (sample, sent, store) = sweep_with(&["canary-locked-0123456789"]);
    assert_eq!(sent, "Bearer canary-locked-0123456789");
    assert_redacted(&sample, "canary-locked-0123456789", &store);
}
