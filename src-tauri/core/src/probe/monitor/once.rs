//! One sweep without live state (`brownout probe run`): every probe once, each sample
//! recorded in the history as the monitor records its own, no hysteresis.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::probes::{probes, Probe};
use super::MonitorError;
use crate::inventory::Inventory;
use crate::probe::history;
use crate::probe::http::Prober;
use crate::probe::request::SecretResolver;
use crate::probe::runner::{self, Limits};
use crate::probe::targets::Routing;
use crate::probe::Sample;
use crate::store::Store;

/// The probes of `inv` a sweep runs: all of them, or only `endpoint`'s (an error when `inv`
/// has no such endpoint or it is not probed).
pub fn select(
    inv: &Inventory,
    routing: &Routing,
    endpoint: Option<&str>,
) -> Result<Vec<Probe>, MonitorError> {
    let all = probes(inv, routing);
    let Some(id) = endpoint else {
        return Ok(all);
    };
    if !inv.endpoints.iter().any(|e| e.id == id) {
        return Err(MonitorError::UnknownEndpoint(id.to_owned()));
    }
    let chosen: Vec<Probe> = all.into_iter().filter(|p| p.id() == id).collect();
    if chosen.is_empty() {
        return Err(MonitorError::NotProbed(id.to_owned()));
    }
    Ok(chosen)
}

/// Runs `chosen` once and records their samples; returns them in the order of `chosen`.
/// `secrets` resolves real credentials (the simulator's key is fixed).
pub async fn sweep(
    store: &Store,
    chosen: Vec<Probe>,
    routing: &Routing,
    secrets: Arc<dyn SecretResolver>,
    limits: Limits,
    now: impl Fn() -> DateTime<Utc>,
) -> Result<Vec<Sample>, MonitorError> {
    let secrets = routing.secrets(secrets);
    let prober = Arc::new(Prober::new(routing.network()));
    let started = now();
    let targets = chosen.iter().map(|p| p.target().clone()).collect();
    let outcomes = runner::sweep(prober, secrets, targets, limits).await;
    let finished = now();
    let by_id: HashMap<&str, &Probe> = chosen.iter().map(|p| (p.id(), p)).collect();
    let samples: Vec<Sample> = outcomes
        .iter()
        .filter_map(|(id, outcome)| {
            let probe = by_id.get(id.as_str())?;
            Some(probe.sample(outcome, started, finished))
        })
        .collect();
    history::record_samples(store, &samples)?;
    Ok(samples)
}
