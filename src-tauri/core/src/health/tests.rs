use std::collections::HashMap;

use super::*;

fn lookup() -> HashMap<String, Health> {
    HashMap::from([
        ("up".to_string(), Health::Healthy),
        ("up-too".to_string(), Health::Healthy),
        ("slow".to_string(), Health::Degraded),
        ("gone".to_string(), Health::Down),
        ("new".to_string(), Health::Unknown),
    ])
}

#[test]
fn no_condition_applies() {
    assert_eq!(
        applicability([], &lookup()),
        (Applicability::Applicable, None)
    );
    assert_eq!(
        applicability(["up", "up-too"], &lookup()),
        (Applicability::Applicable, None)
    );
}

#[test]
fn the_worst_condition_decides_and_is_named() {
    let h = lookup();
    assert_eq!(
        applicability(["up", "slow"], &h),
        (Applicability::NotApplicable, Some("slow"))
    );
    assert_eq!(
        applicability(["new", "gone", "slow"], &h),
        (Applicability::NotApplicable, Some("gone"))
    );
    assert_eq!(
        applicability(["up", "new"], &h),
        (Applicability::Unknown, Some("new"))
    );
    assert_eq!(
        applicability(["not-in-inventory", "up"], &h),
        (Applicability::Unknown, Some("not-in-inventory"))
    );
}

#[test]
fn shared_health_answers_for_known_endpoints_unknown_until_set() {
    let shared = SharedHealth::default();
    let known: std::collections::HashSet<String> = ["a".into(), "b".into()].into();
    shared.set("a", Health::Down);
    // Not in the inventory: not answered, even though the monitor had it.
    shared.set("gone", Health::Healthy);
    let lookup = shared.lookup(&known);
    assert_eq!(lookup.health("a"), Some(Health::Down));
    assert_eq!(lookup.health("b"), Some(Health::Unknown));
    assert_eq!(lookup.health("gone"), None);
    shared.replace(HashMap::from([("b".to_string(), Health::Healthy)]));
    let lookup = shared.lookup(&known);
    assert_eq!(
        (lookup.health("a"), lookup.health("b")),
        (Some(Health::Unknown), Some(Health::Healthy))
    );
}
