//! The monitor's probes: an endpoint or a vendor status page, each run by the same runner and
//! turned into a [`Sample`] its own way.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::inventory::Inventory;
use crate::probe::classify::{classify, ProbeContext};
use crate::probe::request::effective_kind;
use crate::probe::runner::Target;
use crate::probe::status_page::classify_status_page;
use crate::probe::targets::{endpoint_targets, status_targets, Routing};
use crate::probe::{Outcome, Sample};

/// One thing the monitor probes.
#[derive(Debug, Clone)]
pub enum Probe {
    Endpoint(Target),
    StatusPage {
        target: Target,
        /// The components that count; all when empty.
        components: Vec<String>,
    },
}

impl Probe {
    pub fn target(&self) -> &Target {
        match self {
            Probe::Endpoint(t) | Probe::StatusPage { target: t, .. } => t,
        }
    }

    pub fn id(&self) -> &str {
        &self.target().endpoint.id
    }

    /// The sample `outcome` makes, for a probe that started at `started`. The prober already
    /// removed the credential it sent from everything the outcome carries, so it is not read
    /// again here.
    pub fn sample(&self, outcome: &Outcome, started: DateTime<Utc>, now: DateTime<Utc>) -> Sample {
        let target = self.target();
        let ctx = ProbeContext {
            config: &target.config,
            credential: None,
            now,
        };
        let classified = match self {
            Probe::Endpoint(t) => classify(
                t.endpoint.api_style,
                effective_kind(t.endpoint.api_style, &t.config),
                outcome,
                t.endpoint.latency_slo_ms,
                &ctx,
            ),
            Probe::StatusPage { components, .. } => {
                classify_status_page(outcome, Some(components.as_slice()), &ctx)
            }
        };
        classified.into_sample(
            target.endpoint.id.clone(),
            started.to_rfc3339_opts(SecondsFormat::Secs, true),
        )
    }
}

/// Everything `inv` has to probe: its probed endpoints, then the status pages of their
/// vendors.
pub fn probes(inv: &Inventory, routing: &Routing) -> Vec<Probe> {
    let endpoints = endpoint_targets(inv, routing)
        .into_iter()
        .map(Probe::Endpoint);
    let pages = status_targets(inv, routing)
        .into_iter()
        .map(|s| Probe::StatusPage {
            target: s.target,
            components: s.components,
        });
    endpoints.chain(pages).collect()
}
