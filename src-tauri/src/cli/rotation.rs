//! `brownout rotation shifts` and `brownout rotation ics`: a rotation's final schedule over a
//! range, as lines, JSON or an iCalendar feed.

use std::io::Write;

use brownout_core::rotation::format_instant;
use brownout_core::rotation::schedule::{self, MAX_CALENDAR_DAYS};
use chrono::{DateTime, NaiveDate, Utc};
use clap::Subcommand;

use super::oncall::{parse_instant, through};
use super::{Failure, WorkspaceOnDemand};

#[derive(Debug, Subcommand)]
pub enum RotationCommand {
    /// The final schedule from --from to --to: who is on call, through which layer or
    /// override, with gaps where nobody is.
    Shifts {
        /// The rotation's id.
        id: String,
        /// RFC 3339 instant.
        #[arg(long, value_name = "RFC3339", value_parser = parse_instant)]
        from: DateTime<Utc>,
        /// RFC 3339 instant.
        #[arg(long, value_name = "RFC3339", value_parser = parse_instant)]
        to: DateTime<Utc>,
        /// Print a JSON array of {person, contact, source, layer, start, end}.
        #[arg(long)]
        json: bool,
    },
    /// The final schedule as an iCalendar (RFC 5545) feed, times in UTC.
    Ics {
        /// The rotation's id.
        id: String,
        /// The first day, YYYY-MM-DD, from midnight in the rotation's zone (default: today
        /// there).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// How many days (at most 344).
        #[arg(long, value_name = "N", default_value_t = 90,
              value_parser = clap::value_parser!(u32).range(1..=MAX_CALENDAR_DAYS))]
        days: u32,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date such as 2026-11-01"))
}

pub fn run(
    cmd: RotationCommand,
    ws: &WorkspaceOnDemand,
    out: &mut impl Write,
) -> Result<i32, Failure> {
    let store = &ws.get()?.store;
    let w = |e: std::io::Error| Failure::input(e);
    match cmd {
        RotationCommand::Shifts { id, from, to, json } => {
            let r = schedule::stored_rotation(store, &id)?;
            let shifts = schedule::final_schedule(&r, from, to)?;
            if json {
                let text = serde_json::to_string_pretty(&shifts).map_err(Failure::input)?;
                writeln!(out, "{text}").map_err(w)?;
            }
            for s in shifts.iter().filter(|_| !json) {
                let who = match &s.person {
                    None => "nobody".to_owned(),
                    Some(p) => {
                        let contact = s.contact.as_ref().map(|c| format!(" <{c}>"));
                        format!(
                            "{p}{} ({})",
                            contact.unwrap_or_default(),
                            through(s.source, s.layer.as_deref())
                        )
                    }
                };
                writeln!(
                    out,
                    "{}  {}  {who}",
                    format_instant(s.start),
                    format_instant(s.end)
                )
                .map_err(w)?;
            }
        }
        RotationCommand::Ics { id, from, days } => {
            let r = schedule::stored_rotation(store, &id)?;
            let now = Utc::now();
            let from = match from {
                Some(d) => d,
                None => schedule::local_today(&r, now)?,
            };
            let text = schedule::ics(&r, from, days, now)?;
            out.write_all(text.as_bytes()).map_err(w)?;
        }
    }
    Ok(0)
}
