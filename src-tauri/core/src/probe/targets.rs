//! What the probes of an inventory reach: each probed endpoint, and each vendor's status page,
//! at its real address or, in a simulated workspace, at the embedded simulator.
//!
//! Simulated routing (`base_url` like `http://127.0.0.1:PORT`):
//! - an endpoint's base URL becomes `{base_url}/{vendor}{path of its base URL}`
//!   (`https://api.openai.com/v1` of vendor `openai` → `{base_url}/openai/v1`);
//! - a vendor's `status_api` becomes `{base_url}/{vendor}/api/v2/summary.json`;
//! - every credential resolves to the fixed, non-secret [`SIMULATED_KEY`]: the environment and
//!   the keyring are never read;
//! - probes may reach loopback addresses only.

use std::sync::Arc;

use reqwest::Url;

use crate::inventory::{ApiStyle, Endpoint, Inventory, Vendor};
use crate::probe::board::{is_probed, status_page_id};
use crate::probe::http::{AddressPolicy, Network};
use crate::probe::request::{CredentialError, SecretResolver};
use crate::probe::runner::Target;
use crate::probe::{ProbeConfig, ProbeKind};

/// The credential every simulated probe sends.
pub const SIMULATED_KEY: &str = "simulated-key";

/// Where a workspace's probes go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routing {
    /// To each endpoint's own base URL, with its real credential.
    Real,
    /// To the simulator at `base_url` (`http://127.0.0.1:PORT`), with [`SIMULATED_KEY`].
    Simulated { base_url: String },
}

impl Routing {
    pub fn is_simulated(&self) -> bool {
        matches!(self, Routing::Simulated { .. })
    }

    /// The secret resolver probes use: `real` for real routing; for simulated routing one that
    /// answers [`SIMULATED_KEY`] and never looks anywhere.
    pub fn secrets(&self, real: Arc<dyn SecretResolver>) -> Arc<dyn SecretResolver> {
        match self {
            Routing::Real => real,
            Routing::Simulated { .. } => Arc::new(SimulatedSecrets),
        }
    }

    /// The network probes use: the system's for real routing; loopback only for the simulator,
    /// so a simulated workspace never reaches anything else.
    pub fn network(&self) -> Network {
        match self {
            Routing::Real => Network::system(),
            Routing::Simulated { .. } => Network {
                policy: AddressPolicy::loopback_only(),
                ..Network::system()
            },
        }
    }

    /// `url` as this routing reaches it, for vendor `vendor`.
    fn route(&self, vendor: &str, url: &str) -> String {
        let Routing::Simulated { base_url } = self else {
            return url.to_owned();
        };
        let base = base_url.trim_end_matches('/');
        let (path, query) = match Url::parse(url) {
            Ok(u) => (
                u.path().trim_end_matches('/').to_owned(),
                u.query().map(str::to_owned),
            ),
            Err(_) => (String::new(), None),
        };
        match query {
            Some(q) => format!("{base}/{vendor}{path}?{q}"),
            None => format!("{base}/{vendor}{path}"),
        }
    }
}

/// Every credential is [`SIMULATED_KEY`].
pub struct SimulatedSecrets;

impl SecretResolver for SimulatedSecrets {
    fn secret(&self, _reference: &str) -> Result<String, CredentialError> {
        Ok(SIMULATED_KEY.to_owned())
    }
}

/// The probe of a probed endpoint, routed. `None` for an endpoint that is not probed.
pub fn endpoint_target(endpoint: &Endpoint, routing: &Routing) -> Option<Target> {
    if !is_probed(endpoint) {
        return None;
    }
    let config = endpoint.probe.clone()?;
    Some(Target {
        endpoint: Endpoint {
            base_url: routing.route(&endpoint.vendor, &endpoint.base_url),
            ..endpoint.clone()
        },
        config,
    })
}

/// The probes of every probed endpoint of `inv`, in inventory order.
pub fn endpoint_targets(inv: &Inventory, routing: &Routing) -> Vec<Target> {
    inv.endpoints
        .iter()
        .filter_map(|e| endpoint_target(e, routing))
        .collect()
}

/// A vendor's status page to fetch.
#[derive(Debug, Clone)]
pub struct StatusTarget {
    pub vendor: String,
    /// The components that count; all when empty.
    pub components: Vec<String>,
    /// A plain GET of the page, as the runner probes it (its id is [`status_page_id`]).
    pub target: Target,
}

/// How often a status page is fetched: vendors update them by hand, minutes apart.
pub const STATUS_PAGE_INTERVAL_S: u32 = 120;

/// The status page of `vendor`, routed: only a vendor with a `status_api` and at least one
/// probed endpoint in `inv` (probing stays opt-in).
pub fn status_target(vendor: &Vendor, inv: &Inventory, routing: &Routing) -> Option<StatusTarget> {
    let url = vendor.status_api.as_deref()?;
    let probed = inv
        .endpoints
        .iter()
        .any(|e| e.vendor == vendor.id && is_probed(e));
    if !probed {
        return None;
    }
    let url = match routing {
        Routing::Real => url.to_owned(),
        Routing::Simulated { base_url } => format!(
            "{}/{}/api/v2/summary.json",
            base_url.trim_end_matches('/'),
            vendor.id
        ),
    };
    Some(StatusTarget {
        vendor: vendor.id.clone(),
        components: vendor.status_components.clone(),
        target: Target {
            endpoint: Endpoint {
                id: status_page_id(&vendor.id),
                vendor: vendor.id.clone(),
                name: format!("{} status page", vendor.name),
                model: String::new(),
                base_url: url,
                api_style: ApiStyle::Http,
                credential: None,
                latency_slo_ms: 0,
                probe: None,
            },
            config: ProbeConfig {
                kind: Some(ProbeKind::Http),
                interval_s: STATUS_PAGE_INTERVAL_S,
                ..ProbeConfig::default()
            },
        },
    })
}

/// The status pages of every vendor of `inv` that has one to fetch.
pub fn status_targets(inv: &Inventory, routing: &Routing) -> Vec<StatusTarget> {
    inv.vendors
        .iter()
        .filter_map(|v| status_target(v, inv, routing))
        .collect()
}

#[cfg(test)]
mod tests;
