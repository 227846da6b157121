use super::*;

#[test]
fn each_reason_decides_its_health() {
    let by_health: [(Health, &[&str]); 4] = [
        (Health::Healthy, &["ok"]),
        (
            Health::Degraded,
            &["slow", "throttled", "overloaded", "status_page_degraded"],
        ),
        (
            Health::Down,
            &[
                "quota_exhausted",
                "server_error",
                "auth",
                "no_credential",
                "model_not_found",
                "bad_request",
                "timeout",
                "connect_timeout",
                "dns",
                "tls",
                "connection_reset",
                "oversized",
                "truncated",
                "invalid_response",
                "status_page_outage",
            ],
        ),
        (Health::Unknown, &["not_probed"]),
    ];
    for (health, texts) in by_health {
        for &text in texts {
            let reason: Reason = text.parse().unwrap();
            assert_eq!(reason.to_string(), text);
            assert_eq!(reason.health(), health, "{text}");
        }
    }
}

#[test]
fn an_empty_probe_block_takes_the_documented_defaults() {
    let c: ProbeConfig = serde_yaml_ng::from_str("{}").unwrap();
    assert_eq!(c, ProbeConfig::default());
    assert_eq!(
        (c.interval_s, c.timeout_ms, c.connect_timeout_ms),
        (60, 10_000, 3_000)
    );
    assert_eq!((c.max_tokens, c.expect_status), (16, 200));
    assert_eq!((c.failures_to_down, c.successes_to_up), (3, 2));
    assert_eq!(c.kind, None);
    let err = serde_yaml_ng::from_str::<ProbeConfig>("intervall_s: 5").unwrap_err();
    assert!(err.to_string().contains("intervall_s"), "{err}");
}
