//! The inventory's shapes, as they appear in the inventory file and across IPC.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::probe::ProbeConfig;
use crate::rotation::Rotation;
use crate::text_enum::text_enum;

// Each enumeration reads and prints as its serde name, everywhere (see `text_enum`).
text_enum!(ApiStyle, Criticality, FailureMode);

/// A model provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status_page: Option<String>,
    /// The vendor's Statuspage API (`https://…/api/v2/summary.json`), for its published status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status_api: Option<String>,
    /// The status page components to watch, by name; all of them when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub status_components: Vec<String>,
}

/// How an endpoint is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ApiStyle {
    Openai,
    Anthropic,
    Gemini,
    Http,
    /// Azure OpenAI: an `api-key` header and an `api-version` query parameter.
    #[serde(rename = "azure-openai")]
    AzureOpenai,
    /// Amazon Bedrock's Converse API with a bearer token.
    Bedrock,
}

impl ApiStyle {
    pub const ALL: [ApiStyle; 6] = [
        Self::Openai,
        Self::Anthropic,
        Self::Gemini,
        Self::Http,
        Self::AzureOpenai,
        Self::Bedrock,
    ];
}

/// One model at one vendor, reached one way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    pub id: String,
    /// The vendor's id.
    pub vendor: String,
    pub name: String,
    pub model: String,
    pub base_url: String,
    pub api_style: ApiStyle,
    /// `env:VARIABLE` or `keyring:service/account`: where the secret lives, never the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub credential: Option<String>,
    pub latency_slo_ms: u32,
    /// Probing is opt-in: only an endpoint with a `probe:` block is probed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub probe: Option<ProbeConfig>,
}

/// How much a workflow matters when it degrades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Criticality {
    Critical,
    High,
    Medium,
    Low,
}

impl Criticality {
    pub const ALL: [Criticality; 4] = [Self::Critical, Self::High, Self::Medium, Self::Low];
}

/// How a vendor degrades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FailureMode {
    Throttled,
    Unavailable,
    Slow,
}

impl FailureMode {
    pub const ALL: [FailureMode; 3] = [Self::Throttled, Self::Unavailable, Self::Slow];
}

/// One entry of a fallback chain: exactly one of `endpoint` (an endpoint id) or `strategy`
/// (a non-model strategy such as "serve cached answers").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FallbackStep {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub strategy: Option<String>,
}

impl FallbackStep {
    pub fn endpoint(id: &str) -> Self {
        Self {
            endpoint: Some(id.to_owned()),
            strategy: None,
        }
    }

    pub fn strategy(text: &str) -> Self {
        Self {
            endpoint: None,
            strategy: Some(text.to_owned()),
        }
    }
}

/// What a workflow does in one failure mode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FailureModePlan {
    #[serde(default)]
    pub customer_impact: String,
    #[serde(default)]
    pub degradation: String,
    #[serde(default)]
    pub customer_message: String,
}

/// The plan for each failure mode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FailureModes {
    #[serde(default)]
    pub throttled: FailureModePlan,
    #[serde(default)]
    pub unavailable: FailureModePlan,
    #[serde(default)]
    pub slow: FailureModePlan,
}

impl FailureModes {
    pub fn get(&self, mode: FailureMode) -> &FailureModePlan {
        match mode {
            FailureMode::Throttled => &self.throttled,
            FailureMode::Unavailable => &self.unavailable,
            FailureMode::Slow => &self.slow,
        }
    }

    pub fn get_mut(&mut self, mode: FailureMode) -> &mut FailureModePlan {
        match mode {
            FailureMode::Throttled => &mut self.throttled,
            FailureMode::Unavailable => &mut self.unavailable,
            FailureMode::Slow => &mut self.slow,
        }
    }
}

/// A product feature that calls a model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub criticality: Criticality,
    #[serde(default)]
    pub customer_facing: bool,
    /// The owning rotation's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub owner: Option<String>,
    /// The primary endpoint's id.
    pub primary: String,
    #[serde(default)]
    pub fallbacks: Vec<FallbackStep>,
    #[serde(default)]
    pub failure_modes: FailureModes,
}

/// The whole inventory: the shape of the inventory file.
/// Every section may be left out (an empty list).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct Inventory {
    pub vendors: Vec<Vendor>,
    pub endpoints: Vec<Endpoint>,
    pub workflows: Vec<Workflow>,
    pub rotations: Vec<Rotation>,
}
