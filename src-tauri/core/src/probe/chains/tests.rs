use std::collections::HashMap;

use super::*;
use crate::inventory::{Criticality, FallbackStep};

fn workflow(
    id: &str,
    criticality: Criticality,
    primary: &str,
    fallbacks: Vec<FallbackStep>,
) -> Workflow {
    Workflow {
        id: id.into(),
        name: id.to_uppercase(),
        description: String::new(),
        criticality,
        customer_facing: false,
        owner: None,
        primary: primary.into(),
        fallbacks,
        failure_modes: Default::default(),
    }
}

fn health(pairs: &[(&str, Health)]) -> HashMap<String, Health> {
    pairs.iter().map(|(e, h)| (e.to_string(), *h)).collect()
}

fn steps() -> Vec<FallbackStep> {
    vec![
        FallbackStep::endpoint("b"),
        FallbackStep::strategy("serve cached answers"),
        FallbackStep::endpoint("c"),
    ]
}

#[test]
fn the_chain_uses_the_first_healthy_endpoint_link_in_order() {
    let w = workflow("w", Criticality::High, "a", steps());
    let cases = [
        // (a, b, c) → in_use, has_healthy_endpoint
        (
            [Health::Healthy, Health::Healthy, Health::Healthy],
            Some(0),
            true,
        ),
        (
            [Health::Down, Health::Healthy, Health::Healthy],
            Some(1),
            true,
        ),
        // A degraded link is not healthy; the strategy is not skipped for an unhealthy one.
        (
            [Health::Degraded, Health::Degraded, Health::Healthy],
            Some(3),
            true,
        ),
        // No healthy endpoint: the strategy is the last resort, and it is not "healthy".
        (
            [Health::Down, Health::Unknown, Health::Degraded],
            Some(2),
            false,
        ),
    ];
    for (states, in_use, healthy) in cases {
        let lookup = health(&[("a", states[0]), ("b", states[1]), ("c", states[2])]);
        let chain = chain(&w, &lookup);
        assert_eq!(chain.in_use, in_use, "{states:?}");
        assert_eq!(chain.has_healthy_endpoint, healthy, "{states:?}");
    }
}

#[test]
fn links_keep_their_role_order_and_a_strategy_is_never_healthy() {
    let w = workflow("w", Criticality::High, "a", steps());
    let chain = chain(&w, &health(&[("a", Health::Down), ("b", Health::Healthy)]));
    let roles: Vec<_> = chain.links.iter().map(|l| (l.role, l.health)).collect();
    assert_eq!(
        roles,
        [
            (LinkRole::Primary, Health::Down),
            (LinkRole::Fallback, Health::Healthy),
            (LinkRole::Strategy, Health::Unknown),
            // Not in the lookup: unknown.
            (LinkRole::Fallback, Health::Unknown),
        ]
    );
    assert_eq!(
        chain.links[2].strategy.as_deref(),
        Some("serve cached answers")
    );
}

#[test]
fn a_chain_without_strategy_or_healthy_endpoint_uses_nothing() {
    let w = workflow(
        "w",
        Criticality::High,
        "a",
        vec![FallbackStep::endpoint("b")],
    );
    let chain = chain(&w, &health(&[("a", Health::Down), ("b", Health::Degraded)]));
    assert_eq!((chain.in_use, chain.has_healthy_endpoint), (None, false));
}

#[test]
fn chains_come_critical_first_then_by_name_and_fallback_of_ignores_primaries() {
    let inv = Inventory {
        workflows: vec![
            workflow("low", Criticality::Low, "a", vec![]),
            workflow(
                "zeta",
                Criticality::Critical,
                "a",
                vec![FallbackStep::endpoint("b")],
            ),
            workflow(
                "alpha",
                Criticality::Critical,
                "b",
                vec![FallbackStep::endpoint("c")],
            ),
        ],
        ..Default::default()
    };
    let order: Vec<_> = chains(&inv, &health(&[]))
        .into_iter()
        .map(|c| c.workflow)
        .collect();
    assert_eq!(order, ["alpha", "zeta", "low"]);
    let users: Vec<_> = fallback_of(&inv, "b")
        .iter()
        .map(|w| w.id.as_str())
        .collect();
    assert_eq!(users, ["zeta"]);
}
