//! What the probes cost: an estimate of their daily requests and tokens. Only chat probes
//! spend tokens (a tiny prompt plus at most `max_tokens` of reply); models and http probes
//! spend none (but on Bedrock, whose runtime has no model list). Status pages are free and not counted.

use crate::inventory::{ApiStyle, Inventory};
use crate::probe::board::TokenSpend;
use crate::probe::model::defaults::MIN_INTERVAL_S;
use crate::probe::request::effective_kind;
use crate::probe::ProbeKind;

/// Tokens a chat probe's prompt is counted as: the one-word prompt and the message framing
/// vendors bill around it.
pub const PROMPT_TOKENS: u64 = 10;

const DAY_S: u64 = 86_400;

/// The estimated daily spend of every probed endpoint of `inv`.
pub fn daily_spend(inv: &Inventory) -> TokenSpend {
    let mut spend = TokenSpend {
        probes_per_day: 0,
        tokens_per_day: 0,
    };
    for endpoint in &inv.endpoints {
        let Some(config) = &endpoint.probe else {
            continue;
        };
        let kind = effective_kind(endpoint.api_style, config);
        if kind == ProbeKind::None {
            continue;
        }
        let probes = DAY_S / u64::from(config.interval_s.max(MIN_INTERVAL_S));
        spend.probes_per_day += probes;
        // Bedrock's runtime has no model list: its models probe asks the model too.
        if kind == ProbeKind::Chat || endpoint.api_style == ApiStyle::Bedrock {
            spend.tokens_per_day += probes * (PROMPT_TOKENS + u64::from(config.max_tokens));
        }
    }
    spend
}

#[cfg(test)]
mod tests;
