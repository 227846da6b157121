//! Bedrock's Converse API: its reply and its errors, typed by the `x-amzn-errortype` header.
//! Converse streams in AWS's binary event-stream format, which the simulator does not speak:
//! a streamed fault sends the JSON reply in pieces instead.

use serde_json::json;

use super::answer::{Answer, TOKENS};
use super::fault::{Fault, FaultKind};
use super::route::Call;

pub(crate) fn chat(_call: &Call) -> Answer {
    let body = json!({
        "output": { "message": { "role": "assistant", "content": [{ "text": TOKENS.concat() }] } },
        "stopReason": "end_turn",
        "usage": { "inputTokens": 8, "outputTokens": 3, "totalTokens": 11 },
        "metrics": { "latencyMs": 120 },
    });
    Answer::json(200, &body).header("x-amzn-requestid", "00000000-0000-0000-0000-000000000000")
}

fn error(status: u16, kind: &str, message: &str) -> Answer {
    Answer::json(status, &json!({ "message": message })).header(
        "x-amzn-errortype",
        format!("{kind}:http://internal.amazon.com/coral/com.amazon.bedrock/"),
    )
}

/// The error replies of the faults that have one.
pub(crate) fn failure(fault: &Fault, _call: &Call) -> Option<Answer> {
    Some(match fault.kind {
        FaultKind::Throttle => error(
            429,
            "ThrottlingException",
            "Too many requests, please wait before trying again.",
        )
        .header("retry-after", fault.retry_after_s().to_string()),
        FaultKind::Quota => error(
            400,
            "ServiceQuotaExceededException",
            "Your request exceeds the service quota for your account.",
        ),
        FaultKind::Overloaded => error(
            503,
            "ServiceUnavailableException",
            "Bedrock is unable to process your request.",
        ),
        FaultKind::Outage => error(
            500,
            "InternalServerException",
            "The server encountered an internal error while processing the request.",
        ),
        _ => return None,
    })
}
