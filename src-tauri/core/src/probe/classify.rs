//! Classification: one probe's raw [`Outcome`] becomes the facts of a [`Sample`] with exactly
//! one [`Reason`]. Pure: no clock, no network; the caller passes `now` and the credential.
//!
//! - [`shape`]: each API style's reply and error formats.
//! - [`excerpt`]: the error excerpt, short and free of secrets.

pub mod excerpt;
pub mod shape;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::headers;
use super::model::{
    Outcome, ProbeConfig, ProbeKind, RateLimit, Reason, Reply, Sample, TransportFailure,
};
use crate::inventory::ApiStyle;
pub use excerpt::{excerpt, MAX_EXCERPT_CHARS};
pub use shape::ReplyShape;
use shape::{BodyVerdict, VendorError};

/// What classification needs besides the outcome.
#[derive(Debug, Clone, Copy)]
pub struct ProbeContext<'a> {
    /// The endpoint's `probe:` block (the http kind's expected status and JSON value).
    pub config: &'a ProbeConfig,
    /// The secret the probe sent: it is removed from any excerpt.
    pub credential: Option<&'a str>,
    /// When the reply arrived, for Retry-After dates and rate-limit reset times.
    pub now: DateTime<Utc>,
}

/// A classified probe: a [`Sample`] without its endpoint and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    pub reason: Reason,
    pub http_status: Option<u16>,
    pub latency_ms: u32,
    pub first_token_ms: Option<u32>,
    pub rate_limit: RateLimit,
    pub retry_after_s: Option<u32>,
    pub error_excerpt: Option<String>,
}

impl Classified {
    pub fn into_sample(self, endpoint: impl Into<String>, at: impl Into<String>) -> Sample {
        Sample {
            endpoint: endpoint.into(),
            at: at.into(),
            reason: self.reason,
            http_status: self.http_status,
            latency_ms: self.latency_ms,
            first_token_ms: self.first_token_ms,
            rate_limit: self.rate_limit,
            retry_after_s: self.retry_after_s,
            error_excerpt: self.error_excerpt,
        }
    }
}

/// Classifies one probe of an endpoint of API style `style`. A healthy reply slower than
/// `latency_slo_ms` (0: no objective) is `slow`.
pub fn classify(
    style: ApiStyle,
    kind: ProbeKind,
    outcome: &Outcome,
    latency_slo_ms: u32,
    ctx: &ProbeContext<'_>,
) -> Classified {
    // Bedrock's runtime has no model list, so its `models` probe sends a Converse request
    // (see `request::build`) and its reply is read as one.
    let kind = match (style, kind) {
        (ApiStyle::Bedrock, ProbeKind::Models) => ProbeKind::Chat,
        _ => kind,
    };
    classify_shape(ReplyShape::of(style), kind, outcome, latency_slo_ms, ctx)
}

/// [`classify`], for a reply shape rather than an API style.
pub fn classify_shape(
    shape: ReplyShape,
    kind: ProbeKind,
    outcome: &Outcome,
    latency_slo_ms: u32,
    ctx: &ProbeContext<'_>,
) -> Classified {
    let reply = match outcome {
        Outcome::Failed {
            failure,
            detail,
            latency_ms,
        } => return failed(*failure, detail, *latency_ms, ctx),
        Outcome::Reply(reply) => reply,
    };
    let (mut reason, message) = if kind == ProbeKind::None {
        (Reason::NotProbed, None)
    } else {
        reply_reason(shape, kind, ctx.config, reply)
    };
    if reason == Reason::Ok && latency_slo_ms > 0 && reply.latency_ms > latency_slo_ms {
        reason = Reason::Slow;
    }
    of_reply(reply, reason, message, ctx)
}

/// The facts every reply carries, with `reason` and the text its excerpt comes from.
pub(crate) fn of_reply(
    reply: &Reply,
    reason: Reason,
    message: Option<String>,
    ctx: &ProbeContext<'_>,
) -> Classified {
    let error_excerpt = match reason {
        Reason::Ok | Reason::Slow | Reason::NotProbed => None,
        _ => message.and_then(|m| excerpt(&m, ctx.credential)),
    };
    Classified {
        reason,
        http_status: Some(reply.status),
        latency_ms: reply.latency_ms,
        first_token_ms: reply.first_token_ms,
        rate_limit: headers::rate_limit(&reply.headers, ctx.now),
        retry_after_s: headers::retry_after(&reply.headers, ctx.now),
        error_excerpt,
    }
}

/// A probe that got no reply: each transport failure has its own reason.
fn failed(
    failure: TransportFailure,
    detail: &str,
    latency_ms: u32,
    ctx: &ProbeContext<'_>,
) -> Classified {
    let reason = match failure {
        TransportFailure::Timeout => Reason::Timeout,
        TransportFailure::ConnectTimeout => Reason::ConnectTimeout,
        TransportFailure::Dns => Reason::Dns,
        TransportFailure::Tls => Reason::Tls,
        TransportFailure::ConnectionReset => Reason::ConnectionReset,
        TransportFailure::NoCredential => Reason::NoCredential,
        // A redirect the probe may not follow: the endpoint did not answer as its API does.
        TransportFailure::Redirect => Reason::InvalidResponse,
    };
    Classified {
        reason,
        http_status: None,
        latency_ms,
        first_token_ms: None,
        rate_limit: RateLimit::default(),
        retry_after_s: None,
        error_excerpt: excerpt(detail, ctx.credential),
    }
}

/// The reason an HTTP status gives on its own, without a vendor's body.
pub fn status_reason(status: u16) -> Reason {
    match status {
        200..=299 => Reason::Ok,
        401 | 403 => Reason::Auth,
        408 => Reason::Timeout,
        429 => Reason::Throttled,
        503 | 529 => Reason::Overloaded,
        400..=499 => Reason::BadRequest,
        500..=599 => Reason::ServerError,
        // 1xx, a 3xx the probe did not follow, or no HTTP status at all.
        _ => Reason::InvalidResponse,
    }
}

/// The reason of a reply and the text of its excerpt.
fn reply_reason(
    shape: ReplyShape,
    kind: ProbeKind,
    config: &ProbeConfig,
    reply: &Reply,
) -> (Reason, Option<String>) {
    let body_text = || shape::snippet(&String::from_utf8_lossy(&reply.body));
    if kind == ProbeKind::Http {
        return http_reason(config, reply);
    }
    // The status line arrived whole: an error status says more than how its body ended.
    if !(200..300).contains(&reply.status) {
        return error_status(shape, reply);
    }
    if reply.body_cut {
        return (Reason::Oversized, Some(oversized_text()));
    }
    if reply.ended_early {
        return (Reason::Truncated, Some(truncated_text(&body_text())));
    }
    let verdict = match kind {
        ProbeKind::Models => shape::check_models(shape, &reply.body),
        _ => shape::check_chat(shape, &reply.headers, &reply.body),
    };
    match verdict {
        BodyVerdict::Ok => (Reason::Ok, None),
        BodyVerdict::Invalid(text) => (Reason::InvalidResponse, Some(text)),
        BodyVerdict::Truncated => (Reason::Truncated, Some(truncated_text(&body_text()))),
        BodyVerdict::Error(reason, error) => (reason, error.text().or_else(|| Some(body_text()))),
    }
}

/// A reply with an error status: the vendor's error codes where they say more, else the
/// status.
fn error_status(shape: ReplyShape, reply: &Reply) -> (Reason, Option<String>) {
    let json = serde_json::from_slice::<Value>(&reply.body).ok();
    let error = shape::vendor_error(shape, &reply.headers, json.as_ref());
    let by_vendor = error
        .as_ref()
        .and_then(|e| shape::vendor_reason(shape, reply.status, e));
    let reason = by_vendor.unwrap_or_else(|| status_reason(reply.status));
    let text = error
        .as_ref()
        .and_then(VendorError::text)
        .unwrap_or_else(|| shape::snippet(&String::from_utf8_lossy(&reply.body)));
    (reason, Some(format!("HTTP {}: {text}", reply.status)))
}

/// The http kind: the expected status, then (optionally) the JSON value at a pointer.
fn http_reason(config: &ProbeConfig, reply: &Reply) -> (Reason, Option<String>) {
    let body = || shape::snippet(&String::from_utf8_lossy(&reply.body));
    if reply.status != config.expect_status {
        let reason = match status_reason(reply.status) {
            // A success status other than the expected one is still not what was asked for.
            Reason::Ok => Reason::InvalidResponse,
            r => r,
        };
        let text = format!(
            "expected HTTP {}, got HTTP {}: {}",
            config.expect_status,
            reply.status,
            body()
        );
        return (reason, Some(text));
    }
    if reply.body_cut {
        return (Reason::Oversized, Some(oversized_text()));
    }
    if reply.ended_early {
        return (Reason::Truncated, Some(truncated_text(&body())));
    }
    if config.json_pointer.is_none() && config.equals.is_none() {
        return (Reason::Ok, None);
    }
    let pointer = config.json_pointer.as_deref().unwrap_or("");
    let Ok(json) = serde_json::from_slice::<Value>(&reply.body) else {
        return (
            Reason::InvalidResponse,
            Some(format!("not JSON: {}", body())),
        );
    };
    let Some(found) = json.pointer(pointer) else {
        let text = format!("no value at JSON pointer `{pointer}`: {}", body());
        return (Reason::InvalidResponse, Some(text));
    };
    match &config.equals {
        Some(expected) if found != expected => {
            let text = format!("`{pointer}` is {found}, expected {expected}");
            (Reason::InvalidResponse, Some(text))
        }
        _ => (Reason::Ok, None),
    }
}

fn oversized_text() -> String {
    "the reply went on past the size the probe reads".to_owned()
}

fn truncated_text(body: &str) -> String {
    format!("the reply ended before it was complete: {body}")
}

#[cfg(test)]
mod tests;
