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
pub struct RateLimit {
    #[ts(optional)]
    pub remaining_requests: Option<u64>,
    #[ts(optional)]
    pub remaining_tokens: Option<u64>,
    #[ts(optional)]
    pub requests_reset_s: Option<u64>,
    #[ts(optional)]
    pub tokens_reset_s: Option<u64>,
}

/// One probe of one endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Sample {
    pub endpoint: String,
    /// When the probe started, UTC RFC 3339.
    pub at: String,
    pub reason: Reason,
    #[ts(optional)]
    pub http_status: Option<u16>,
    /// Until the whole reply was read (or the probe gave up).
    pub latency_ms: u32,
    /// Time to the first streamed token, where the probe streams.
    #[ts(optional)]
    pub first_token_ms: Option<u32>,
    #[serde(default)]
    pub rate_limit: RateLimit,
    /// Retry-After in whole seconds from the reply, 0 to 600.
    #[ts(optional)]
    pub retry_after_s: Option<u32>,
    /// At most 300 characters of the error, with anything secret removed.
    #[ts(optional)]
    pub error_excerpt: Option<String>,
}

impl Sample {
    pub fn health(&self) -> Health {
        self.reason.health()
    }
}

#[cfg(test)]
mod tests;
