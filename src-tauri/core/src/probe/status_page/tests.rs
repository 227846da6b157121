use chrono::{TimeZone, Utc};

use super::*;
use crate::probe::model::{ProbeConfig, Reply, TransportFailure};

/// A Statuspage `summary.json` as status pages serve it, with the given page indicator and
/// component statuses.
fn summary(indicator: &str, components: &[(&str, &str)]) -> String {
    let components: Vec<String> = components
        .iter()
        .enumerate()
        .map(|(i, (name, status))| {
            format!(
                r#"{{"id":"c{i}","name":"{name}","status":"{status}","created_at":"2023-01-01T00:00:00.000Z","updated_at":"2026-11-24T11:58:00.000Z","position":{i},"description":null,"showcase":false,"start_date":null,"group_id":null,"page_id":"p1","group":false,"only_show_if_degraded":false}}"#
            )
        })
        .collect();
    let description = match indicator {
        "none" => "All Systems Operational",
        "minor" => "Minor Service Outage",
        "major" => "Partial System Outage",
        "critical" => "Major System Outage",
        _ => "Service Under Maintenance",
    };
    format!(
        r#"{{"page":{{"id":"p1","name":"Vendor","url":"https://status.example.com","time_zone":"Etc/UTC","updated_at":"2026-11-24T11:58:00.000Z"}},"components":[{}],"incidents":[],"scheduled_maintenances":[],"status":{{"indicator":"{indicator}","description":"{description}"}}}}"#,
        components.join(",")
    )
}

const ALL_UP: &[(&str, &str)] = &[
    ("API", "operational"),
    ("ChatGPT", "operational"),
    ("Playground", "operational"),
];

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn page_indicator_and_components_decide_the_reason() {
    let api_partial = &[("API", "partial_outage"), ("ChatGPT", "operational")];
    let api_down = &[("API", "major_outage"), ("ChatGPT", "operational")];
    let chat_down = &[("API", "operational"), ("ChatGPT", "major_outage")];
    let api_slow = &[("API", "degraded_performance"), ("ChatGPT", "operational")];
    let api_maintenance = &[("API", "under_maintenance")];
    let nameless = r#"{"status":{"indicator":"none"},"components":[{"status":"operational"}]}"#;
    #[rustfmt::skip]
    let cases: &[(&str, String, Option<Vec<String>>, Reason)] = &[
        ("all up",                   summary("none", ALL_UP),                       None,                             Reason::Ok),
        ("minor",                    summary("minor", api_slow),                    None,                             Reason::StatusPageDegraded),
        ("major",                    summary("major", api_partial),                 None,                             Reason::StatusPageDegraded),
        ("critical",                 summary("critical", api_down),                 None,                             Reason::StatusPageOutage),
        ("maintenance",              summary("maintenance", api_maintenance),       None,                             Reason::StatusPageDegraded),
        // A component in outage counts even when the indicator lags behind.
        ("lagging indicator",        summary("none", api_down),                     None,                             Reason::StatusPageOutage),
        // Watching API only: another product's outage does not count, nor the page indicator.
        ("other product down",       summary("critical", chat_down),                Some(names(&["API"])),            Reason::Ok),
        ("watched degraded",         summary("minor", api_slow),                    Some(names(&["API"])),            Reason::StatusPageDegraded),
        ("watched partial",          summary("major", api_partial),                 Some(names(&["api "])),           Reason::StatusPageDegraded),
        ("watched down",             summary("critical", api_down),                 Some(names(&["API"])),            Reason::StatusPageOutage),
        ("one of two down",          summary("critical", chat_down),                Some(names(&["API", "ChatGPT"])), Reason::StatusPageOutage),
        ("empty list is all",        summary("critical", chat_down),                Some(vec![]),                     Reason::StatusPageOutage),
        ("unknown component",        summary("none", ALL_UP),                       Some(names(&["Sora"])),           Reason::InvalidResponse),
        ("unknown component status", summary("none", &[("API", "on_fire")]),        None,                             Reason::InvalidResponse),
        ("unknown indicator",        summary("purple", ALL_UP),                     None,                             Reason::InvalidResponse),
        ("no status",                r#"{"components":[]}"#.to_owned(),             None,                             Reason::InvalidResponse),
        ("HTML",                     "<html><body>Status</body></html>".to_owned(), None,                             Reason::InvalidResponse),
        ("not an object",            "[1,2,3]".to_owned(),                          None,                             Reason::InvalidResponse),
        ("component without name",   nameless.to_owned(),                           None,                             Reason::InvalidResponse),
    ];
    for (what, body, watched, expected) in cases {
        let (reason, text) = summary_reason(body.as_bytes(), watched.as_deref());
        assert_eq!(reason, *expected, "{what}: {text:?}");
        assert_eq!(text.is_some(), *expected != Reason::Ok, "{what}: {text:?}");
    }
}

#[test]
fn the_excerpt_names_the_affected_components() {
    let body = summary(
        "major",
        &[("API", "partial_outage"), ("Files", "degraded_performance")],
    );
    let (_, text) = summary_reason(body.as_bytes(), None);
    assert_eq!(
        text.as_deref(),
        Some("Partial System Outage; API: partial_outage; Files: degraded_performance")
    );
    let (_, text) = summary_reason(summary("none", ALL_UP).as_bytes(), Some(&names(&["Sora"])));
    assert_eq!(
        text.as_deref(),
        Some("the status page has no component named `Sora`")
    );
}

fn fetched(status: u16, body: &str) -> Outcome {
    Outcome::Reply(Reply {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
        latency_ms: 90,
        ..Reply::default()
    })
}

fn classify_page(outcome: &Outcome, watched: Option<&[String]>) -> Classified {
    let config = ProbeConfig::default();
    let ctx = ProbeContext {
        config: &config,
        credential: None,
        now: Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    };
    classify_status_page(outcome, watched, &ctx)
}

#[test]
fn fetching_the_page_fails_like_any_probe() {
    let page = summary("critical", &[("API", "major_outage")]);
    let cases = [
        ("outage", fetched(200, &page), Reason::StatusPageOutage),
        ("all up", fetched(200, &summary("none", ALL_UP)), Reason::Ok),
        (
            "page missing",
            fetched(404, "Not Found"),
            Reason::BadRequest,
        ),
        (
            "page server down",
            fetched(502, "<html>Bad Gateway</html>"),
            Reason::ServerError,
        ),
        ("page throttled", fetched(429, ""), Reason::Throttled),
        (
            "no answer",
            Outcome::Failed {
                failure: TransportFailure::Timeout,
                detail: "timed out".into(),
                latency_ms: 10_000,
            },
            Reason::Timeout,
        ),
    ];
    for (what, outcome, expected) in cases {
        let got = classify_page(&outcome, None);
        assert_eq!(got.reason, expected, "{what}: {got:?}");
    }
    let got = classify_page(&fetched(200, &page), None);
    assert_eq!(got.http_status, Some(200));
    assert_eq!(got.latency_ms, 90);
    assert_eq!(
        got.error_excerpt.as_deref(),
        Some("Major System Outage; API: major_outage")
    );
}

#[test]
fn a_cut_page_is_oversized_not_misread() {
    let mut outcome = fetched(200, &summary("none", ALL_UP)[..60]);
    if let Outcome::Reply(reply) = &mut outcome {
        reply.body_cut = true;
    }
    assert_eq!(classify_page(&outcome, None).reason, Reason::Oversized);
    if let Outcome::Reply(reply) = &mut outcome {
        reply.body_cut = false;
        reply.ended_early = true;
    }
    assert_eq!(classify_page(&outcome, None).reason, Reason::Truncated);
}
