//! A probe sample and its reason. The reason decides the sample's health; the strings are the
//! ones the inventory file, the JSON output and the UI use.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::health::Health;

/// Why a sample has the health it has: exactly one per sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    // healthy
    Ok,
    // degraded
    /// Slower than the endpoint's latency SLO.
    Slow,
    /// Rate limited (429).
    Throttled,
    /// 529, 503, Gemini `UNAVAILABLE`.
    Overloaded,
    StatusPageDegraded,
    // down
    /// OpenAI `insufficient_quota`, spend limits: not retried.
    QuotaExhausted,
    ServerError,
    /// 401/403: the key was rejected.
    Auth,
    /// The credential reference resolves to nothing.
    NoCredential,
    ModelNotFound,
    BadRequest,
    Timeout,
    ConnectTimeout,
    Dns,
    Tls,
    ConnectionReset,
    /// The body was larger than the probe reads.
    Oversized,
    /// The reply ended before it was whole.
    Truncated,
    /// Not what the API style answers, e.g. an HTML page with status 200.
    InvalidResponse,
    StatusPageOutage,
    // unknown
    /// No probe block, or no sample yet.
    NotProbed,
}

crate::text_enum::text_enum!(Reason);

impl Reason {
    /// The health a sample with this reason has.
    pub fn health(self) -> Health {
        use Reason::*;
        match self {
            Ok => Health::Healthy,
            Slow | Throttled | Overloaded | StatusPageDegraded => Health::Degraded,
            QuotaExhausted | ServerError | Auth | NoCredential | ModelNotFound | BadRequest
            | Timeout | ConnectTimeout | Dns | Tls | ConnectionReset | Oversized | Truncated
            | InvalidResponse | StatusPageOutage => Health::Down,
            NotProbed => Health::Unknown,
        }
    }
}

/// Rate-limit headroom a vendor reported with a reply (`x-ratelimit-*`,
/// `anthropic-ratelimit-*`): what is left and when it resets, in whole seconds from the reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct RateLimit {
    pub remaining_requests: Option<u64>,
    pub remaining_tokens: Option<u64>,
    pub requests_reset_s: Option<u64>,
    pub tokens_reset_s: Option<u64>,
}

/// One probe of one endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Sample {
    pub endpoint: String,
    /// When the probe started, UTC RFC 3339.
    pub at: String,
    pub reason: Reason,
    pub http_status: Option<u16>,
    /// Until the whole reply was read (or the probe gave up).
    pub latency_ms: u32,
    /// Time to the first streamed token, where the probe streams.
    pub first_token_ms: Option<u32>,
    #[serde(default)]
    pub rate_limit: RateLimit,
    /// Retry-After in whole seconds from the reply, 0 to 600.
    pub retry_after_s: Option<u32>,
    /// At most 300 characters of the error, with anything secret removed.
    pub error_excerpt: Option<String>,
}

impl Sample {
    pub fn health(&self) -> Health {
        self.reason.health()
    }
}

/// What kind of request a probe makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProbeKind {
    /// A tiny chat/completion request in the endpoint's API style (the default for the model
    /// API styles).
    Chat,
    /// List the vendor's models (no tokens spent).
    Models,
    /// `GET base_url`, expecting a status (and optionally a JSON value).
    Http,
    /// Configured but switched off.
    None,
}

crate::text_enum::text_enum!(ProbeKind);

/// An endpoint's `probe:` block. Probing is opt-in: an endpoint without one is never probed.
/// Every key has a default, so `probe: {}` probes with the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ProbeConfig {
    /// `None` here means "the default for the endpoint's API style" (chat for openai,
    /// anthropic, gemini, azure-openai and bedrock; http for http).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kind: Option<ProbeKind>,
    #[serde(default = "defaults::interval_s")]
    pub interval_s: u32,
    /// Total time for one probe.
    #[serde(default = "defaults::timeout_ms")]
    pub timeout_ms: u32,
    #[serde(default = "defaults::connect_timeout_ms")]
    pub connect_timeout_ms: u32,
    /// Reasoning models need more than 1.
    #[serde(default = "defaults::max_tokens")]
    pub max_tokens: u32,
    /// For the http kind.
    #[serde(default = "defaults::expect_status")]
    pub expect_status: u16,
    /// For the http kind: a JSON pointer into the reply and the value it must equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub json_pointer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "unknown")]
    pub equals: Option<serde_json::Value>,
    #[serde(default = "defaults::failures_to_down")]
    pub failures_to_down: u32,
    #[serde(default = "defaults::successes_to_up")]
    pub successes_to_up: u32,
    /// An extra trust root (PEM file), for servers behind an internal CA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ca_file: Option<String>,
}

/// The documented defaults of a `probe:` block.
pub mod defaults {
    pub const MIN_INTERVAL_S: u32 = 10;
    pub fn interval_s() -> u32 {
        60
    }
    pub fn timeout_ms() -> u32 {
        10_000
    }
    pub fn connect_timeout_ms() -> u32 {
        3_000
    }
    pub fn max_tokens() -> u32 {
        16
    }
    pub fn expect_status() -> u16 {
        200
    }
    pub fn failures_to_down() -> u32 {
        3
    }
    pub fn successes_to_up() -> u32 {
        2
    }
}

impl Default for ProbeConfig {
    fn default() -> Self {
        Self {
            kind: None,
            interval_s: defaults::interval_s(),
            timeout_ms: defaults::timeout_ms(),
            connect_timeout_ms: defaults::connect_timeout_ms(),
            max_tokens: defaults::max_tokens(),
            expect_status: defaults::expect_status(),
            json_pointer: None,
            equals: None,
            failures_to_down: defaults::failures_to_down(),
            successes_to_up: defaults::successes_to_up(),
            ca_file: None,
        }
    }
}

/// What a probe got back over HTTP, before it is classified. Header names are lower case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body after decompression, at most the probe's cap (64 KiB).
    pub body: Vec<u8>,
    /// The body went on past the cap (the rest was not read).
    pub body_cut: bool,
    /// The connection ended before the body (or stream) was complete.
    pub ended_early: bool,
    pub latency_ms: u32,
    pub first_token_ms: Option<u32>,
}

/// How a probe failed without a usable HTTP reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportFailure {
    Timeout,
    ConnectTimeout,
    Dns,
    Tls,
    ConnectionReset,
    /// The credential reference resolves to nothing (unset variable, no keyring entry).
    NoCredential,
    /// A redirect the probe may not follow (one carrying a credential, another origin, more
    /// than 3, or to an address that is not allowed).
    Redirect,
}

/// A probe's raw result: a reply to classify, or a failure before one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Reply(Reply),
    Failed {
        failure: TransportFailure,
        /// What went wrong, for the sample's error excerpt (secrets already removed).
        detail: String,
        latency_ms: u32,
    },
}

#[cfg(test)]
mod tests;
