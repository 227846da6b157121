//! The on-call rules: a critical workflow whose owner rotation leaves a gap in the coming
//! days, and a rotation resting on one person.

use chrono::{Duration, Utc};

use super::super::{AuditContext, Finding, FindingKind, Severity, ON_CALL_LOOKAHEAD_DAYS};
use crate::inventory::{Criticality, Inventory};
use crate::rotation::{format_instant, schedule};

pub fn on_call_findings(inv: &Inventory, ctx: &AuditContext, out: &mut Vec<Finding>) {
    let now = ctx.now.unwrap_or_else(Utc::now);
    let until = now + Duration::days(ON_CALL_LOOKAHEAD_DAYS);
    for w in inv
        .workflows
        .iter()
        .filter(|w| w.criticality == Criticality::Critical)
    {
        let Some(r) = w
            .owner
            .as_ref()
            .and_then(|o| inv.rotations.iter().find(|r| &r.id == o))
        else {
            continue;
        };
        // A rotation with nobody at all is already its own finding.
        if r.people().is_empty() {
            continue;
        }
        // A schedule that cannot be computed (a rotation stored before a rule it breaks)
        // tells nobody who is on call: as bad as a gap.
        let message = match schedule::gaps(r, now, until) {
            Err(e) => format!("nobody can tell who is on call: {e}"),
            Ok(gaps) => match gaps.first() {
                None => continue,
                Some((start, end)) => {
                    let more = match gaps.len() {
                        1 => String::new(),
                        n => format!(" (the first of {n} gaps)"),
                    };
                    format!(
                        "its owner rotation '{}' has nobody on call from {} to {}{more}, within the next {ON_CALL_LOOKAHEAD_DAYS} days",
                        r.id,
                        format_instant(*start),
                        format_instant(*end)
                    )
                }
            },
        };
        out.push(Finding {
            workflow: Some(w.id.clone()),
            criticality: Some(w.criticality),
            rotation: Some(r.id.clone()),
            endpoint: None,
            kind: FindingKind::OnCallGap,
            severity: Severity::High,
            message,
        });
    }
    for r in &inv.rotations {
        let people = r.people();
        if let [only] = people.iter().collect::<Vec<_>>()[..] {
            // Tied to no workflow, so it never fails the audit on its own.
            out.push(Finding {
                workflow: None,
                criticality: None,
                rotation: Some(r.id.clone()),
                endpoint: None,
                kind: FindingKind::SingleMemberRotation,
                severity: Severity::Low,
                message: format!(
                    "rotation '{}' has one member, {only}: nobody covers when they are away",
                    r.id
                ),
            });
        }
    }
}
