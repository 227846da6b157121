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
