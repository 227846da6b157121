//! `brownout oncall now`: who is on call for a rotation, or for a workflow through its owner
//! rotation, now or at any instant.

use std::io::Write;

use brownout_core::rotation::schedule::{self, OnCall, Source};
use brownout_core::rotation::{self, format_instant};
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};

use super::{Failure, WorkspaceOnDemand};

#[derive(Debug, Subcommand)]
pub enum OnCallCommand {
    /// Who is on call at an instant (default: now), with the contact and the stretch around
    /// it. Exits 1 when nobody is.
    Now(NowArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("whose").required(true).args(["rotation", "workflow"])))]
pub struct NowArgs {
    /// The rotation's id.
    #[arg(long, value_name = "ID")]
    rotation: Option<String>,
    /// A workflow's id: its owner rotation is asked.
    #[arg(long, value_name = "ID")]
    workflow: Option<String>,
    /// The instant to ask about, RFC 3339 (e.g. 2026-11-01T05:30:00Z).
    #[arg(long, value_name = "RFC3339", value_parser = parse_instant)]
    at: Option<DateTime<Utc>>,
    /// Print a JSON object: person, contact, rotation, source, layer, start, end.
    #[arg(long)]
    json: bool,
}

/// An RFC 3339 instant from the command line, to the whole second like the schedule.
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    rotation::parse_instant(s)
        .ok_or_else(|| format!("'{s}' is not an RFC 3339 instant such as 2026-11-01T05:30:00Z"))
}

pub fn run(
    cmd: OnCallCommand,
    ws: &WorkspaceOnDemand,
    out: &mut impl Write,
) -> Result<i32, Failure> {
    let OnCallCommand::Now(args) = cmd;
    let store = &ws.get()?.store;
    let at = args.at.unwrap_or_else(Utc::now);
    let on_call = match (&args.rotation, &args.workflow) {
        (Some(id), _) => schedule::rotation_on_call(store, id, at)?,
        (None, Some(id)) => schedule::workflow_on_call(store, id, at)?,
        (None, None) => unreachable!("clap requires --rotation or --workflow"),
    };
    let text = if args.json {
        serde_json::to_string_pretty(&on_call).map_err(Failure::input)?
    } else {
        describe(&on_call)
    };
    writeln!(out, "{text}").map_err(Failure::input)?;
    Ok(if on_call.person.is_some() { 0 } else { 1 })
}

/// `Ana Lima <ana@example.com> (layer APAC nights) is on call for support-ai from … until …`.
fn describe(o: &OnCall) -> String {
    let span = format!(
        "from {} until {}",
        format_instant(o.start),
        format_instant(o.end)
    );
    match &o.person {
        None => format!("Nobody is on call for {} {span}", o.rotation),
        Some(person) => {
            let contact = o
                .contact
                .as_ref()
                .map(|c| format!(" <{c}>"))
                .unwrap_or_default();
            format!(
                "{person}{contact} is on call for {} ({}) {span}",
                o.rotation,
                through(o.source, o.layer.as_deref())
            )
        }
    }
}

/// `override`, `layer NAME` or `base layer`.
pub fn through(source: Option<Source>, layer: Option<&str>) -> String {
    match (source, layer) {
        (Some(Source::Override), _) => "override".into(),
        (_, Some(name)) => format!("layer {name}"),
        (Some(Source::Layer), None) => "base layer".into(),
        (None, None) => "nobody".into(),
    }
}
