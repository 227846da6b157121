//! The on-call rules, with the clock set by the test.

use chrono::{DateTime, Utc};

use super::*;
use crate::inventory::Inventory;
use crate::rotation::{Restriction, Rotation, Weekday};

fn at(s: &str) -> AuditContext {
    AuditContext {
        now: Some(DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)),
        ..Default::default()
    }
}

fn on_call_findings(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::OnCallGap | FindingKind::SingleMemberRotation
            )
        })
        .collect()
}

/// The one on-call finding among `findings`; fails the test if there is not exactly one.
fn only_on_call_finding(findings: &[Finding]) -> &Finding {
    let found = on_call_findings(findings);
    assert_eq!(found.len(), 1, "{found:#?}");
    found[0]
}

fn rotation<'a>(inv: &'a mut Inventory, id: &str) -> &'a mut Rotation {
    inv.rotations.iter_mut().find(|r| r.id == id).unwrap()
}

/// Someone on call on weekdays 09:00–18:00 in the rotation's zone.
fn weekdays_nine_to_six() -> Restriction {
    use Weekday::*;
    Restriction {
        days: vec![Mon, Tue, Wed, Thu, Fri],
        from: "09:00".into(),
        to: "18:00".into(),
    }
}

/// support-chat (critical) and reply-drafting (high) are owned by support-ai, which has
/// someone on call only on weekdays 09:00–18:00 Berlin here.
#[test]
fn a_critical_workflow_whose_rotation_has_a_gap_in_the_next_14_days_fails() {
    let mut inv = demo_inventory().unwrap();
    let r = rotation(&mut inv, "support-ai");
    r.restrictions = vec![weekdays_nine_to_six()];
    // Mon 2026-06-01 12:00Z is 14:00 CEST (+2), inside the window; it closes at 18:00 CEST,
    // 16:00Z, and opens again Tue 09:00 CEST, 07:00Z. Until Mon 06-15 12:00Z that is five
    // gaps a week (four weeknights and the weekend), ten in all.
    let findings = audit_inventory(&inv, &at("2026-06-01T12:00:00Z"));
    let f = only_on_call_finding(&findings);
    assert_eq!(f.workflow.as_deref(), Some("support-chat"));
    assert_eq!(f.rotation.as_deref(), Some("support-ai"));
    assert_eq!(
        (f.kind, f.severity),
        (FindingKind::OnCallGap, Severity::High)
    );
    assert!(
        f.message.contains("nobody on call from 2026-06-01T16:00:00Z to 2026-06-02T07:00:00Z (the first of 10 gaps)"),
        "{}",
        f.message
    );
    assert!(AuditReport::from_findings(findings).fails);
}

/// The clock decides: before a rotation's start nobody is on call, after it there is no gap.
#[test]
fn the_next_14_days_are_counted_from_the_injected_clock() {
    let mut inv = demo_inventory().unwrap();
    let r = rotation(&mut inv, "support-ai");
    r.start = "2026-06-20".into();
    // 09:00 CEST on 06-20 is 07:00Z: before it, nothing.
    let before = audit_inventory(&inv, &at("2026-06-10T00:00:00Z"));
    let gap = on_call_findings(&before);
    assert_eq!(gap.len(), 1);
    assert!(
        gap[0]
            .message
            .contains("from 2026-06-10T00:00:00Z to 2026-06-20T07:00:00Z,"),
        "{}",
        gap[0].message
    );
    let after = audit_inventory(&inv, &at("2026-06-20T07:00:00Z"));
    assert!(on_call_findings(&after).is_empty(), "{after:#?}");
    // Fourteen days from 06-05 end at 06-19, still before the start.
    assert_eq!(
        on_call_findings(&audit_inventory(&inv, &at("2026-06-05T00:00:00Z"))).len(),
        1
    );
}

#[test]
fn a_rotation_with_one_member_is_low_and_never_fails_the_audit_alone() {
    let mut inv = demo_inventory().unwrap();
    let r = rotation(&mut inv, "platform-ml");
    r.members.truncate(1);
    let findings = audit_inventory(&inv, &at("2026-06-01T00:00:00Z"));
    let f = only_on_call_finding(&findings);
    assert_eq!(
        (f.kind, f.severity),
        (FindingKind::SingleMemberRotation, Severity::Low)
    );
    assert_eq!((f.workflow.as_deref(), f.criticality), (None, None));
    assert_eq!(f.rotation.as_deref(), Some("platform-ml"));
    assert!(
        f.message.contains("one member, Priya Raman"),
        "{}",
        f.message
    );
    assert!(!AuditReport::from_findings(findings).fails);
    // A second person on a layer is cover too.
    let mut layered = inv.clone();
    let r = rotation(&mut layered, "platform-ml");
    r.layers.push(crate::rotation::Layer {
        name: "Weekend".into(),
        time_zone: "America/New_York".into(),
        shift_hours: 48,
        handoff: "09:00".into(),
        start: "2026-01-03".into(),
        members: vec![crate::rotation::RotationMember {
            name: "Jin Park".into(),
            contact: None,
        }],
        restrictions: Vec::new(),
    });
    assert!(on_call_findings(&audit_inventory(&layered, &at("2026-06-01T00:00:00Z"))).is_empty());
}

/// A rotation whose people are all on a layer has members: the audit says so only of a
/// rotation with nobody on any layer, and counts the layer's gaps instead.
#[test]
fn members_on_a_layer_alone_are_members() {
    let mut inv = demo_inventory().unwrap();
    let r = rotation(&mut inv, "support-ai");
    let members = std::mem::take(&mut r.members);
    r.layers.push(crate::rotation::Layer {
        name: "Weekdays".into(),
        time_zone: r.time_zone.clone(),
        shift_hours: r.shift_hours,
        handoff: r.handoff.clone(),
        start: r.start.clone(),
        members,
        restrictions: vec![weekdays_nine_to_six()],
    });
    let findings = audit_inventory(&inv, &at("2026-06-01T12:00:00Z"));
    let about_support_ai: Vec<_> = findings
        .iter()
        .filter(|f| {
            f.rotation.as_deref() == Some("support-ai") || f.kind == FindingKind::EmptyRotation
        })
        .map(|f| (f.workflow.as_deref(), f.kind))
        .collect();
    // Mon 2026-06-01 12:00Z is inside the window (14:00 CEST); it closes at 16:00Z.
    assert_eq!(
        about_support_ai,
        [(Some("support-chat"), FindingKind::OnCallGap)],
        "{findings:#?}"
    );
}

/// A critical workflow's owner rotation whose schedule cannot be computed (stored before a
/// rule it breaks) is reported like a gap, not skipped.
#[test]
fn an_owner_rotation_whose_schedule_cannot_be_computed_is_a_finding() {
    let mut inv = demo_inventory().unwrap();
    let r = rotation(&mut inv, "support-ai");
    r.handoff = "9:00".into();
    let findings = audit_inventory(&inv, &at("2026-06-01T12:00:00Z"));
    let f = only_on_call_finding(&findings);
    assert_eq!(f.workflow.as_deref(), Some("support-chat"));
    assert_eq!(
        (f.kind, f.severity),
        (FindingKind::OnCallGap, Severity::High)
    );
    assert!(
        f.message.starts_with(
            "nobody can tell who is on call: rotation 'support-ai' is invalid: handoff:"
        ),
        "{}",
        f.message
    );
}
