//! OpenAI's chat completions and model list, and Azure OpenAI's (OpenAI's shapes with Azure's
//! error codes), with their `x-ratelimit-*` headers.

use serde_json::{json, Value};

use super::answer::{Answer, EventStream, TOKENS};
use super::fault::{Fault, FaultKind};
use super::route::Call;

const REQUESTS_LIMIT: u64 = 500;
const TOKENS_LIMIT: u64 = 30_000;

/// `x-ratelimit-*` as OpenAI sends them; resets in Go's duration notation (`30s`).
fn rate_limit(
    remaining_requests: u64,
    remaining_tokens: u64,
    reset_s: u32,
) -> Vec<(&'static str, String)> {
    vec![
        ("x-ratelimit-limit-requests", REQUESTS_LIMIT.to_string()),
        ("x-ratelimit-limit-tokens", TOKENS_LIMIT.to_string()),
        (
            "x-ratelimit-remaining-requests",
            remaining_requests.to_string(),
        ),
        ("x-ratelimit-remaining-tokens", remaining_tokens.to_string()),
        ("x-ratelimit-reset-requests", format!("{reset_s}s")),
        ("x-ratelimit-reset-tokens", format!("{reset_s}s")),
    ]
}

fn healthy_headroom() -> Vec<(&'static str, String)> {
    rate_limit(REQUESTS_LIMIT - 1, TOKENS_LIMIT - 20, 1)
}

fn created() -> i64 {
    chrono::Utc::now().timestamp()
}

fn chunk(call: &Call, delta: Value, finish: Option<&str>) -> String {
    json!({
        "id": "chatcmpl-simulated",
        "object": "chat.completion.chunk",
        "created": created(),
        "model": call.model,
        "choices": [{ "index": 0, "delta": delta, "finish_reason": finish }],
    })
    .to_string()
}

/// A streamed completion: a role chunk, one chunk per token, then the finish chunk and
/// `[DONE]` (the end).
pub(crate) fn stream(call: &Call) -> EventStream {
    let mut events = vec![(
        None,
        chunk(call, json!({ "role": "assistant", "content": "" }), None),
    )];
    events.extend(
        TOKENS
            .iter()
            .map(|t| (None, chunk(call, json!({ "content": t }), None))),
    );
    events.push((None, chunk(call, json!({}), Some("stop"))));
    events.push((None, "[DONE]".to_owned()));
    EventStream { events, end: 2 }
}

pub(crate) fn chat(call: &Call) -> Answer {
    if call.stream {
        return stream(call)
            .answer(std::time::Duration::ZERO, false)
            .headers(healthy_headroom());
    }
    let body = json!({
        "id": "chatcmpl-simulated",
        "object": "chat.completion",
        "created": created(),
        "model": call.model,
        "choices": [{
            "index": 0,
            "message": { "role": "assistant", "content": TOKENS.concat() },
            "finish_reason": "stop",
        }],
        "usage": { "prompt_tokens": 8, "completion_tokens": 3, "total_tokens": 11 },
    });
    Answer::json(200, &body).headers(healthy_headroom())
}

pub(crate) fn models(call: &Call) -> Answer {
    let model = |id: &str| json!({ "id": id, "object": "model", "created": 1_715_367_049, "owned_by": "system" });
    let mut ids = vec!["gpt-4o", "gpt-4o-mini"];
    if !ids.contains(&call.model.as_str()) && call.model != "model" {
        ids.push(&call.model);
    }
    let body =
        json!({ "object": "list", "data": ids.iter().map(|id| model(id)).collect::<Vec<_>>() });
    Answer::json(200, &body)
}

fn error(status: u16, message: &str, kind: &str, code: Option<&str>) -> Answer {
    let body =
        json!({ "error": { "message": message, "type": kind, "param": null, "code": code } });
    Answer::json(status, &body)
}

/// The error replies of the faults that have one; `azure` gives Azure's codes.
pub(crate) fn failure(fault: &Fault, call: &Call, azure: bool) -> Option<Answer> {
    let retry = fault.retry_after_s();
    Some(match (fault.kind, azure) {
        (FaultKind::Throttle, false) => error(
            429,
            &format!(
                "Rate limit reached for {} in organization org-simulated on requests per min (RPM): Limit {REQUESTS_LIMIT}, Used {REQUESTS_LIMIT}, Requested 1. Please try again in {retry}s.",
                call.model
            ),
            "requests",
            Some("rate_limit_exceeded"),
        )
        .header("retry-after", retry.to_string())
        .header("retry-after-ms", (u64::from(retry) * 1000).to_string())
        .headers(rate_limit(0, TOKENS_LIMIT / 2, retry)),
        (FaultKind::Throttle, true) => {
            let body = json!({ "error": {
                "code": "429",
                "message": format!("Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after {retry} seconds."),
            }});
            Answer::json(429, &body)
                .header("retry-after", retry.to_string())
                .header("retry-after-ms", (u64::from(retry) * 1000).to_string())
                .headers(rate_limit(0, TOKENS_LIMIT / 2, retry))
        }
        (FaultKind::Quota, false) => error(
            429,
            "You exceeded your current quota, please check your plan and billing details.",
            "insufficient_quota",
            Some("insufficient_quota"),
        ),
        (FaultKind::Quota, true) => {
            let body = json!({ "error": {
                "code": "InsufficientQuota",
                "message": "The subscription has no quota left for this deployment's model. Request more quota or use another deployment.",
            }});
            Answer::json(429, &body)
        }
        (FaultKind::Overloaded, _) => error(
            503,
            "The engine is currently overloaded, please try again later.",
            "server_error",
            None,
        )
        .header("retry-after", "1"),
        (FaultKind::Outage, _) => error(
            500,
            "The server had an error while processing your request. Sorry about that!",
            "server_error",
            None,
        ),
        _ => return None,
    })
}
