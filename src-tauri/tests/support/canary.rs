//! Canary keys and the search for them: made-up keys nobody else uses, and every place a test
//! collected (replies, output, files) searched for each of them.
// Each test crate uses only part of this file.
#![allow(dead_code)]

use std::path::Path;

use brownout_core::inventory::{ApiStyle, Endpoint};
use brownout_core::probe::ProbeConfig;
use serde_json::Value;

/// A key nobody else uses: `prefix` and a per-run tail.
pub fn canary(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}{:016x}", nanos ^ u128::from(std::process::id()))
}

/// Everything searched for the canaries, by where it came from.
pub struct Surfaces {
    pub canaries: Vec<String>,
    pub found: Vec<(String, Vec<u8>)>,
}

impl Surfaces {
    pub fn new(canaries: &[&str]) -> Self {
        Self {
            canaries: canaries.iter().map(|c| (*c).to_owned()).collect(),
            found: Vec::new(),
        }
    }

    pub fn add(&mut self, place: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.found.push((place.into(), bytes.into()));
    }

    pub fn add_file_tree(&mut self, dir: &Path) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                self.add_file_tree(&path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                self.add(path.display().to_string(), bytes);
            }
        }
    }

    /// An IPC reply, or the error the UI would receive instead.
    pub fn reply(&mut self, command: &str, reply: Result<Value, Value>) {
        let (Ok(v) | Err(v)) = reply;
        self.add(format!("IPC {command}"), v.to_string());
    }

    /// How many collected places say `needle` (e.g. that a key was removed there).
    pub fn saying(&self, needle: &str) -> usize {
        self.found
            .iter()
            .filter(|(_, bytes)| contains(bytes, needle))
            .count()
    }

    /// Where each canary appears; the bytes are not printed, so a failure shows no key.
    pub fn leaks(&self) -> Vec<String> {
        let mut leaks = Vec::new();
        for (place, bytes) in &self.found {
            for (i, canary) in self.canaries.iter().enumerate() {
                if contains(bytes, canary) {
                    leaks.push(format!("canary {i} in {place}"));
                }
            }
        }
        leaks
    }

    /// Fails, naming the places, when any canary was found.
    pub fn assert_no_leak(&self) {
        let leaks = self.leaks();
        assert!(leaks.is_empty(), "a key leaked:\n{}", leaks.join("\n"));
    }
}

fn contains(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// An endpoint of vendor `canary` probed at `base_url` with the key `credential` refers to.
pub fn endpoint(id: &str, style: ApiStyle, base_url: String, credential: &str) -> Endpoint {
    Endpoint {
        id: id.into(),
        vendor: "canary".into(),
        name: id.into(),
        model: "canary-model".into(),
        base_url,
        api_style: style,
        credential: Some(credential.into()),
        latency_slo_ms: 5_000,
        probe: Some(ProbeConfig {
            timeout_ms: 5_000,
            connect_timeout_ms: 2_000,
            ..ProbeConfig::default()
        }),
    }
}

/// One endpoint of each API style at the echo server (`url` makes its URLs), keyed
/// alternately by `first` and `second`, plus an http probe of an HTML page and one of a broken
/// page, so that every way a reply becomes an excerpt has a key to remove.
pub fn echo_endpoints(url: impl Fn(&str) -> String, first: &str, second: &str) -> Vec<Endpoint> {
    // The http kind reads the body only when it expects a JSON value in it.
    let mut html = endpoint("canary-html", ApiStyle::Http, url("/status/html"), second);
    if let Some(probe) = html.probe.as_mut() {
        probe.json_pointer = Some("/status".into());
        probe.equals = Some(serde_json::json!("ok"));
    }
    vec![
        endpoint("canary-openai", ApiStyle::Openai, url("/v1"), first),
        endpoint("canary-anthropic", ApiStyle::Anthropic, url("/v1"), second),
        endpoint("canary-azure", ApiStyle::AzureOpenai, url(""), second),
        endpoint("canary-gemini", ApiStyle::Gemini, url("/v1beta"), first),
        html,
        endpoint(
            "canary-broken",
            ApiStyle::Http,
            url("/status/broken"),
            first,
        ),
    ]
}
