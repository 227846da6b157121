//! A vendor's status page in the Statuspage format (`/api/v2/summary.json`), saying what the
//! vendor's fault would make a real page say: a major outage for `outage`, degraded
//! performance for `overloaded`, all operational otherwise (real pages rarely report
//! throttling or slowness).

use chrono::{SecondsFormat, Utc};
use serde_json::json;

use super::answer::Answer;
use super::fault::{Fault, FaultKind};

/// The components every simulated page lists.
pub const COMPONENTS: [&str; 2] = ["API", "Console"];

pub(crate) fn summary(vendor: &str, fault: &Fault) -> Answer {
    let (indicator, description, api) = match fault.kind {
        FaultKind::Outage => ("critical", "Major System Outage", "major_outage"),
        FaultKind::Overloaded => (
            "minor",
            "Partially Degraded Service",
            "degraded_performance",
        ),
        _ => ("none", "All Systems Operational", "operational"),
    };
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let component = |name: &str, status: &str| json!({ "id": name.to_ascii_lowercase(), "name": name, "status": status, "updated_at": now });
    let body = json!({
        "page": { "id": vendor, "name": format!("{vendor} (simulated)"), "url": "", "updated_at": now },
        "status": { "indicator": indicator, "description": description },
        "components": [component(COMPONENTS[0], api), component(COMPONENTS[1], "operational")],
        "incidents": [],
        "scheduled_maintenances": [],
    });
    Answer::json(200, &body)
}
