//! What a timeline event records: its kind with typed details. Stored as the `kind` and `data`
//! (JSON) columns; every row is written and read through [`EventDetail`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::runbook::walkthrough::StepState;

/// The kind of a timeline event and its details; in JSON `{"kind": "...", "data": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum EventDetail {
    /// A runbook step marked during a walk-through.
    RunbookStep(StepChange),
    /// A walk-through started over: every step back to pending.
    RunbookReset(WalkReset),
    /// A note written by the operator.
    Note(Note),
    /// A row this version cannot read (a kind from a newer version, or damaged data): kept
    /// as it is stored, and shown by its summary.
    Unrecognized(Unrecognized),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StepChange {
    /// The runbook's front-matter id.
    pub runbook: String,
    pub file: String,
    pub step: String,
    pub section: String,
    /// The step's markdown when it was marked.
    pub text: String,
    pub state: StepState,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WalkReset {
    pub runbook: String,
    pub file: String,
    /// How many recorded steps went back to pending.
    pub cleared: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Note {
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Unrecognized {
    pub kind: String,
    /// The stored JSON text.
    pub data: String,
}

impl EventDetail {
    /// The stored `kind` column.
    pub fn kind(&self) -> String {
        match self {
            Self::Unrecognized(u) => u.kind.clone(),
            other => tagged(other)["kind"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// The stored `data` column (JSON text).
    pub fn data(&self) -> String {
        // Each payload is plain strings, numbers and enums: serializing it cannot fail.
        let json = match self {
            Self::RunbookStep(d) => serde_json::to_string(d),
            Self::RunbookReset(d) => serde_json::to_string(d),
            Self::Note(d) => serde_json::to_string(d),
            Self::Unrecognized(u) => return u.data.clone(),
        };
        json.unwrap_or_default()
    }

    /// Reads the two stored columns; what does not fit a known kind is `Unrecognized`, so one
    /// odd row never hides a timeline.
    pub fn from_columns(kind: String, data: String) -> Self {
        let known = serde_json::from_str::<serde_json::Value>(&data)
            .ok()
            .and_then(|d| {
                serde_json::from_value(serde_json::json!({"kind": kind, "data": d})).ok()
            });
        known.unwrap_or(Self::Unrecognized(Unrecognized { kind, data }))
    }

    /// The runbook a walk-through event belongs to.
    pub fn runbook(&self) -> Option<&str> {
        match self {
            Self::RunbookStep(s) => Some(&s.runbook),
            Self::RunbookReset(r) => Some(&r.runbook),
            Self::Note(_) | Self::Unrecognized(_) => None,
        }
    }
}

/// `{"kind", "data"}` of a known kind.
fn tagged(detail: &EventDetail) -> serde_json::Value {
    serde_json::to_value(detail).unwrap_or_default()
}

/// The kinds a walk-through writes, for queries over the `kind` column.
pub(crate) const WALK_KINDS: [&str; 2] = ["runbook_step", "runbook_reset"];
