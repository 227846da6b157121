use std::io::Write;
use std::path::{Path, PathBuf};

use brownout_core::audit::{self, AuditContext, AuditReport};
use brownout_core::inventory;
use brownout_core::runbook::{library, service};
use clap::Args;

use super::{Failure, WorkspaceOnDemand};

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Audit the inventory in FILE (YAML, or JSON for *.json) instead of the workspace's; no
    /// database is opened or created.
    #[arg(long, value_name = "FILE")]
    inventory: Option<PathBuf>,
    /// With --inventory: the runbooks folder whose coverage counts (without it, runbook
    /// coverage is not checked).
    #[arg(long, value_name = "DIR", requires = "inventory")]
    runbooks: Option<PathBuf>,
}

/// The workspace's audit, with runbook coverage from its runbooks folder, indexed fresh.
fn workspace_report(ws: &WorkspaceOnDemand) -> Result<AuditReport, Failure> {
    let ws = ws.get()?;
    service::prepare(ws)?;
    let ctx = service::audit_context(ws)?;
    Ok(audit::run(&ws.store, &ctx)?)
}

/// A team's own files: the inventory file, and the runbooks folder indexed in memory.
fn files_report(file: &Path, runbooks: Option<&Path>) -> Result<AuditReport, Failure> {
    let store = super::inventory_in_memory(file)?;
    let runbook_coverage = match runbooks {
        Some(dir) => {
            library::sync(&store, dir, &inventory::load(&store)?)?;
            Some(library::coverage(&store)?)
        }
        None => None,
    };
    let ctx = AuditContext {
        runbook_coverage,
        ..Default::default()
    };
    Ok(audit::run(&store, &ctx)?)
}

pub fn run(args: AuditArgs, ws: &WorkspaceOnDemand, out: &mut impl Write) -> Result<i32, Failure> {
    let report = match &args.inventory {
        Some(file) => files_report(file, args.runbooks.as_deref())?,
        None => workspace_report(ws)?,
    };
    let w = |e: std::io::Error| Failure::input(e);
    if args.json {
        let text = serde_json::to_string_pretty(&report).map_err(Failure::input)?;
        writeln!(out, "{text}").map_err(w)?;
    } else if report.findings.is_empty() {
        writeln!(out, "No findings: every workflow has an owner, a fallback at another vendor and complete failure modes.").map_err(w)?;
    } else {
        for f in &report.findings {
            let subject = match (&f.workflow, &f.rotation, &f.endpoint) {
                (Some(w), _, _) => format!("workflow {w}"),
                (None, Some(r), _) => format!("rotation {r}"),
                (None, None, Some(e)) => format!("endpoint {e}"),
                (None, None, None) => "workspace".into(),
            };
            let crit = f.criticality.map(|c| format!(" ({c})")).unwrap_or_default();
            writeln!(
                out,
                "{:<6} {subject}{crit}: {}",
                format!("{:?}", f.severity).to_lowercase(),
                f.message
            )
            .map_err(w)?;
        }
        let critical = report
            .findings
            .iter()
            .filter(|f| f.criticality == Some(brownout_core::inventory::Criticality::Critical))
            .count();
        writeln!(
            out,
            "\n{} findings, {critical} on critical workflows.",
            report.findings.len()
        )
        .map_err(w)?;
    }
    Ok(if report.fails { 1 } else { 0 })
}
