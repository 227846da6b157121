//! The audit's probe finding: a fallback that was probed lately and never once answered
//! healthily is a fallback in name only. Endpoint-level and medium, so it never fails the audit
//! on its own; endpoints without a probe or without samples are not judged.

use std::collections::HashMap;

use super::{Finding, FindingKind, Severity};
use crate::inventory::Inventory;
use crate::probe::board::is_probed;
use crate::probe::chains::fallback_of;
use crate::probe::history::SampleCounts;

/// The window the finding looks at.
pub const WINDOW_HOURS: i64 = 24;

/// A finding per probed fallback with samples in the window (`counts`) but no healthy one.
pub fn never_healthy_fallbacks(
    inv: &Inventory,
    counts: &HashMap<String, SampleCounts>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for e in inv.endpoints.iter().filter(|e| is_probed(e)) {
        let Some(c) = counts
            .get(&e.id)
            .filter(|c| c.samples > 0 && c.healthy == 0)
        else {
            continue;
        };
        let workflows = fallback_of(inv, &e.id);
        if workflows.is_empty() {
            continue;
        }
        let ids: Vec<&str> = workflows.iter().map(|w| w.id.as_str()).collect();
        out.push(Finding {
            workflow: None,
            criticality: None,
            rotation: None,
            endpoint: Some(e.id.clone()),
            kind: FindingKind::FallbackNeverHealthy,
            severity: Severity::Medium,
            message: format!(
                "fallback endpoint '{}' (for {}) was probed {} times in the last {WINDOW_HOURS} hours without one healthy sample",
                e.id,
                ids.join(", "),
                c.samples
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests;
