//! Endpoint health as the rest of the domain sees it. Probes (a later capability) produce it;
//! until then every endpoint is `unknown`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The health of one endpoint right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Health {
    Healthy,
    Degraded,
    Down,
    Unknown,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::Degraded => "degraded",
            Health::Down => "down",
            Health::Unknown => "unknown",
        }
    }
}

/// Answers "how is this endpoint doing?"; `None` means the endpoint id is not in the inventory.
pub trait HealthLookup {
    fn health(&self, endpoint: &str) -> Option<Health>;
}

/// Every known endpoint is `unknown`: what the app knows before probes run.
pub struct UnprobedHealth<'a> {
    pub known_endpoints: &'a std::collections::HashSet<String>,
}

impl HealthLookup for UnprobedHealth<'_> {
    fn health(&self, endpoint: &str) -> Option<Health> {
        self.known_endpoints
            .contains(endpoint)
            .then_some(Health::Unknown)
    }
}

impl HealthLookup for std::collections::HashMap<String, Health> {
    fn health(&self, endpoint: &str) -> Option<Health> {
        self.get(endpoint).copied()
    }
}
