//! The readiness audit: per workflow, what is missing before the next vendor incident.

mod probes;
mod rules;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::inventory::{self, Criticality, Inventory, InventoryError};
use crate::store::Store;

pub use rules::audit_inventory;

/// What kind of gap a finding is. Later capabilities add kinds (runbooks, probes, on-call).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    NoOwner,
    NoFallback,
    SingleVendorChain,
    FailureModeIncomplete,
    EmptyRotation,
    NoRunbook,
    /// An endpoint sends its credential over plain http to a host that is not loopback.
    PlainHttpCredential,
    /// A critical workflow's owner rotation has nobody on call at some time in the next
    /// [`ON_CALL_LOOKAHEAD_DAYS`] days.
    OnCallGap,
    /// A rotation has a single person: nobody covers when they are away.
    SingleMemberRotation,
    /// A fallback whose probe ran in the last 24 hours without one healthy sample.
    FallbackNeverHealthy,
}

/// How far ahead the audit looks for gaps in a critical workflow's on-call schedule.
pub const ON_CALL_LOOKAHEAD_DAYS: i64 = 14;

/// How urgent a gap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}

/// One gap in readiness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    /// The affected workflow, if the gap is tied to one.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// The affected workflow's criticality.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criticality: Option<Criticality>,
    /// The rotation concerned, for rotation findings.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation: Option<String>,
    /// The endpoint concerned, for endpoint findings.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    pub kind: FindingKind,
    pub severity: Severity,
    pub message: String,
}

/// The audit's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditReport {
    /// Ordered: critical workflows first, then by severity.
    pub findings: Vec<Finding>,
    /// True when a critical workflow has a finding: the CLI then exits 1.
    pub fails: bool,
}

impl AuditReport {
    pub fn from_findings(mut findings: Vec<Finding>) -> Self {
        findings.sort_by(|a, b| {
            (
                a.criticality.unwrap_or(Criticality::Low),
                a.severity,
                &a.workflow,
                &a.rotation,
            )
                .cmp(&(
                    b.criticality.unwrap_or(Criticality::Low),
                    b.severity,
                    &b.workflow,
                    &b.rotation,
                ))
        });
        let fails = findings
            .iter()
            .any(|f| f.criticality == Some(Criticality::Critical));
        Self { findings, fails }
    }
}

/// Extra facts the inventory alone does not hold; filled by other modules (runbooks, …).
#[derive(Debug, Default, Clone)]
pub struct AuditContext {
    /// Per vendor id, the failure modes some runbook covers. `None`: runbooks not checked.
    pub runbook_coverage: Option<
        std::collections::HashMap<String, std::collections::HashSet<crate::inventory::FailureMode>>,
    >,
    /// The instant the on-call rules look ahead from; `None`: the system clock.
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

/// Audits the stored inventory and its probe history.
pub fn run(store: &Store, ctx: &AuditContext) -> Result<AuditReport, InventoryError> {
    run_at(store, ctx, chrono::Utc::now())
}

/// [`run`] as of `now` (the probe findings look at the 24 hours before it).
pub fn run_at(
    store: &Store,
    ctx: &AuditContext,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<AuditReport, InventoryError> {
    let inv: Inventory = inventory::load(store)?;
    let mut findings = audit_inventory(&inv, ctx);
    let since = now - chrono::Duration::hours(probes::WINDOW_HOURS);
    let counts = crate::probe::history::counts_since(store, since)?;
    findings.extend(probes::never_healthy_fallbacks(&inv, &counts));
    Ok(AuditReport::from_findings(findings))
}
