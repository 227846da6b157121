use super::*;

#[test]
fn each_reason_decides_its_health() {
    let cases = [
        ("ok", Health::Healthy),
        ("slow", Health::Degraded),
        ("throttled", Health::Degraded),
        ("overloaded", Health::Degraded),
        ("status_page_degraded", Health::Degraded),
        ("quota_exhausted", Health::Down),
        ("server_error", Health::Down),
        ("auth", Health::Down),
        ("no_credential", Health::Down),
        ("model_not_found", Health::Down),
        ("bad_request", Health::Down),
        ("timeout", Health::Down),
        ("connect_timeout", Health::Down),
        ("dns", Health::Down),
        ("tls", Health::Down),
        ("connection_reset", Health::Down),
        ("oversized", Health::Down),
        ("truncated", Health::Down),
        ("invalid_response", Health::Down),
        ("status_page_outage", Health::Down),
        ("not_probed", Health::Unknown),
    ];
    for (text, health) in cases {
        let reason: Reason = text.parse().unwrap();
        assert_eq!(reason.to_string(), text);
        assert_eq!(reason.health(), health, "{text}");
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
