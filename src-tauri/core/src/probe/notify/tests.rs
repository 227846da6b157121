use super::*;
use crate::inventory::{ApiStyle, Criticality, Endpoint, FallbackStep, Vendor, Workflow};

fn inventory() -> Inventory {
    let endpoint = |id: &str, name: &str| Endpoint {
        id: id.into(),
        vendor: "anthropic".into(),
        name: name.into(),
        model: "m".into(),
        base_url: "https://api.anthropic.com/v1".into(),
        api_style: ApiStyle::Anthropic,
        credential: None,
        latency_slo_ms: 1000,
        probe: None,
    };
    let workflow = |id: &str, name: &str| Workflow {
        id: id.into(),
        name: name.into(),
        description: String::new(),
        criticality: Criticality::Critical,
        customer_facing: true,
        owner: None,
        primary: "primary".into(),
        fallbacks: vec![FallbackStep::endpoint("haiku")],
        failure_modes: Default::default(),
    };
    Inventory {
        vendors: vec![Vendor {
            id: "anthropic".into(),
            name: "Anthropic".into(),
            status_page: None,
            status_api: None,
            status_components: vec![],
        }],
        endpoints: vec![
            endpoint("primary", "Primary"),
            endpoint("haiku", "Claude Haiku"),
        ],
        workflows: vec![
            workflow("chat", "Support chat"),
            workflow("sum", "Summaries"),
        ],
        rotations: vec![],
    }
}

fn change(endpoint: &str, from: Health, to: Health, reason: Reason) -> StateChange {
    StateChange {
        endpoint: endpoint.into(),
        from,
        to,
        reason,
        at: "2026-11-24T10:00:00Z".into(),
    }
}

#[test]
fn a_fallback_going_down_is_announced_with_its_reason_and_workflows() {
    let mut n = Notifier::default();
    let notice = n
        .notice(
            &change("haiku", Health::Degraded, Health::Down, Reason::Overloaded),
            &inventory(),
        )
        .unwrap();
    assert_eq!(notice.title, "Fallback down: Claude Haiku");
    assert_eq!(
        notice.body,
        "Claude Haiku (Anthropic) is down: overloaded. It is the fallback for Support chat, Summaries."
    );
}

#[test]
fn a_recovery_is_announced_only_after_an_announced_outage() {
    let inv = inventory();
    let mut n = Notifier::default();
    // Degraded then healthy again: no outage was announced, so no recovery either.
    assert!(n
        .notice(
            &change("haiku", Health::Healthy, Health::Degraded, Reason::Slow),
            &inv
        )
        .is_none());
    assert!(n
        .notice(
            &change("haiku", Health::Degraded, Health::Healthy, Reason::Ok),
            &inv
        )
        .is_none());
    n.notice(
        &change("haiku", Health::Degraded, Health::Down, Reason::Timeout),
        &inv,
    )
    .unwrap();
    // Down to degraded on the way up: not yet.
    assert!(n
        .notice(
            &change("haiku", Health::Down, Health::Degraded, Reason::Slow),
            &inv
        )
        .is_none());
    let back = n
        .notice(
            &change("haiku", Health::Degraded, Health::Healthy, Reason::Ok),
            &inv,
        )
        .unwrap();
    assert_eq!(back.title, "Fallback recovered: Claude Haiku");
    // Once.
    assert!(n
        .notice(
            &change("haiku", Health::Degraded, Health::Healthy, Reason::Ok),
            &inv
        )
        .is_none());
}

#[test]
fn a_first_sample_is_not_announced_and_nor_is_its_recovery() {
    let inv = inventory();
    let mut n = Notifier::default();
    assert!(n
        .notice(
            &change("haiku", Health::Unknown, Health::Down, Reason::NoCredential),
            &inv
        )
        .is_none());
    assert!(n
        .notice(
            &change("haiku", Health::Down, Health::Healthy, Reason::Ok),
            &inv
        )
        .is_none());
}

#[test]
fn primaries_unknown_endpoints_and_status_pages_are_not_announced() {
    let inv = inventory();
    let mut n = Notifier::default();
    for id in ["primary", "gone", "status:anthropic"] {
        assert!(
            n.notice(
                &change(id, Health::Healthy, Health::Down, Reason::ServerError),
                &inv
            )
            .is_none(),
            "{id}"
        );
    }
}
