//! Incidents and their append-only timeline. Declaring, resolving and exporting incidents
//! build on this; for now it records timeline events (for example runbook step changes).

mod event;

pub use event::{EventDetail, Note, StepChange, Unrecognized, WalkReset};

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::{Store, StoreError};

/// One immutable record on a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEvent {
    #[ts(type = "number")]
    pub id: i64,
    /// `None` for events outside an incident, such as a runbook walked on its own.
    #[ts(type = "number | null")]
    pub incident_id: Option<i64>,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    pub summary: String,
    /// `kind` and `data`.
    #[serde(flatten)]
    #[ts(flatten)]
    pub detail: EventDetail,
}

/// What a caller supplies to append an event; the time is taken when it is written.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub incident_id: Option<i64>,
    pub actor: &'a str,
    pub summary: &'a str,
    pub detail: EventDetail,
}

/// Appends an event inside the caller's transaction, so it commits with the change it records.
pub fn append_event(conn: &Connection, e: &NewEvent<'_>) -> rusqlite::Result<TimelineEvent> {
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    conn.execute(
        "INSERT INTO timeline_events (incident_id, at, kind, actor, summary, data) VALUES (?, ?, ?, ?, ?, ?)",
        params![e.incident_id, at, e.detail.kind(), e.actor, e.summary, e.detail.data()],
    )?;
    Ok(TimelineEvent {
        id: conn.last_insert_rowid(),
        incident_id: e.incident_id,
        at,
        actor: e.actor.to_owned(),
        summary: e.summary.to_owned(),
        detail: e.detail.clone(),
    })
}

const COLUMNS: &str = "id, incident_id, at, kind, actor, summary, data";

fn event_of(r: &Row) -> rusqlite::Result<TimelineEvent> {
    Ok(TimelineEvent {
        id: r.get(0)?,
        incident_id: r.get(1)?,
        at: r.get(2)?,
        actor: r.get(4)?,
        summary: r.get(5)?,
        detail: EventDetail::from_columns(r.get(3)?, r.get(6)?),
    })
}

/// The timeline of one incident (or of events outside any incident), oldest first.
pub fn timeline(store: &Store, incident_id: Option<i64>) -> Result<Vec<TimelineEvent>, StoreError> {
    store.read(|c| {
        let mut stmt = c.prepare(&format!(
            "SELECT {COLUMNS} FROM timeline_events WHERE incident_id IS ? ORDER BY id"
        ))?;
        let rows = stmt.query_map([incident_id], event_of)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

/// The walk-through events (step marks and resets) of one runbook in one incident (or outside
/// any), newest first: what the walk-through shows beside the steps.
pub fn runbook_timeline(
    store: &Store,
    incident_id: Option<i64>,
    runbook_id: &str,
) -> Result<Vec<TimelineEvent>, StoreError> {
    store.read(|c| {
        // CASE, not AND: SQLite does not promise to skip json_extract on a row whose data is
        // not JSON, and such a row must not fail the whole query.
        let mut stmt = c.prepare(&format!(
            "SELECT {COLUMNS} FROM timeline_events
             WHERE incident_id IS ?1 AND kind IN (?2, ?3)
               AND CASE WHEN json_valid(data) THEN json_extract(data, '$.runbook') END = ?4
             ORDER BY id DESC"
        ))?;
        let [step, reset] = event::WALK_KINDS;
        let rows = stmt.query_map(params![incident_id, step, reset, runbook_id], event_of)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

#[cfg(test)]
mod tests;
