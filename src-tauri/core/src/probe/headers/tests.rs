use chrono::TimeZone;

use super::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap()
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

#[test]
fn retry_after_values_read_capped_or_dropped() {
    let read = |value: &str| retry_after(&headers(&[("retry-after", value)]), now());
    let seconds: &[(&str, u32)] = &[
        ("0", 0),
        ("30", 30),
        (" 7 ", 7),
        ("1.5", 2),
        ("600", 600),
        ("601", 600),
        ("99999999999999999999999", 600),
    ];
    for (value, expected) in seconds {
        assert_eq!(read(value), Some(*expected), "retry-after: {value:?}");
    }
    // HTTP dates, relative to 12:00:00 GMT.
    for (date, expected) in [
        ("Tue, 24 Nov 2026 12:00:45 GMT", 45),
        ("Tue, 24 Nov 2026 11:00:00 GMT", 0),
        ("Tue, 24 Nov 2026 18:00:00 GMT", 600),
        ("Tuesday, 24-Nov-26 12:01:00 GMT", 60),
        ("Tue Nov 24 12:00:10 2026", 10),
    ] {
        assert_eq!(read(date), Some(expected), "retry-after: {date:?}");
    }
    let dropped = [
        "-5",
        "+5",
        "1e3",
        "soon",
        "",
        ".",
        "NaN",
        "5 seconds",
        "Tue, 31 Nov 2026 12:00:00 GMT",
        "Tue, 24 Nov 2026 25:00:00 GMT",
    ];
    for value in dropped {
        assert_eq!(read(value), None, "retry-after: {value:?}");
    }
}

#[test]
fn retry_after_is_absent_without_the_header() {
    assert_eq!(retry_after(&headers(&[("x-other", "5")]), now()), None);
}

#[test]
fn retry_after_ms_is_read_when_retry_after_is_absent() {
    let h = headers(&[("retry-after-ms", "1500")]);
    assert_eq!(retry_after(&h, now()), Some(2));
    let h = headers(&[("retry-after-ms", "-1")]);
    assert_eq!(retry_after(&h, now()), None);
    let h = headers(&[("retry-after-ms", "2000"), ("retry-after", "junk")]);
    assert_eq!(retry_after(&h, now()), Some(2));
    // Retry-After wins over the millisecond form.
    let h = headers(&[("retry-after-ms", "90000"), ("retry-after", "3")]);
    assert_eq!(retry_after(&h, now()), Some(3));
}

#[test]
fn retry_after_header_name_is_case_insensitive() {
    assert_eq!(
        retry_after(&headers(&[("Retry-After", "4")]), now()),
        Some(4)
    );
}

#[test]
fn openai_durations_round_up_to_whole_seconds() {
    let cases: &[(&str, u64)] = &[
        ("6m0s", 360),
        ("1s", 1),
        ("20ms", 1),
        ("0s", 0),
        ("1h2m3.5s", 3724),
        ("1m30s", 90),
        ("500us", 1),
        ("12", 12),
        ("100000h", MAX_RESET_S),
    ];
    for (value, seconds) in cases {
        assert_eq!(parse_duration(value), Some(*seconds), "duration {value:?}");
    }
    for value in ["", "6x", "m", "-1s", "1s junk"] {
        assert_eq!(parse_duration(value), None, "duration {value:?}");
    }
}

#[test]
fn openai_rate_limit_headers_become_headroom() {
    // As OpenAI documents them on every reply.
    let h = headers(&[
        ("x-ratelimit-limit-requests", "60"),
        ("x-ratelimit-limit-tokens", "150000"),
        ("x-ratelimit-remaining-requests", "59"),
        ("x-ratelimit-remaining-tokens", "149984"),
        ("x-ratelimit-reset-requests", "1s"),
        ("x-ratelimit-reset-tokens", "6m0s"),
    ]);
    assert_eq!(
        rate_limit(&h, now()),
        RateLimit {
            remaining_requests: Some(59),
            remaining_tokens: Some(149_984),
            requests_reset_s: Some(1),
            tokens_reset_s: Some(360),
        }
    );
}

#[test]
fn anthropic_rate_limit_headers_become_headroom() {
    let h = headers(&[
        ("anthropic-ratelimit-requests-limit", "50"),
        ("anthropic-ratelimit-requests-remaining", "0"),
        ("anthropic-ratelimit-requests-reset", "2026-11-24T12:00:30Z"),
        ("anthropic-ratelimit-tokens-limit", "40000"),
        ("anthropic-ratelimit-tokens-remaining", "12000"),
        (
            "anthropic-ratelimit-tokens-reset",
            "2026-11-24T13:00:00+01:00",
        ),
    ]);
    assert_eq!(
        rate_limit(&h, now()),
        RateLimit {
            remaining_requests: Some(0),
            remaining_tokens: Some(12_000),
            requests_reset_s: Some(30),
            // The same instant as now, written in another offset.
            tokens_reset_s: Some(0),
        }
    );
}

#[test]
fn unreadable_rate_limit_headers_are_absent() {
    let h = headers(&[
        ("x-ratelimit-remaining-requests", "-3"),
        ("x-ratelimit-remaining-tokens", "lots"),
        ("x-ratelimit-reset-requests", "whenever"),
        ("anthropic-ratelimit-tokens-reset", "tomorrow"),
        ("anthropic-ratelimit-requests-reset", "2026-11-24T11:00:00Z"),
    ]);
    assert_eq!(
        rate_limit(&h, now()),
        RateLimit {
            remaining_requests: None,
            remaining_tokens: None,
            requests_reset_s: Some(0),
            tokens_reset_s: None,
        }
    );
    assert_eq!(rate_limit(&[], now()), RateLimit::default());
}
