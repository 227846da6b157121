//! Gemini's `generateContent` / `streamGenerateContent` and model list, and its errors in
//! Google's RPC shape (`RESOURCE_EXHAUSTED`, `UNAVAILABLE`, …).

use std::time::Duration;

use serde_json::{json, Value};

use super::answer::{Answer, EventStream, TOKENS};
use super::fault::{Fault, FaultKind};
use super::route::Call;

fn candidate_chunk(call: &Call, text: &str, finish: Option<&str>) -> Value {
    let mut candidate =
        json!({ "content": { "parts": [{ "text": text }], "role": "model" }, "index": 0 });
    if let Some(finish) = finish {
        candidate["finishReason"] = json!(finish);
    }
    json!({
        "candidates": [candidate],
        "usageMetadata": { "promptTokenCount": 2, "candidatesTokenCount": 3, "totalTokenCount": 5 },
        "modelVersion": call.model,
    })
}

/// A streamed reply: one chunk per token, the last with `finishReason` (the end).
pub(crate) fn stream(call: &Call) -> EventStream {
    let last = TOKENS.len() - 1;
    let events = TOKENS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let finish = (i == last).then_some("STOP");
            (None, candidate_chunk(call, t, finish).to_string())
        })
        .collect();
    EventStream { events, end: 1 }
}

pub(crate) fn chat(call: &Call) -> Answer {
    if call.stream && !call.json_array {
        return stream(call).answer(Duration::ZERO, false);
    }
    let whole = candidate_chunk(call, &TOKENS.concat(), Some("STOP"));
    if call.json_array {
        return Answer::json(200, &json!([whole]));
    }
    Answer::json(200, &whole)
}

pub(crate) fn models(_call: &Call) -> Answer {
    let model = |id: &str, name: &str| {
        json!({
            "name": format!("models/{id}"),
            "displayName": name,
            "supportedGenerationMethods": ["generateContent", "countTokens"],
        })
    };
    let body = json!({ "models": [model("gemini-2.0-flash", "Gemini 2.0 Flash"), model("gemini-2.5-pro", "Gemini 2.5 Pro")] });
    Answer::json(200, &body)
}

fn error(code: u16, status: &str, message: &str, details: Value) -> Answer {
    let body = json!({ "error": { "code": code, "message": message, "status": status, "details": details } });
    Answer::json(code, &body)
}

/// The error replies of the faults that have one.
pub(crate) fn failure(fault: &Fault, _call: &Call) -> Option<Answer> {
    let retry = fault.retry_after_s();
    Some(match fault.kind {
        // Gemini says when to retry in a RetryInfo detail; the header is there for clients
        // (and probes) that read only headers.
        FaultKind::Throttle => error(
            429,
            "RESOURCE_EXHAUSTED",
            "Resource has been exhausted (e.g. check quota).",
            json!([{ "@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": format!("{retry}s") }]),
        )
        .header("retry-after", retry.to_string()),
        FaultKind::Quota => error(
            429,
            "RESOURCE_EXHAUSTED",
            "Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing.",
            json!([]),
        ),
        FaultKind::Overloaded => error(
            503,
            "UNAVAILABLE",
            "The model is overloaded. Please try again later.",
            json!([]),
        ),
        FaultKind::Outage => error(
            500,
            "INTERNAL",
            "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
            json!([]),
        ),
        _ => return None,
    })
}
