//! Anthropic's Messages API and model list, with its `anthropic-ratelimit-*` headers.

use chrono::{Duration as Span, SecondsFormat, Utc};
use serde_json::{json, Value};

use super::answer::{Answer, EventStream, TOKENS};
use super::fault::{Fault, FaultKind};
use super::route::Call;

const REQUESTS_LIMIT: u64 = 50;
const TOKENS_LIMIT: u64 = 40_000;

/// `anthropic-ratelimit-*` as Anthropic sends them; resets are RFC 3339 instants.
fn rate_limit(
    remaining_requests: u64,
    remaining_tokens: u64,
    reset_s: u32,
) -> Vec<(&'static str, String)> {
    let reset =
        (Utc::now() + Span::seconds(i64::from(reset_s))).to_rfc3339_opts(SecondsFormat::Secs, true);
    vec![
        (
            "anthropic-ratelimit-requests-limit",
            REQUESTS_LIMIT.to_string(),
        ),
        (
            "anthropic-ratelimit-requests-remaining",
            remaining_requests.to_string(),
        ),
        ("anthropic-ratelimit-requests-reset", reset.clone()),
        ("anthropic-ratelimit-tokens-limit", TOKENS_LIMIT.to_string()),
        (
            "anthropic-ratelimit-tokens-remaining",
            remaining_tokens.to_string(),
        ),
        ("anthropic-ratelimit-tokens-reset", reset),
    ]
}

fn healthy_headroom() -> Vec<(&'static str, String)> {
    rate_limit(REQUESTS_LIMIT - 1, TOKENS_LIMIT - 20, 1)
}

fn message(call: &Call, content: Value, stop: Option<&str>, output_tokens: u32) -> Value {
    json!({
        "id": "msg_simulated",
        "type": "message",
        "role": "assistant",
        "model": call.model,
        "content": content,
        "stop_reason": stop,
        "stop_sequence": null,
        "usage": { "input_tokens": 8, "output_tokens": output_tokens },
    })
}

/// A streamed message: `message_start`, the text block's events, then `message_delta` and
/// `message_stop` (the end).
pub(crate) fn stream(call: &Call) -> EventStream {
    let mut events = vec![
        (
            Some("message_start"),
            json!({ "type": "message_start", "message": message(call, json!([]), None, 1) }),
        ),
        (
            Some("content_block_start"),
            json!({ "type": "content_block_start", "index": 0, "content_block": { "type": "text", "text": "" } }),
        ),
    ];
    events.extend(TOKENS.iter().map(|t| {
        (
            Some("content_block_delta"),
            json!({ "type": "content_block_delta", "index": 0, "delta": { "type": "text_delta", "text": t } }),
        )
    }));
    events.push((
        Some("content_block_stop"),
        json!({ "type": "content_block_stop", "index": 0 }),
    ));
    events.push((
        Some("message_delta"),
        json!({ "type": "message_delta", "delta": { "stop_reason": "end_turn", "stop_sequence": null }, "usage": { "output_tokens": 3 } }),
    ));
    events.push((Some("message_stop"), json!({ "type": "message_stop" })));
    EventStream {
        events: events
            .into_iter()
            .map(|(name, data)| (name, data.to_string()))
            .collect(),
        end: 2,
    }
}

pub(crate) fn chat(call: &Call) -> Answer {
    if call.stream {
        return stream(call)
            .answer(std::time::Duration::ZERO, false)
            .headers(healthy_headroom());
    }
    let content = json!([{ "type": "text", "text": TOKENS.concat() }]);
    Answer::json(200, &message(call, content, Some("end_turn"), 3)).headers(healthy_headroom())
}

pub(crate) fn models(_call: &Call) -> Answer {
    let model = |id: &str, name: &str| json!({ "type": "model", "id": id, "display_name": name, "created_at": "2025-02-19T00:00:00Z" });
    let data = vec![
        model("claude-sonnet-4-5", "Claude Sonnet 4.5"),
        model("claude-haiku-4-5", "Claude Haiku 4.5"),
    ];
    let body = json!({ "data": data, "has_more": false, "first_id": "claude-sonnet-4-5", "last_id": "claude-haiku-4-5" });
    Answer::json(200, &body)
}

fn error(status: u16, kind: &str, message: &str) -> Answer {
    let body = json!({ "type": "error", "error": { "type": kind, "message": message } });
    Answer::json(status, &body).header("request-id", "req_simulated")
}

/// The error replies of the faults that have one.
pub(crate) fn failure(fault: &Fault, _call: &Call) -> Option<Answer> {
    let retry = fault.retry_after_s();
    Some(match fault.kind {
        FaultKind::Throttle => error(
            429,
            "rate_limit_error",
            "This request would exceed your organization's rate limit of 50 requests per minute. Please try again later.",
        )
        .header("retry-after", retry.to_string())
        .headers(rate_limit(0, TOKENS_LIMIT / 2, retry)),
        // Anthropic answers an empty balance with 400, not 429.
        FaultKind::Quota => error(
            400,
            "invalid_request_error",
            "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.",
        ),
        FaultKind::Overloaded => error(529, "overloaded_error", "Overloaded"),
        FaultKind::Outage => error(500, "api_error", "Internal server error"),
        _ => return None,
    })
}
