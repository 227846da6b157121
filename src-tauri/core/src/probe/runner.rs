//! A sweep: many endpoints probed at once, at most `global` at a time and `per_host` per host.
//!
//! Each probe runs under its own deadline (the prober's hard deadline), counted from when it
//! starts, and waits for its host's slot before it takes a global one. So a hanging probe
//! holds one host slot and one global slot until its own deadline and no longer, and the probes
//! of other hosts go ahead meanwhile.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use reqwest::Url;
use tokio::sync::{mpsc, Semaphore};

use crate::inventory::Endpoint;
use crate::probe::http::Prober;
use crate::probe::request::{self, SecretResolver};
use crate::probe::{Outcome, ProbeConfig, TransportFailure};

/// How many probes run at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub global: usize,
    /// Per host and port: one vendor is not hit by a burst of its own endpoints.
    pub per_host: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            global: 16,
            per_host: 1,
        }
    }
}

/// One endpoint to probe, with its `probe:` block.
#[derive(Debug, Clone)]
pub struct Target {
    pub endpoint: Endpoint,
    pub config: ProbeConfig,
}

/// Probes every target and returns `(endpoint id, outcome)` in the order of `targets`.
/// Targets whose kind is `none` are left out.
pub async fn sweep(
    prober: Arc<Prober>,
    secrets: Arc<dyn SecretResolver>,
    targets: Vec<Target>,
    limits: Limits,
) -> Vec<(String, Outcome)> {
    let order: HashMap<String, usize> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| (t.endpoint.id.clone(), i))
        .collect();
    let mut results = Vec::with_capacity(targets.len());
    let mut arrivals = sweep_as_done(prober, secrets, targets, limits);
    while let Some(result) = arrivals.recv().await {
        results.push(result);
    }
    results.sort_by_key(|(id, _)| order.get(id).copied().unwrap_or(usize::MAX));
    results
}

/// Like [`sweep`], but each outcome arrives as soon as its probe ends, so a slow probe holds
/// back nothing but itself.
pub fn sweep_as_done(
    prober: Arc<Prober>,
    secrets: Arc<dyn SecretResolver>,
    targets: Vec<Target>,
    limits: Limits,
) -> mpsc::UnboundedReceiver<(String, Outcome)> {
    let (sender, receiver) = mpsc::unbounded_channel();
    let global = Arc::new(Semaphore::new(limits.global.max(1)));
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    for target in targets {
        let started = Instant::now();
        let request = match request::build(&target.endpoint, &target.config, secrets.as_ref()) {
            Ok(Some(request)) => request,
            Ok(None) => continue,
            Err(e) => {
                let outcome = Outcome::Failed {
                    failure: TransportFailure::NoCredential,
                    detail: e.to_string(),
                    latency_ms: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
                };
                let _ = sender.send((target.endpoint.id, outcome));
                continue;
            }
        };
        let host = hosts
            .entry(host_key(&request.url))
            .or_insert_with(|| Arc::new(Semaphore::new(limits.per_host.max(1))))
            .clone();
        let (global, prober, sender) = (global.clone(), prober.clone(), sender.clone());
        tokio::spawn(async move {
            // The semaphores are never closed, so acquiring cannot fail.
            let Ok(_host) = host.acquire_owned().await else {
                return;
            };
            let Ok(_slot) = global.acquire_owned().await else {
                return;
            };
            let outcome = prober.probe(&request, &target.config).await;
            let _ = sender.send((target.endpoint.id, outcome));
        });
    }
    receiver
}

/// Host and port of a URL; the URL itself when it has none (it fails on its own later).
fn host_key(url: &str) -> String {
    match Url::parse(url) {
        Ok(url) => format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        ),
        Err(_) => url.to_owned(),
    }
}

#[cfg(test)]
mod tests;
