//! TypeScript declarations for every type that crosses the IPC boundary, generated from the
//! Rust types into `ui/src/lib/ipc-types.ts`. A test fails when the committed file drifts;
//! `UPDATE_BINDINGS=1 cargo test -p brownout bindings` rewrites it.

use brownout_core::audit::{AuditReport, Finding, FindingKind, Severity};
use brownout_core::incident::TimelineEvent;
use brownout_core::incident::{EventDetail, Note, StepChange, Unrecognized, WalkReset};
use brownout_core::inventory::*;
use brownout_core::runbook::service::{RunbookPreview, RunbookView};
use brownout_core::runbook::walkthrough::{
    Applicability, StepMark, StepState, WalkCounts, WalkSection, WalkStep, Walkthrough,
};
use brownout_core::runbook::{Document, Problem, RunbookQuery, RunbookSummary};
use brownout_core::settings::Settings;
use ts_rs::{Config, TS};

use crate::commands::app::AppInfo;
use crate::error::IpcError;

/// Where the generated file lives, relative to the repo root.
pub const BINDINGS_PATH: &str = "ui/src/lib/ipc-types.ts";

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        Vendor::decl(&cfg),
        ApiStyle::decl(&cfg),
        Endpoint::decl(&cfg),
        Criticality::decl(&cfg),
        FailureMode::decl(&cfg),
        FallbackStep::decl(&cfg),
        FailureModePlan::decl(&cfg),
        FailureModes::decl(&cfg),
        Workflow::decl(&cfg),
        RotationMember::decl(&cfg),
        Rotation::decl(&cfg),
        Inventory::decl(&cfg),
        FieldError::decl(&cfg),
        FindingKind::decl(&cfg),
        Severity::decl(&cfg),
        Finding::decl(&cfg),
        AuditReport::decl(&cfg),
        TimelineEvent::decl(&cfg),
        EventDetail::decl(&cfg),
        StepChange::decl(&cfg),
        WalkReset::decl(&cfg),
        Note::decl(&cfg),
        Unrecognized::decl(&cfg),
        AppInfo::decl(&cfg),
        Settings::decl(&cfg),
        IpcError::decl(&cfg),
        RunbookSummary::decl(&cfg),
        RunbookQuery::decl(&cfg),
        Problem::decl(&cfg),
        Document::decl(&cfg),
        RunbookView::decl(&cfg),
        RunbookPreview::decl(&cfg),
        StepState::decl(&cfg),
        Applicability::decl(&cfg),
        StepMark::decl(&cfg),
        WalkStep::decl(&cfg),
        WalkSection::decl(&cfg),
        WalkCounts::decl(&cfg),
        Walkthrough::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p brownout bindings`.\n// Do not edit by hand: the test suite fails when this file drifts.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
