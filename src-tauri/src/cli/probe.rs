//! `brownout probe run`: one sweep of the probed endpoints (and their vendors' status pages),
//! the samples recorded in the history as the app's scheduled probes record theirs, one line
//! (or JSON object) per sample. No hysteresis: one sweep, one sample.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use brownout_core::health::Health;
use brownout_core::inventory::{self, Criticality};
use brownout_core::probe::chains;
use brownout_core::probe::monitor::once;
use brownout_core::probe::monitor::probes::Probe;
use brownout_core::probe::runner::Limits;
use brownout_core::probe::targets::Routing;
use brownout_core::probe::{Reason, Sample};
use brownout_core::simulator::EmbeddedSimulator;
use brownout_core::store::Store;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{output, Failure, WorkspaceOnDemand};
use crate::probing::{routing_of, secret_resolver};

#[derive(Debug, Subcommand)]
pub enum ProbeCommand {
    /// Probe every endpoint with a probe: block once and record the samples; exits 1 when a
    /// critical workflow has no healthy endpoint in its chain (or, with --endpoint, when that
    /// endpoint is not healthy).
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Print the samples as a JSON array.
    #[arg(long)]
    json: bool,
    /// Probe only this endpoint.
    #[arg(long, value_name = "ID")]
    endpoint: Option<String>,
    /// Probe the endpoints of the inventory in FILE instead of the workspace's; nothing is
    /// recorded and no database is opened or created.
    #[arg(long, value_name = "FILE")]
    inventory: Option<PathBuf>,
}

/// One sample as the command prints it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    endpoint: &'a str,
    state: Health,
    reason: Reason,
    latency_ms: u32,
    http_status: Option<u16>,
    /// Whole seconds from now, 0 to 600.
    retry_after_s: Option<u32>,
    first_token_ms: Option<u32>,
    error_excerpt: Option<&'a str>,
    at: &'a str,
}

impl<'a> From<&'a Sample> for Row<'a> {
    fn from(s: &'a Sample) -> Self {
        Self {
            endpoint: &s.endpoint,
            state: s.health(),
            reason: s.reason,
            latency_ms: s.latency_ms,
            http_status: s.http_status,
            retry_after_s: s.retry_after_s,
            first_token_ms: s.first_token_ms,
            error_excerpt: s.error_excerpt.as_deref(),
            at: &s.at,
        }
    }
}

pub fn run(
    cmd: ProbeCommand,
    ws: &WorkspaceOnDemand,
    out: &mut impl Write,
) -> Result<i32, Failure> {
    let ProbeCommand::Run(args) = cmd;
    // A simulated workspace's sweep goes to a simulator of this process, alive until it ends.
    let simulator = EmbeddedSimulator::default();
    let (store, routing) = match &args.inventory {
        Some(file) => (
            super::inventory_in_memory(file)?,
            routing_of(None, &simulator),
        ),
        None => {
            let ws = ws.get()?;
            (ws.store.clone(), routing_of(Some(ws), &simulator))
        }
    };
    let inv = inventory::load(&store)?;
    let chosen = once::select(&inv, &routing, args.endpoint.as_deref())?;
    let samples = sweep(&store, chosen, &routing)?;
    print(&samples, args.json, out).map_err(Failure::input)?;
    let health: HashMap<String, Health> = samples
        .iter()
        .map(|s| (s.endpoint.clone(), s.health()))
        .collect();
    if let Some(id) = &args.endpoint {
        let state = health.get(id).copied().unwrap_or(Health::Unknown);
        if state != Health::Healthy {
            output::note(format_args!("brownout: endpoint {id} is {state}"));
            return Ok(1);
        }
        return Ok(0);
    }
    let known: HashMap<String, Health> = inv
        .endpoints
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                health.get(&e.id).copied().unwrap_or(Health::Unknown),
            )
        })
        .collect();
    let mut code = 0;
    for chain in chains::chains(&inv, &known) {
        if chain.criticality == Criticality::Critical && !chain.has_healthy_endpoint {
            output::note(format_args!(
                "brownout: critical workflow {} has no healthy endpoint in its chain",
                chain.workflow
            ));
            code = 1;
        }
    }
    Ok(code)
}

fn sweep(store: &Store, chosen: Vec<Probe>, routing: &Routing) -> Result<Vec<Sample>, Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Failure::input)?;
    let sweep = once::sweep(
        store,
        chosen,
        routing,
        secret_resolver(),
        Limits::default(),
        chrono::Utc::now,
    );
    Ok(runtime.block_on(sweep)?)
}

fn print(samples: &[Sample], json: bool, out: &mut impl Write) -> std::io::Result<()> {
    if json {
        let rows: Vec<Row> = samples.iter().map(Row::from).collect();
        let text = serde_json::to_string_pretty(&rows).map_err(std::io::Error::other)?;
        return writeln!(out, "{text}");
    }
    if samples.is_empty() {
        return writeln!(out, "No endpoint has a probe: block; nothing was probed.");
    }
    writeln!(
        out,
        "{:<28} {:<9} {:<22} {:>8} {:>5} {:>12}",
        "ENDPOINT", "STATE", "REASON", "LATENCY", "HTTP", "RETRY-AFTER"
    )?;
    for s in samples {
        let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "{:<28} {:<9} {:<22} {:>6}ms {:>5} {:>12}",
            s.endpoint,
            s.health().to_string(),
            s.reason.to_string(),
            s.latency_ms,
            or_dash(s.http_status.map(|h| h.to_string())),
            or_dash(s.retry_after_s.map(|r| format!("{r}s"))),
        )?;
        if let Some(excerpt) = &s.error_excerpt {
            writeln!(out, "    {excerpt}")?;
        }
    }
    Ok(())
}
