//! Walking a runbook: each step marked done, skipped or blocked (or back to pending) with an
//! optional note. Progress lives in SQLite; every change is a timeline event written in the
//! same transaction, with the operator's name.

use std::collections::HashMap;

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::ParsedRunbook;
use super::render::{render_markdown, RenderOptions};
use super::{Missing, RunbookError};
pub use crate::health::Applicability;
use crate::health::{applicability, HealthLookup};
use crate::incident::{append_event, EventDetail, NewEvent, StepChange, TimelineEvent, WalkReset};
use crate::store::Store;
use crate::text_enum::text_enum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum StepState {
    Pending,
    Done,
    Skipped,
    Blocked,
}

text_enum!(StepState);

/// A step's recorded progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepProgress {
    pub state: StepState,
    pub note: Option<String>,
    pub actor: String,
    pub updated_at: String,
}

/// A request to change one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StepMark {
    pub runbook_id: String,
    #[ts(type = "number | null")]
    pub incident_id: Option<i64>,
    pub step_id: String,
    pub state: StepState,
    #[ts(optional)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WalkStep {
    pub id: String,
    /// The step's text as sanitized HTML.
    pub html: String,
    pub state: StepState,
    #[ts(optional)]
    pub note: Option<String>,
    #[ts(optional)]
    pub actor: Option<String>,
    #[ts(optional)]
    pub updated_at: Option<String>,
    pub applicability: Applicability,
    /// The endpoints a conditional step depends on (`{{if-healthy:…}}`), in order.
    pub conditions: Vec<String>,
    /// The one of them that makes the step not applicable or unknown.
    #[ts(optional)]
    pub deciding: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WalkSection {
    pub title: String,
    pub steps: Vec<WalkStep>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WalkCounts {
    pub total: u32,
    pub done: u32,
    pub skipped: u32,
    pub blocked: u32,
    pub pending: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Walkthrough {
    pub runbook_id: String,
    pub file: String,
    pub title: String,
    #[ts(type = "number | null")]
    pub incident_id: Option<i64>,
    pub sections: Vec<WalkSection>,
    pub counts: WalkCounts,
    /// This walk's step marks and resets, newest first.
    pub timeline: Vec<TimelineEvent>,
}

/// Longest note kept; a note is a sentence or two, not a document.
pub const MAX_NOTE: usize = 4000;

/// Records a step change and its timeline event, atomically.
pub fn mark(
    store: &Store,
    runbook: &ParsedRunbook,
    m: &StepMark,
    actor: &str,
) -> Result<TimelineEvent, RunbookError> {
    let Some(step) = runbook.steps.iter().find(|s| s.id == m.step_id) else {
        return Err(RunbookError::not_found(
            Missing::Step {
                runbook: runbook.front.id.clone(),
            },
            &m.step_id,
        ));
    };
    let note = m
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if note.as_ref().is_some_and(|n| n.len() > MAX_NOTE) {
        return Err(RunbookError::Invalid(vec![super::Problem {
            file: runbook.file.clone(),
            line: step.line,
            message: format!("the note is longer than {MAX_NOTE} characters"),
        }]));
    }
    let scope = m.incident_id.unwrap_or(0);
    let short: String = step.text.chars().take(80).collect();
    let summary = match &note {
        Some(n) => format!("Step '{short}' marked {}: {n}", m.state),
        None => format!("Step '{short}' marked {}", m.state),
    };
    store.write(|tx| {
        let event = append_to_timeline(
            tx,
            &NewEvent {
                incident_id: m.incident_id,
                actor,
                summary: &summary,
                detail: EventDetail::RunbookStep(StepChange {
                    runbook: runbook.front.id.clone(),
                    file: runbook.file.clone(),
                    step: step.id.clone(),
                    section: step.section.clone(),
                    text: step.text.clone(),
                    state: m.state,
                    note: note.clone(),
                }),
            },
        )?;
        tx.execute(
            "INSERT INTO walk_steps (runbook_id, incident_scope, step_id, state, note, actor, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (runbook_id, incident_scope, step_id)
             DO UPDATE SET state = excluded.state, note = excluded.note, actor = excluded.actor, updated_at = excluded.updated_at",
            params![runbook.front.id, scope, step.id, m.state, note, actor, event.at],
        )?;
        Ok(event)
    })
}

/// Appends a timeline event; an `incident_id` that names no incident is `NotFound` rather
/// than a bare foreign-key failure.
fn append_to_timeline(
    tx: &rusqlite::Transaction,
    event: &NewEvent<'_>,
) -> Result<TimelineEvent, RunbookError> {
    append_event(tx, event).map_err(|e| match (e.sqlite_error_code(), event.incident_id) {
        (Some(rusqlite::ErrorCode::ConstraintViolation), Some(id)) => {
            RunbookError::not_found(Missing::Incident, id.to_string())
        }
        _ => e.into(),
    })
}

/// Starts a walk over: every recorded step of `runbook` (in this incident, or outside any)
/// goes back to pending, with one timeline event saying so.
pub fn reset(
    store: &Store,
    runbook: &ParsedRunbook,
    incident_id: Option<i64>,
    actor: &str,
) -> Result<TimelineEvent, RunbookError> {
    store.write(|tx| {
        let cleared = tx.execute(
            "DELETE FROM walk_steps WHERE runbook_id = ? AND incident_scope = ?",
            params![runbook.front.id, incident_id.unwrap_or(0)],
        )?;
        append_to_timeline(
            tx,
            &NewEvent {
                incident_id,
                actor,
                summary: &format!(
                    "Walk-through of '{}' reset: every step back to pending",
                    runbook.front.title
                ),
                detail: EventDetail::RunbookReset(WalkReset {
                    runbook: runbook.front.id.clone(),
                    file: runbook.file.clone(),
                    cleared: u32::try_from(cleared).unwrap_or(u32::MAX),
                }),
            },
        )
    })
}

/// Recorded progress of a runbook's walk (per step id).
pub fn progress(
    store: &Store,
    runbook_id: &str,
    incident_id: Option<i64>,
) -> Result<HashMap<String, StepProgress>, RunbookError> {
    store.read(|c| {
        let mut stmt = c.prepare(
            "SELECT step_id, state, note, actor, updated_at FROM walk_steps
             WHERE runbook_id = ? AND incident_scope = ?",
        )?;
        let rows = stmt.query_map(params![runbook_id, incident_id.unwrap_or(0)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                StepProgress {
                    state: r.get(1)?,
                    note: r.get(2)?,
                    actor: r.get(3)?,
                    updated_at: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}

/// What a walk is drawn from besides the runbook itself.
pub struct WalkInputs<'a> {
    pub incident_id: Option<i64>,
    pub progress: &'a HashMap<String, StepProgress>,
    pub health: &'a dyn HealthLookup,
    pub asset_folder: &'a str,
    /// The walk's events, newest first (see [`crate::incident::runbook_timeline`]).
    pub timeline: Vec<TimelineEvent>,
}

/// The walk as the operator sees it: sections, steps with their state and applicability.
pub fn view(runbook: &ParsedRunbook, inputs: WalkInputs<'_>) -> Walkthrough {
    let WalkInputs {
        incident_id,
        progress,
        health,
        asset_folder,
        timeline,
    } = inputs;
    let opts = RenderOptions {
        asset_folder: Some(asset_folder),
        health,
    };
    let mut sections: Vec<WalkSection> = Vec::new();
    let mut counts = WalkCounts::default();
    for step in &runbook.steps {
        let p = progress.get(&step.id);
        let state = p.map_or(StepState::Pending, |p| p.state);
        counts.total += 1;
        match state {
            StepState::Done => counts.done += 1,
            StepState::Skipped => counts.skipped += 1,
            StepState::Blocked => counts.blocked += 1,
            StepState::Pending => counts.pending += 1,
        }
        let (applicability, deciding) =
            applicability(step.conditions.iter().map(String::as_str), health);
        let walk_step = WalkStep {
            id: step.id.clone(),
            html: render_markdown(&step.text, &opts),
            state,
            note: p.and_then(|p| p.note.clone()),
            actor: p.map(|p| p.actor.clone()),
            updated_at: p.map(|p| p.updated_at.clone()),
            applicability,
            conditions: step.conditions.clone(),
            deciding: deciding.map(str::to_owned),
        };
        match sections.last_mut() {
            Some(s) if s.title == step.section => s.steps.push(walk_step),
            _ => sections.push(WalkSection {
                title: step.section.clone(),
                steps: vec![walk_step],
            }),
        }
    }
    Walkthrough {
        runbook_id: runbook.front.id.clone(),
        file: runbook.file.clone(),
        title: runbook.front.title.clone(),
        incident_id,
        sections,
        counts,
        timeline,
    }
}

#[cfg(test)]
mod tests;
