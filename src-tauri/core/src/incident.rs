//! Incidents and their append-only timeline. Declaring, resolving and exporting incidents
//! build on this; for now it records timeline events (for example runbook step changes).

use rusqlite::{params, Connection};
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
    pub kind: String,
    pub actor: String,
    pub summary: String,
    /// Kind-specific details, as JSON text.
    pub data: String,
}

/// What a caller supplies to append an event; the time is taken when it is written.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub incident_id: Option<i64>,
    pub kind: &'a str,
    pub actor: &'a str,
    pub summary: &'a str,
    pub data: serde_json::Value,
}

/// Appends an event inside the caller's transaction, so it commits with the change it records.
pub fn append_event(conn: &Connection, e: &NewEvent<'_>) -> rusqlite::Result<TimelineEvent> {
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let data = e.data.to_string();
    conn.execute(
        "INSERT INTO timeline_events (incident_id, at, kind, actor, summary, data) VALUES (?, ?, ?, ?, ?, ?)",
        params![e.incident_id, at, e.kind, e.actor, e.summary, data],
    )?;
    Ok(TimelineEvent {
        id: conn.last_insert_rowid(),
        incident_id: e.incident_id,
        at,
        kind: e.kind.to_owned(),
        actor: e.actor.to_owned(),
        summary: e.summary.to_owned(),
        data,
    })
}

/// The timeline of one incident (or of events outside any incident), oldest first.
pub fn timeline(store: &Store, incident_id: Option<i64>) -> Result<Vec<TimelineEvent>, StoreError> {
    store.read(|c| {
        let mut stmt = c.prepare(
            "SELECT id, incident_id, at, kind, actor, summary, data FROM timeline_events
             WHERE incident_id IS ? ORDER BY id",
        )?;
        let rows = stmt.query_map([incident_id], |r| {
            Ok(TimelineEvent {
                id: r.get(0)?,
                incident_id: r.get(1)?,
                at: r.get(2)?,
                kind: r.get(3)?,
                actor: r.get(4)?,
                summary: r.get(5)?,
                data: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
}

#[cfg(test)]
mod tests;
