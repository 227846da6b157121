//! Fixture bodies follow each vendor's documented error and reply formats.

use chrono::TimeZone;

use super::*;

mod fixtures;
use fixtures::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap()
}

fn reply(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
    Reply {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body: body.as_bytes().to_vec(),
        latency_ms: 120,
        ..Reply::default()
    }
}

fn run(shape: ReplyShape, kind: ProbeKind, outcome: &Outcome) -> Classified {
    run_with(shape, kind, outcome, &ProbeConfig::default(), None)
}

fn run_with(
    shape: ReplyShape,
    kind: ProbeKind,
    outcome: &Outcome,
    config: &ProbeConfig,
    credential: Option<&str>,
) -> Classified {
    let ctx = ProbeContext {
        config,
        credential,
        now: now(),
    };
    classify_shape(shape, kind, outcome, 2_000, &ctx)
}

/// (what, shape, kind, status, headers, body, expected reason)
type Case = (
    &'static str,
    ReplyShape,
    ProbeKind,
    u16,
    &'static [(&'static str, &'static str)],
    &'static str,
    Reason,
);

fn check(cases: &[Case]) {
    for (what, shape, kind, status, headers, body, expected) in cases {
        let got = run(
            *shape,
            *kind,
            &Outcome::Reply(reply(*status, headers, body)),
        );
        assert_eq!(got.reason, *expected, "{what}: {got:?}");
        assert_eq!(got.http_status, Some(*status), "{what}");
        match expected {
            Reason::Ok => assert_eq!(got.error_excerpt, None, "{what}"),
            _ => assert!(got.error_excerpt.is_some(), "{what} has no excerpt"),
        }
    }
}

use ProbeKind::{Chat, Models};
use ReplyShape::*;

const JSON: &[(&str, &str)] = &[("content-type", "application/json")];
const SSE: &[(&str, &str)] = &[("content-type", "text/event-stream")];

#[test]
fn openai_replies() {
    check(&[
        ("chat ok", Openai, Chat, 200, JSON, OPENAI_OK, Reason::Ok),
        (
            "cut by max_completion_tokens",
            Openai,
            Chat,
            200,
            JSON,
            OPENAI_LENGTH,
            Reason::Ok,
        ),
        (
            "stream ok",
            Openai,
            Chat,
            200,
            SSE,
            OPENAI_STREAM,
            Reason::Ok,
        ),
        (
            "stream without end",
            Openai,
            Chat,
            200,
            SSE,
            OPENAI_STREAM_CUT,
            Reason::Truncated,
        ),
        (
            "rate limit",
            Openai,
            Chat,
            429,
            JSON,
            OPENAI_RATE_LIMIT,
            Reason::Throttled,
        ),
        (
            "quota",
            Openai,
            Chat,
            429,
            JSON,
            OPENAI_QUOTA,
            Reason::QuotaExhausted,
        ),
        (
            "spend limit",
            Openai,
            Chat,
            429,
            JSON,
            OPENAI_SPEND_LIMIT,
            Reason::QuotaExhausted,
        ),
        (
            "bad key",
            Openai,
            Chat,
            401,
            JSON,
            OPENAI_BAD_KEY,
            Reason::Auth,
        ),
        (
            "forbidden region",
            Openai,
            Chat,
            403,
            JSON,
            OPENAI_REGION,
            Reason::Auth,
        ),
        (
            "no such model",
            Openai,
            Chat,
            404,
            JSON,
            OPENAI_NO_MODEL,
            Reason::ModelNotFound,
        ),
        (
            "wrong path",
            Openai,
            Chat,
            404,
            JSON,
            OPENAI_NO_ROUTE,
            Reason::BadRequest,
        ),
        (
            "bad param",
            Openai,
            Chat,
            400,
            JSON,
            OPENAI_BAD_PARAM,
            Reason::BadRequest,
        ),
        (
            "unprocessable",
            Openai,
            Chat,
            422,
            JSON,
            OPENAI_BAD_PARAM,
            Reason::BadRequest,
        ),
        (
            "engine overloaded",
            Openai,
            Chat,
            503,
            JSON,
            OPENAI_OVERLOADED,
            Reason::Overloaded,
        ),
        (
            "server error",
            Openai,
            Chat,
            500,
            JSON,
            OPENAI_SERVER_ERROR,
            Reason::ServerError,
        ),
        (
            "bad gateway page",
            Openai,
            Chat,
            502,
            &[],
            HTML_PAGE,
            Reason::ServerError,
        ),
        (
            "quota code on a 500",
            Openai,
            Chat,
            500,
            JSON,
            OPENAI_QUOTA,
            Reason::ServerError,
        ),
        (
            "HTML with 200",
            Openai,
            Chat,
            200,
            &[],
            HTML_PAGE,
            Reason::InvalidResponse,
        ),
        (
            "other JSON with 200",
            Openai,
            Chat,
            200,
            JSON,
            r#"{"hello":"world"}"#,
            Reason::InvalidResponse,
        ),
        (
            "empty 200",
            Openai,
            Chat,
            200,
            JSON,
            "",
            Reason::InvalidResponse,
        ),
        (
            "error inside a 200",
            Openai,
            Chat,
            200,
            JSON,
            OPENAI_QUOTA,
            Reason::QuotaExhausted,
        ),
        (
            "redirect status",
            Openai,
            Chat,
            302,
            &[("location", "/login")],
            "",
            Reason::InvalidResponse,
        ),
        (
            "models ok",
            Openai,
            Models,
            200,
            JSON,
            OPENAI_MODELS,
            Reason::Ok,
        ),
        (
            "models not a list",
            Openai,
            Models,
            200,
            JSON,
            OPENAI_OK,
            Reason::InvalidResponse,
        ),
        (
            "models HTML",
            Openai,
            Models,
            200,
            &[],
            HTML_PAGE,
            Reason::InvalidResponse,
        ),
        (
            "models bad key",
            Openai,
            Models,
            401,
            JSON,
            OPENAI_BAD_KEY,
            Reason::Auth,
        ),
    ]);
}

#[test]
fn azure_openai_replies() {
    check(&[
        (
            "chat ok",
            AzureOpenai,
            Chat,
            200,
            JSON,
            OPENAI_OK,
            Reason::Ok,
        ),
        (
            "filtered, still a reply",
            AzureOpenai,
            Chat,
            200,
            JSON,
            AZURE_FILTERED,
            Reason::Ok,
        ),
        (
            "no deployment",
            AzureOpenai,
            Chat,
            404,
            JSON,
            AZURE_NO_DEPLOYMENT,
            Reason::ModelNotFound,
        ),
        (
            "bad key",
            AzureOpenai,
            Chat,
            401,
            JSON,
            AZURE_BAD_KEY,
            Reason::Auth,
        ),
        (
            "token rate",
            AzureOpenai,
            Chat,
            429,
            AZURE_429_HEADERS,
            AZURE_RATE_LIMIT,
            Reason::Throttled,
        ),
        (
            "quota",
            AzureOpenai,
            Chat,
            429,
            JSON,
            AZURE_QUOTA,
            Reason::QuotaExhausted,
        ),
        (
            "wrong api-version",
            AzureOpenai,
            Chat,
            404,
            JSON,
            AZURE_NO_ROUTE,
            Reason::BadRequest,
        ),
        (
            "models ok",
            AzureOpenai,
            Models,
            200,
            JSON,
            OPENAI_MODELS,
            Reason::Ok,
        ),
    ]);
}

#[test]
fn anthropic_replies() {
    check(&[
        (
            "message ok",
            Anthropic,
            Chat,
            200,
            JSON,
            ANTHROPIC_OK,
            Reason::Ok,
        ),
        (
            "cut by max_tokens",
            Anthropic,
            Chat,
            200,
            JSON,
            ANTHROPIC_MAX_TOKENS,
            Reason::Ok,
        ),
        (
            "stream ok",
            Anthropic,
            Chat,
            200,
            SSE,
            ANTHROPIC_STREAM,
            Reason::Ok,
        ),
        (
            "stream without message_stop",
            Anthropic,
            Chat,
            200,
            SSE,
            ANTHROPIC_STREAM_CUT,
            Reason::Truncated,
        ),
        (
            "overloaded mid-stream",
            Anthropic,
            Chat,
            200,
            SSE,
            ANTHROPIC_STREAM_OVERLOADED,
            Reason::Overloaded,
        ),
        (
            "overloaded",
            Anthropic,
            Chat,
            529,
            JSON,
            ANTHROPIC_OVERLOADED,
            Reason::Overloaded,
        ),
        (
            "rate limit",
            Anthropic,
            Chat,
            429,
            JSON,
            ANTHROPIC_RATE_LIMIT,
            Reason::Throttled,
        ),
        (
            "bad key",
            Anthropic,
            Chat,
            401,
            JSON,
            ANTHROPIC_BAD_KEY,
            Reason::Auth,
        ),
        (
            "permission",
            Anthropic,
            Chat,
            403,
            JSON,
            ANTHROPIC_PERMISSION,
            Reason::Auth,
        ),
        (
            "no such model",
            Anthropic,
            Chat,
            404,
            JSON,
            ANTHROPIC_NO_MODEL,
            Reason::ModelNotFound,
        ),
        (
            "wrong path",
            Anthropic,
            Chat,
            404,
            JSON,
            ANTHROPIC_NO_ROUTE,
            Reason::BadRequest,
        ),
        (
            "bad request",
            Anthropic,
            Chat,
            400,
            JSON,
            ANTHROPIC_BAD_REQUEST,
            Reason::BadRequest,
        ),
        (
            "no credit",
            Anthropic,
            Chat,
            400,
            JSON,
            ANTHROPIC_NO_CREDIT,
            Reason::QuotaExhausted,
        ),
        (
            "billing",
            Anthropic,
            Chat,
            402,
            JSON,
            ANTHROPIC_BILLING,
            Reason::QuotaExhausted,
        ),
        (
            "api error",
            Anthropic,
            Chat,
            500,
            JSON,
            ANTHROPIC_API_ERROR,
            Reason::ServerError,
        ),
        (
            "HTML with 200",
            Anthropic,
            Chat,
            200,
            &[],
            HTML_PAGE,
            Reason::InvalidResponse,
        ),
        (
            "OpenAI shape with 200",
            Anthropic,
            Chat,
            200,
            JSON,
            OPENAI_OK,
            Reason::InvalidResponse,
        ),
        (
            "models ok",
            Anthropic,
            Models,
            200,
            JSON,
            ANTHROPIC_MODELS,
            Reason::Ok,
        ),
    ]);
}

#[test]
fn gemini_replies() {
    check(&[
        ("content ok", Gemini, Chat, 200, JSON, GEMINI_OK, Reason::Ok),
        (
            "cut by MAX_TOKENS",
            Gemini,
            Chat,
            200,
            JSON,
            GEMINI_MAX_TOKENS,
            Reason::Ok,
        ),
        (
            "prompt blocked, still a reply",
            Gemini,
            Chat,
            200,
            JSON,
            GEMINI_BLOCKED,
            Reason::Ok,
        ),
        (
            "stream ok",
            Gemini,
            Chat,
            200,
            SSE,
            GEMINI_STREAM,
            Reason::Ok,
        ),
        (
            "stream without finishReason",
            Gemini,
            Chat,
            200,
            SSE,
            GEMINI_STREAM_CUT,
            Reason::Truncated,
        ),
        (
            "unavailable",
            Gemini,
            Chat,
            503,
            JSON,
            GEMINI_UNAVAILABLE,
            Reason::Overloaded,
        ),
        (
            "unavailable on a 500",
            Gemini,
            Chat,
            500,
            JSON,
            GEMINI_UNAVAILABLE,
            Reason::Overloaded,
        ),
        (
            "resource exhausted",
            Gemini,
            Chat,
            429,
            JSON,
            GEMINI_EXHAUSTED,
            Reason::Throttled,
        ),
        (
            "bad key is a 400",
            Gemini,
            Chat,
            400,
            JSON,
            GEMINI_BAD_KEY,
            Reason::Auth,
        ),
        (
            "permission",
            Gemini,
            Chat,
            403,
            JSON,
            GEMINI_PERMISSION,
            Reason::Auth,
        ),
        (
            "no such model",
            Gemini,
            Chat,
            404,
            JSON,
            GEMINI_NO_MODEL,
            Reason::ModelNotFound,
        ),
        (
            "bad argument",
            Gemini,
            Chat,
            400,
            JSON,
            GEMINI_BAD_ARGUMENT,
            Reason::BadRequest,
        ),
        (
            "internal",
            Gemini,
            Chat,
            500,
            JSON,
            GEMINI_INTERNAL,
            Reason::ServerError,
        ),
        (
            "HTML with 200",
            Gemini,
            Chat,
            200,
            &[],
            HTML_PAGE,
            Reason::InvalidResponse,
        ),
        (
            "models ok",
            Gemini,
            Models,
            200,
            JSON,
            GEMINI_MODELS,
            Reason::Ok,
        ),
        (
            "models not a list",
            Gemini,
            Models,
            200,
            JSON,
            OPENAI_MODELS,
            Reason::InvalidResponse,
        ),
    ]);
}

#[test]
fn bedrock_replies() {
    check(&[
        (
            "converse ok",
            Bedrock,
            Chat,
            200,
            JSON,
            BEDROCK_OK,
            Reason::Ok,
        ),
        (
            "cut by max_tokens",
            Bedrock,
            Chat,
            200,
            JSON,
            BEDROCK_MAX_TOKENS,
            Reason::Ok,
        ),
        (
            "throttled",
            Bedrock,
            Chat,
            429,
            BEDROCK_THROTTLE_HEADERS,
            BEDROCK_THROTTLED,
            Reason::Throttled,
        ),
        (
            "unavailable",
            Bedrock,
            Chat,
            503,
            BEDROCK_UNAVAILABLE_HEADERS,
            BEDROCK_UNAVAILABLE,
            Reason::Overloaded,
        ),
        (
            "model not ready",
            Bedrock,
            Chat,
            429,
            JSON,
            BEDROCK_NOT_READY,
            Reason::Overloaded,
        ),
        (
            "quota",
            Bedrock,
            Chat,
            400,
            JSON,
            BEDROCK_QUOTA,
            Reason::QuotaExhausted,
        ),
        (
            "bad model id",
            Bedrock,
            Chat,
            400,
            JSON,
            BEDROCK_BAD_MODEL,
            Reason::ModelNotFound,
        ),
        (
            "no resource",
            Bedrock,
            Chat,
            404,
            JSON,
            BEDROCK_NOT_FOUND,
            Reason::ModelNotFound,
        ),
        (
            "other validation",
            Bedrock,
            Chat,
            400,
            JSON,
            BEDROCK_VALIDATION,
            Reason::BadRequest,
        ),
        (
            "access denied",
            Bedrock,
            Chat,
            403,
            JSON,
            BEDROCK_ACCESS_DENIED,
            Reason::Auth,
        ),
        (
            "bad token",
            Bedrock,
            Chat,
            403,
            JSON,
            BEDROCK_BAD_TOKEN,
            Reason::Auth,
        ),
        (
            "model timeout",
            Bedrock,
            Chat,
            408,
            JSON,
            BEDROCK_MODEL_TIMEOUT,
            Reason::Timeout,
        ),
        (
            "internal",
            Bedrock,
            Chat,
            500,
            JSON,
            BEDROCK_INTERNAL,
            Reason::ServerError,
        ),
        (
            "HTML with 200",
            Bedrock,
            Chat,
            200,
            &[],
            HTML_PAGE,
            Reason::InvalidResponse,
        ),
        (
            "models ok",
            Bedrock,
            Models,
            200,
            JSON,
            BEDROCK_MODELS,
            Reason::Ok,
        ),
    ]);
}

#[test]
fn statuses_without_a_vendor_body() {
    let cases: &[(u16, Reason)] = &[
        (401, Reason::Auth),
        (403, Reason::Auth),
        (404, Reason::BadRequest),
        (400, Reason::BadRequest),
        (422, Reason::BadRequest),
        (408, Reason::Timeout),
        (429, Reason::Throttled),
        (500, Reason::ServerError),
        (502, Reason::ServerError),
        (504, Reason::ServerError),
        (503, Reason::Overloaded),
        (529, Reason::Overloaded),
        (301, Reason::InvalidResponse),
        (101, Reason::InvalidResponse),
    ];
    for shape in [Openai, AzureOpenai, Anthropic, Gemini, Bedrock, Plain] {
        for (status, expected) in cases {
            let got = run(
                shape,
                Chat,
                &Outcome::Reply(reply(*status, &[], "upstream said no")),
            );
            assert_eq!(got.reason, *expected, "{shape:?} {status}");
        }
    }
}

#[test]
fn a_cut_or_unfinished_body_is_oversized_or_truncated() {
    let mut big = reply(200, JSON, OPENAI_OK);
    big.body_cut = true;
    assert_eq!(
        run(Openai, Chat, &Outcome::Reply(big)).reason,
        Reason::Oversized
    );
    let mut early = reply(200, JSON, &OPENAI_OK[..40]);
    early.ended_early = true;
    assert_eq!(
        run(Openai, Chat, &Outcome::Reply(early)).reason,
        Reason::Truncated
    );
    // The status line was whole: a throttled reply stays throttled however its body ends.
    let mut throttled = reply(429, JSON, OPENAI_RATE_LIMIT);
    throttled.body_cut = true;
    assert_eq!(
        run(Openai, Chat, &Outcome::Reply(throttled)).reason,
        Reason::Throttled
    );
}

#[test]
fn an_ok_reply_over_the_latency_objective_is_slow() {
    let mut late = reply(200, JSON, ANTHROPIC_OK);
    late.latency_ms = 2_001;
    let got = run(Anthropic, Chat, &Outcome::Reply(late.clone()));
    assert_eq!((got.reason, got.error_excerpt), (Reason::Slow, None));
    late.latency_ms = 2_000;
    assert_eq!(
        run(Anthropic, Chat, &Outcome::Reply(late.clone())).reason,
        Reason::Ok
    );
    // A failure is not "slow": its own reason says more.
    let mut late_error = reply(529, JSON, ANTHROPIC_OVERLOADED);
    late_error.latency_ms = 9_000;
    assert_eq!(
        run(Anthropic, Chat, &Outcome::Reply(late_error)).reason,
        Reason::Overloaded
    );
    // No objective (0): never slow.
    late.latency_ms = 60_000;
    let ctx = ProbeContext {
        config: &ProbeConfig::default(),
        credential: None,
        now: now(),
    };
    let got = classify_shape(Anthropic, Chat, &Outcome::Reply(late), 0, &ctx);
    assert_eq!(got.reason, Reason::Ok);
}

#[test]
fn transport_failures_map_one_to_one() {
    let cases = [
        (TransportFailure::Timeout, Reason::Timeout),
        (TransportFailure::ConnectTimeout, Reason::ConnectTimeout),
        (TransportFailure::Dns, Reason::Dns),
        (TransportFailure::Tls, Reason::Tls),
        (TransportFailure::ConnectionReset, Reason::ConnectionReset),
        (TransportFailure::NoCredential, Reason::NoCredential),
        (TransportFailure::Redirect, Reason::InvalidResponse),
    ];
    for (failure, expected) in cases {
        let outcome = Outcome::Failed {
            failure,
            detail: "went wrong\nhere".into(),
            latency_ms: 3_000,
        };
        let got = run(Openai, Chat, &outcome);
        assert_eq!(got.reason, expected, "{failure:?}");
        assert_eq!(got.http_status, None);
        assert_eq!(got.latency_ms, 3_000);
        assert_eq!(got.error_excerpt.as_deref(), Some("went wrong here"));
    }
}

#[test]
fn probe_kind_none_is_not_probed() {
    let got = run(
        Openai,
        ProbeKind::None,
        &Outcome::Reply(reply(500, &[], "")),
    );
    assert_eq!(got.reason, Reason::NotProbed);
}

fn http_config(expect_status: u16, pointer: Option<&str>, equals: Option<Value>) -> ProbeConfig {
    ProbeConfig {
        expect_status,
        json_pointer: pointer.map(str::to_owned),
        equals,
        ..ProbeConfig::default()
    }
}

#[test]
fn http_kind_checks_status_and_json_value() {
    let healthy = r#"{"status":"ok","checks":{"db":{"up":true,"lag":0}}}"#;
    let cases: Vec<(&str, ProbeConfig, u16, &str, Reason)> = vec![
        (
            "status only",
            http_config(200, None, None),
            200,
            HTML_PAGE,
            Reason::Ok,
        ),
        (
            "other 2xx",
            http_config(200, None, None),
            204,
            "",
            Reason::InvalidResponse,
        ),
        (
            "expected 204",
            http_config(204, None, None),
            204,
            "",
            Reason::Ok,
        ),
        (
            "5xx",
            http_config(200, None, None),
            500,
            "",
            Reason::ServerError,
        ),
        (
            "503",
            http_config(200, None, None),
            503,
            "",
            Reason::Overloaded,
        ),
        ("401", http_config(200, None, None), 401, "", Reason::Auth),
        (
            "expected 401",
            http_config(401, None, None),
            401,
            "",
            Reason::Ok,
        ),
        (
            "equal string",
            http_config(200, Some("/status"), Some("ok".into())),
            200,
            healthy,
            Reason::Ok,
        ),
        (
            "equal bool",
            http_config(200, Some("/checks/db/up"), Some(true.into())),
            200,
            healthy,
            Reason::Ok,
        ),
        (
            "equal number",
            http_config(200, Some("/checks/db/lag"), Some(0.into())),
            200,
            healthy,
            Reason::Ok,
        ),
        (
            "different value",
            http_config(200, Some("/status"), Some("degraded".into())),
            200,
            healthy,
            Reason::InvalidResponse,
        ),
        (
            "same text, other type",
            http_config(200, Some("/checks/db/lag"), Some("0".into())),
            200,
            healthy,
            Reason::InvalidResponse,
        ),
        (
            "pointer present",
            http_config(200, Some("/checks/db"), None),
            200,
            healthy,
            Reason::Ok,
        ),
        (
            "pointer missing",
            http_config(200, Some("/checks/cache"), None),
            200,
            healthy,
            Reason::InvalidResponse,
        ),
        (
            "not JSON",
            http_config(200, Some("/status"), Some("ok".into())),
            200,
            HTML_PAGE,
            Reason::InvalidResponse,
        ),
    ];
    for (what, config, status, body, expected) in cases {
        let got = run_with(
            Plain,
            ProbeKind::Http,
            &Outcome::Reply(reply(status, &[], body)),
            &config,
            None,
        );
        assert_eq!(got.reason, expected, "{what}: {got:?}");
    }
}

#[test]
fn throttling_facts_are_kept_with_the_sample() {
    let got = run(
        Openai,
        Chat,
        &Outcome::Reply(reply(429, OPENAI_429_HEADERS, OPENAI_RATE_LIMIT)),
    );
    assert_eq!(got.reason, Reason::Throttled);
    assert_eq!(got.retry_after_s, Some(20));
    assert_eq!(
        got.rate_limit,
        RateLimit {
            remaining_requests: Some(0),
            remaining_tokens: Some(39_850),
            requests_reset_s: Some(20),
            tokens_reset_s: Some(1),
        }
    );
    // Headroom is kept on healthy replies too.
    let ok = run(
        Anthropic,
        Chat,
        &Outcome::Reply(reply(200, ANTHROPIC_OK_HEADERS, ANTHROPIC_OK)),
    );
    assert_eq!(ok.reason, Reason::Ok);
    assert_eq!(ok.rate_limit.remaining_requests, Some(49));
    assert_eq!(ok.rate_limit.requests_reset_s, Some(5));
    assert_eq!(ok.retry_after_s, None);
}

#[test]
fn a_sample_carries_the_classified_facts() {
    let mut r = reply(200, JSON, OPENAI_STREAM);
    r.first_token_ms = Some(80);
    let sample =
        run(Openai, Chat, &Outcome::Reply(r)).into_sample("gpt-main", "2026-11-24T12:00:00Z");
    assert_eq!(sample.endpoint, "gpt-main");
    assert_eq!(sample.at, "2026-11-24T12:00:00Z");
    assert_eq!(sample.reason, Reason::Ok);
    assert_eq!((sample.latency_ms, sample.first_token_ms), (120, Some(80)));
    assert_eq!(sample.http_status, Some(200));
}

mod excerpts;
