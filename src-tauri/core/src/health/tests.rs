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
