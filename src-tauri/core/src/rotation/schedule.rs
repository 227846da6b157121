//! Who is on call when: pure functions over a rotation's definition (chrono + chrono-tz).
//!
//! The time rules (README, "On-call time rules"):
//! - Handoffs are wall-clock times in the layer's zone: shift k starts at (start date, handoff)
//!   + k × shift_hours of local time.
//! - A local time that does not exist is read with the offset before the gap, one that exists
//!   twice as its first occurrence (RFC 5545 §3.3.5).
//! - Intervals are half-open: at a handoff's instant the incoming person is on call.
//! - A shift whose start and end are the same instant is empty: its member is skipped that turn
//!   and the order goes on. Where a gap is longer than a shift, a handoff inside it resolves
//!   after later ones; whoever's handoff came last is on call, so such shifts are empty too.
//! - Precedence: an override over every layer; a later layer over earlier ones and the base,
//!   wherever it has someone on call.
//!
//! Work grows linearly with the range asked for, which is limited to [`MAX_RANGE_DAYS`].

mod combine;
mod error;
mod ics;
mod layer;
mod local;
mod query;
mod window;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use combine::{final_schedule, gaps, layer_schedule};
pub use error::ScheduleError;
pub use ics::{ics, local_today, MAX_CALENDAR_DAYS};
pub use query::{
    on_call_at, rotation_on_call, stored_rotation, workflow_on_call, workflow_on_call_in,
    STRETCH_DAYS,
};

/// The longest range one query computes.
pub const MAX_RANGE_DAYS: i64 = 400;

/// Where an entry of the schedule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Override,
    Layer,
}

crate::text_enum::text_enum!(Source);

/// One entry of a schedule: a half-open range `[start, end)` and who is on call in it;
/// `person: None` is a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Shift {
    pub person: Option<String>,
    pub contact: Option<String>,
    /// `None` in a gap.
    pub source: Option<Source>,
    /// The layer's name; `None` for the base layer, an override and a gap.
    pub layer: Option<String>,
    /// UTC, RFC 3339 with `Z`, whole seconds.
    #[serde(with = "utc_seconds")]
    #[ts(type = "string")]
    pub start: DateTime<Utc>,
    #[serde(with = "utc_seconds")]
    #[ts(type = "string")]
    pub end: DateTime<Utc>,
}

/// Who is on call for a rotation at an instant, and the stretch around it during which the
/// same person is on call from the same source and layer (looking at most [`STRETCH_DAYS`]
/// either way).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OnCall {
    pub person: Option<String>,
    pub contact: Option<String>,
    /// The rotation's id.
    pub rotation: String,
    pub source: Option<Source>,
    pub layer: Option<String>,
    #[serde(with = "utc_seconds")]
    #[ts(type = "string")]
    pub start: DateTime<Utc>,
    #[serde(with = "utc_seconds")]
    #[ts(type = "string")]
    pub end: DateTime<Utc>,
}

/// Instants as the schedule writes them: UTC, whole seconds, `Z`.
mod utc_seconds {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::super::format_instant(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = String::deserialize(d)?;
        super::super::parse::parse_instant(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("'{text}' is not an RFC 3339 instant")))
    }
}

#[cfg(test)]
mod tests;
