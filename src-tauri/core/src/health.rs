//! Endpoint health as the rest of the domain sees it. The probe monitor produces it (into a
//! [`SharedHealth`]); while no monitor runs every endpoint is `unknown`.

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

crate::text_enum::text_enum!(Health);

/// Whether a step conditional on endpoint health (`{{if-healthy:…}}`) applies right now.
/// Ordered worst first, so the worst of several conditions is their minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// One of its endpoints is degraded or down.
    NotApplicable,
    /// One of its endpoints has no known health (no probe yet, or not in the inventory).
    Unknown,
    /// No condition, or every endpoint it names is healthy.
    Applicable,
}

impl Applicability {
    /// What one endpoint's health (`None`: not in the inventory) says about a step on it.
    pub fn of(health: Option<Health>) -> Self {
        match health {
            Some(Health::Healthy) => Self::Applicable,
            Some(Health::Degraded | Health::Down) => Self::NotApplicable,
            Some(Health::Unknown) | None => Self::Unknown,
        }
    }
}

/// The rule for a step with `{{if-healthy:…}}` conditions, used by the renderer and the
/// walk-through alike: the worst of them decides, and the endpoint that decides is returned
/// (the first one at that level). No condition: applicable, no endpoint.
pub fn applicability<'a>(
    conditions: impl IntoIterator<Item = &'a str>,
    health: &dyn HealthLookup,
) -> (Applicability, Option<&'a str>) {
    let mut worst = (Applicability::Applicable, None);
    for endpoint in conditions {
        let a = Applicability::of(health.health(endpoint));
        if a < worst.0 {
            worst = (a, Some(endpoint));
        }
    }
    worst
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

/// The live health of endpoints, shared between the probe monitor that writes it and every
/// reader (runbook rendering, walk-throughs). Cheap to clone; empty until probes run.
#[derive(Debug, Clone, Default)]
pub struct SharedHealth(
    std::sync::Arc<std::sync::RwLock<std::collections::HashMap<String, Health>>>,
);

impl SharedHealth {
    /// Replaces every endpoint's health at once.
    pub fn replace(&self, health: std::collections::HashMap<String, Health>) {
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = health;
    }

    pub fn set(&self, endpoint: &str, health: Health) {
        let mut map = self.0.write().unwrap_or_else(|p| p.into_inner());
        map.insert(endpoint.to_owned(), health);
    }

    /// A lookup over the endpoints in `known` (the inventory's): their live health, `unknown`
    /// for those without one yet.
    pub fn lookup(
        &self,
        known: &std::collections::HashSet<String>,
    ) -> std::collections::HashMap<String, Health> {
        let map = self.0.read().unwrap_or_else(|p| p.into_inner());
        known
            .iter()
            .map(|e| (e.clone(), map.get(e).copied().unwrap_or(Health::Unknown)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
