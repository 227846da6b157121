//! The health board: every vendor's endpoints with their live state and last hour of latency,
//! every workflow's fallback chain with the link it would use, and what the probes cost.
//! These are the shapes the UI receives.

use std::collections::HashMap;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::health::{Health, HealthLookup};
use crate::inventory::{Criticality, Endpoint, Inventory, Vendor};
use crate::probe::history::{self, HistoryError};
use crate::probe::request::effective_kind;
use crate::probe::{chains, spend, ProbeKind, Reason, Sample};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HealthBoard {
    /// The workspace's probes go to the embedded simulator.
    pub simulated: bool,
    /// Ordered by vendor name.
    pub vendors: Vec<VendorHealth>,
    /// One per workflow, ordered by criticality then name.
    pub chains: Vec<ChainHealth>,
    /// Estimated daily token spend of all probes.
    pub spend: TokenSpend,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VendorHealth {
    pub vendor: String,
    pub name: String,
    /// The vendor's `status_api` as a pseudo-endpoint (id from [`status_page_id`]), if any.
    pub status_page: Option<EndpointLive>,
    /// Ordered by name.
    pub endpoints: Vec<EndpointLive>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EndpointLive {
    pub endpoint: String,
    pub vendor: String,
    pub name: String,
    /// Has a probe block whose kind is not `none`.
    pub probed: bool,
    /// The live state (with hysteresis): `unknown` / `not_probed` until the first sample.
    pub health: Health,
    pub reason: Reason,
    /// UTC RFC 3339 of the last state change.
    pub changed_at: Option<String>,
    pub last_sample: Option<Sample>,
    /// The last hour, oldest first (a sparkline).
    pub latency: Vec<LatencyPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LatencyPoint {
    /// Start of the point's 5 minutes, UTC RFC 3339.
    pub at: String,
    pub p50_ms: u32,
    pub p95_ms: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChainHealth {
    pub workflow: String,
    pub name: String,
    pub criticality: Criticality,
    /// Primary first, then fallbacks in order.
    pub links: Vec<ChainLink>,
    /// The link the chain would use now: the first healthy endpoint link; else the first
    /// strategy link; else none.
    pub in_use: Option<usize>,
    pub has_healthy_endpoint: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChainLink {
    pub endpoint: Option<String>,
    pub strategy: Option<String>,
    pub role: LinkRole,
    /// A strategy's is always `unknown`: it is never counted as healthy.
    pub health: Health,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkRole {
    Primary,
    Fallback,
    Strategy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct TokenSpend {
    pub probes_per_day: u64,
    pub tokens_per_day: u64,
}

/// The live state of one endpoint (or status page) as the monitor holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveEntry {
    pub health: Health,
    pub reason: Reason,
    pub changed_at: Option<String>,
    pub last_sample: Option<Sample>,
}

/// Live entries by endpoint id (status pages by [`status_page_id`]).
pub type LiveView = HashMap<String, LiveEntry>;

/// Health by the live view: a known endpoint without an entry is `unknown`.
pub struct LiveLookup<'a> {
    pub inventory: &'a Inventory,
    pub live: &'a LiveView,
}

impl HealthLookup for LiveLookup<'_> {
    fn health(&self, endpoint: &str) -> Option<Health> {
        self.inventory
            .endpoints
            .iter()
            .any(|e| e.id == endpoint)
            .then(|| {
                self.live
                    .get(endpoint)
                    .map_or(Health::Unknown, |l| l.health)
            })
    }
}

/// The id a vendor's status page is probed and recorded under: the `:` keeps it apart from
/// every endpoint id.
pub fn status_page_id(vendor: &str) -> String {
    format!("status:{vendor}")
}

/// Whether an endpoint is probed at all: a `probe:` block whose kind is not `none`.
pub fn is_probed(endpoint: &Endpoint) -> bool {
    endpoint
        .probe
        .as_ref()
        .is_some_and(|c| effective_kind(endpoint.api_style, c) != ProbeKind::None)
}

/// Width of one sparkline point.
const POINT_MINUTES: i64 = 5;
/// The most samples of one hour the sparkline reads (one every 10 s is 360).
const SPARK_SAMPLES: u32 = 2_000;

/// The board for `inv`, from the live view and the history.
pub fn build(
    store: &Store,
    inv: &Inventory,
    live: &LiveView,
    simulated: bool,
    now: DateTime<Utc>,
) -> Result<HealthBoard, HistoryError> {
    let mut vendors = Vec::new();
    for vendor in &inv.vendors {
        let mut endpoints = Vec::new();
        for e in inv.endpoints.iter().filter(|e| e.vendor == vendor.id) {
            endpoints.push(endpoint_live(store, e, live, now)?);
        }
        endpoints.sort_by(|a, b| (&a.name, &a.endpoint).cmp(&(&b.name, &b.endpoint)));
        vendors.push(VendorHealth {
            vendor: vendor.id.clone(),
            name: vendor.name.clone(),
            status_page: status_page_live(store, vendor, live, now)?,
            endpoints,
        });
    }
    vendors.sort_by(|a, b| (&a.name, &a.vendor).cmp(&(&b.name, &b.vendor)));
    let lookup = LiveLookup {
        inventory: inv,
        live,
    };
    Ok(HealthBoard {
        simulated,
        vendors,
        chains: chains::chains(inv, &lookup),
        spend: spend::daily_spend(inv),
    })
}

/// One endpoint's entry on the board.
pub fn endpoint_live(
    store: &Store,
    endpoint: &Endpoint,
    live: &LiveView,
    now: DateTime<Utc>,
) -> Result<EndpointLive, HistoryError> {
    let mut out = entry(store, &endpoint.id, live, now)?;
    out.vendor = endpoint.vendor.clone();
    out.name = endpoint.name.clone();
    out.probed = is_probed(endpoint);
    Ok(out)
}

fn status_page_live(
    store: &Store,
    vendor: &Vendor,
    live: &LiveView,
    now: DateTime<Utc>,
) -> Result<Option<EndpointLive>, HistoryError> {
    if vendor.status_api.is_none() {
        return Ok(None);
    }
    let mut out = entry(store, &status_page_id(&vendor.id), live, now)?;
    out.vendor = vendor.id.clone();
    out.name = format!("{} status page", vendor.name);
    out.probed = true;
    Ok(Some(out))
}

/// The live part of an entry; without a live state, the last recorded sample (a `probe run`
/// from the command line, say) still shows.
fn entry(
    store: &Store,
    id: &str,
    live: &LiveView,
    now: DateTime<Utc>,
) -> Result<EndpointLive, HistoryError> {
    let hour = history::recent_samples(store, id, now - Duration::hours(1), SPARK_SAMPLES)?;
    let state = live.get(id);
    let last_sample = match state.and_then(|s| s.last_sample.clone()) {
        Some(sample) => Some(sample),
        None => history::recent_samples(store, id, now - Duration::days(history::SAMPLE_DAYS), 1)?
            .into_iter()
            .next(),
    };
    Ok(EndpointLive {
        endpoint: id.to_owned(),
        vendor: String::new(),
        name: String::new(),
        probed: false,
        health: state.map_or(Health::Unknown, |s| s.health),
        reason: state.map_or(Reason::NotProbed, |s| s.reason),
        changed_at: state.and_then(|s| s.changed_at.clone()),
        last_sample,
        latency: sparkline(&hour),
    })
}

/// How far back a vendor's heatmap reaches: four of each weekday.
pub const HEATMAP_DAYS: i64 = 28;

/// The peak-hours heatmap of `vendor`'s endpoints over the last [`HEATMAP_DAYS`], hour of day
/// by weekday in `time_zone` (UTC when it is not an IANA zone). `None`: no such vendor.
pub fn vendor_heatmap(
    store: &Store,
    inv: &Inventory,
    vendor: &str,
    time_zone: &str,
    now: DateTime<Utc>,
) -> Result<Option<Vec<history::HeatCell>>, HistoryError> {
    if !inv.vendors.iter().any(|v| v.id == vendor) {
        return Ok(None);
    }
    let endpoints: Vec<&str> = inv
        .endpoints
        .iter()
        .filter(|e| e.vendor == vendor)
        .map(|e| e.id.as_str())
        .collect();
    let rollups = history::rollups(store, &endpoints, now - Duration::days(HEATMAP_DAYS))?;
    let zone: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::UTC);
    Ok(Some(history::heatmap(&rollups, &zone)))
}

/// 5-minute p50/p95 points of `samples` (newest first, as the history returns them), oldest
/// point first; minutes without samples have no point.
pub fn sparkline(samples: &[Sample]) -> Vec<LatencyPoint> {
    let mut buckets: Vec<(i64, Vec<u32>)> = Vec::new();
    for s in samples.iter().rev() {
        let Ok(at) = DateTime::parse_from_rfc3339(&s.at) else {
            continue;
        };
        let width = POINT_MINUTES * 60;
        let start = at.timestamp() - at.timestamp().rem_euclid(width);
        match buckets.last_mut() {
            Some((b, latencies)) if *b == start => latencies.push(s.latency_ms),
            _ => buckets.push((start, vec![s.latency_ms])),
        }
    }
    buckets
        .into_iter()
        .map(|(start, mut latencies)| {
            latencies.sort_unstable();
            LatencyPoint {
                at: DateTime::from_timestamp(start, 0)
                    .unwrap_or_default()
                    .to_rfc3339_opts(SecondsFormat::Secs, true),
                p50_ms: history::percentile(&latencies, 50),
                p95_ms: history::percentile(&latencies, 95),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
