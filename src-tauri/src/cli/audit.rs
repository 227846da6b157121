use std::io::Write;

use brownout_core::audit;
use brownout_core::runbook::service;
use brownout_core::Workspace;
use clap::Args;

use super::Failure;

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: AuditArgs, ws: &Workspace, out: &mut impl Write) -> Result<i32, Failure> {
    // Runbook coverage comes from the runbooks folder, indexed fresh.
    service::prepare(ws).map_err(Failure::input)?;
    let ctx = service::audit_context(ws).map_err(Failure::input)?;
    let report = audit::run(&ws.store, &ctx).map_err(Failure::input)?;
    let w = |e: std::io::Error| Failure::input(e);
    if args.json {
        let text = serde_json::to_string_pretty(&report).map_err(Failure::input)?;
        writeln!(out, "{text}").map_err(w)?;
    } else if report.findings.is_empty() {
        writeln!(out, "No findings: every workflow has an owner, a fallback at another vendor and complete failure modes.").map_err(w)?;
    } else {
        for f in &report.findings {
            let subject = match (&f.workflow, &f.rotation) {
                (Some(w), _) => format!("workflow {w}"),
                (None, Some(r)) => format!("rotation {r}"),
                (None, None) => "workspace".into(),
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
