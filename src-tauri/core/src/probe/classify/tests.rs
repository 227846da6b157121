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

/// Classifies a reply of `status` with `headers` and `body`, with the default probe settings.
fn replied(
    shape: ReplyShape,
    kind: ProbeKind,
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> Classified {
    run(shape, kind, &Outcome::Reply(reply(status, headers, body)))
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
use ProbeKind::Chat;
use ReplyShape::*;

const JSON: &[(&str, &str)] = &[("content-type", "application/json")];
const SSE: &[(&str, &str)] = &[("content-type", "text/event-stream")];

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
    #[rustfmt::skip]
    let cases: Vec<(&str, ProbeConfig, u16, &str, Reason)> = vec![
        ("status only",           http_config(200, None, None),                               200, HTML_PAGE, Reason::Ok),
        ("other 2xx",             http_config(200, None, None),                               204, "",        Reason::InvalidResponse),
        ("expected 204",          http_config(204, None, None),                               204, "",        Reason::Ok),
        ("5xx",                   http_config(200, None, None),                               500, "",        Reason::ServerError),
        ("503",                   http_config(200, None, None),                               503, "",        Reason::Overloaded),
        ("401",                   http_config(200, None, None),                               401, "",        Reason::Auth),
        ("expected 401",          http_config(401, None, None),                               401, "",        Reason::Ok),
        ("equal string",          http_config(200, Some("/status"), Some("ok".into())),       200, healthy,   Reason::Ok),
        ("equal bool",            http_config(200, Some("/checks/db/up"), Some(true.into())), 200, healthy,   Reason::Ok),
        ("equal number",          http_config(200, Some("/checks/db/lag"), Some(0.into())),   200, healthy,   Reason::Ok),
        ("different value",       http_config(200, Some("/status"), Some("degraded".into())), 200, healthy,   Reason::InvalidResponse),
        ("same text, other type", http_config(200, Some("/checks/db/lag"), Some("0".into())), 200, healthy,   Reason::InvalidResponse),
        ("pointer present",       http_config(200, Some("/checks/db"), None),                 200, healthy,   Reason::Ok),
        ("pointer missing",       http_config(200, Some("/checks/cache"), None),              200, healthy,   Reason::InvalidResponse),
        ("not JSON",              http_config(200, Some("/status"), Some("ok".into())),       200, HTML_PAGE, Reason::InvalidResponse),
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
    let got = replied(Openai, Chat, 429, OPENAI_429_HEADERS, OPENAI_RATE_LIMIT);
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
mod properties;
mod vendors;

#[test]
fn a_bedrock_models_probe_is_read_as_the_converse_reply_it_sent() {
    let converse = r#"{"output":{"message":{"role":"assistant","content":[{"text":"ok"}]}},"stopReason":"max_tokens","usage":{"inputTokens":3,"outputTokens":1,"totalTokens":4}}"#;
    let ctx = ProbeContext {
        config: &ProbeConfig::default(),
        credential: None,
        now: now(),
    };
    let outcome = Outcome::Reply(reply(200, JSON, converse));
    let sample = classify(ApiStyle::Bedrock, ProbeKind::Models, &outcome, 0, &ctx);
    assert_eq!(sample.reason, Reason::Ok, "{:?}", sample.error_excerpt);
}
