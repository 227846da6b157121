use chrono::{DateTime, Duration, SecondsFormat, Utc};

use crate::audit::{run_at, AuditContext, FindingKind, Severity};
use crate::inventory::demo;
use crate::probe::{history, Reason, Sample};
use crate::store::Store;

fn now() -> DateTime<Utc> {
    "2026-11-24T12:00:00Z".parse().unwrap()
}

/// A sample of `endpoint` taken `hours_ago`.
fn sample(endpoint: &str, hours_ago: i64, reason: Reason) -> Sample {
    Sample {
        endpoint: endpoint.into(),
        at: (now() - Duration::hours(hours_ago)).to_rfc3339_opts(SecondsFormat::Secs, true),
        reason,
        http_status: None,
        latency_ms: 100,
        first_token_ms: None,
        rate_limit: Default::default(),
        retry_after_s: None,
        error_excerpt: None,
    }
}

#[test]
fn a_probed_fallback_without_one_healthy_sample_in_a_day_is_a_medium_finding_that_never_fails() {
    let store = Store::open_in_memory().unwrap().0;
    demo::seed(&store).unwrap();
    history::record_samples(
        &store,
        &[
            // Probed fallback, never healthy in the window: reported.
            sample("anthropic-haiku", 1, Reason::Timeout),
            sample("anthropic-haiku", 23, Reason::Throttled),
            // One healthy sample is enough.
            sample("google-gemini-flash", 2, Reason::ServerError),
            sample("google-gemini-flash", 3, Reason::Ok),
            // Its failures are older than the window.
            sample("openai-gpt-4o-mini", 25, Reason::Timeout),
            // A primary only, not a fallback.
            sample("openai-gpt-4o", 1, Reason::Timeout),
            // A fallback without a probe block (samples from an earlier one).
            sample("anthropic-sonnet", 1, Reason::Timeout),
        ],
    )
    .unwrap();
    let report = run_at(&store, &AuditContext::default(), now()).unwrap();
    let found: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::FallbackNeverHealthy)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let f = found[0];
    assert_eq!(f.endpoint.as_deref(), Some("anthropic-haiku"));
    assert_eq!(
        (f.severity, f.criticality, &f.workflow),
        (Severity::Medium, None, &None)
    );
    assert!(
        f.message.contains("probed 2 times in the last 24 hours"),
        "{}",
        f.message
    );
    assert!(!report.fails);
}

#[test]
fn without_samples_nothing_is_reported() {
    let store = Store::open_in_memory().unwrap().0;
    demo::seed(&store).unwrap();
    let report = run_at(&store, &AuditContext::default(), now()).unwrap();
    assert!(report
        .findings
        .iter()
        .all(|f| f.kind != FindingKind::FallbackNeverHealthy));
}
