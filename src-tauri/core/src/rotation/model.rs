//! A rotation's shape, as it appears in the inventory file and across IPC. The rotation's own
//! schedule fields are its base layer; `layers` stack above it and `overrides` above them all.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The local date of the first handoff when a rotation or layer names none. Rotations stored
/// before schedules had a start, and files without `start`, keep loading with this fixed date
/// (a Monday), so what they say never shifts with the day they are read.
pub const DEFAULT_START: &str = "2026-01-05";

fn default_start() -> String {
    DEFAULT_START.to_owned()
}

/// A person on a rotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RotationMember {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub contact: Option<String>,
}

/// A day of the week, as restriction windows name them (`mon` … `sun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

crate::text_enum::text_enum!(Weekday);

impl Weekday {
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }
}

/// A window in which a layer has someone on call, in the layer's zone. It starts on each of
/// `days` at `from`; a `to` not after `from` ends the next day (a night window).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Restriction {
    pub days: Vec<Weekday>,
    /// `HH:MM`, local.
    pub from: String,
    /// `HH:MM`, local.
    pub to: String,
}

/// A layer above the base: the same schedule fields as a rotation, plus a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub name: String,
    pub time_zone: String,
    pub shift_hours: u32,
    pub handoff: String,
    #[serde(default = "default_start")]
    pub start: String,
    #[serde(default)]
    pub members: Vec<RotationMember>,
    #[serde(default)]
    pub restrictions: Vec<Restriction>,
}

/// A named person on call for a range, above every layer. `from` and `to` are RFC 3339
/// instants; the range is half-open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub name: String,
    #[serde(default)]
    pub contact: String,
    pub from: String,
    pub to: String,
}

/// An on-call schedule: the rotation's own fields are its base layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Rotation {
    pub id: String,
    pub name: String,
    /// IANA zone of the handoff, e.g. `Europe/Berlin`.
    pub time_zone: String,
    pub shift_hours: u32,
    /// Local handoff time, `HH:MM`.
    pub handoff: String,
    /// Local date of the first handoff, `YYYY-MM-DD`; nobody is on call before it.
    #[serde(default = "default_start")]
    pub start: String,
    #[serde(default)]
    pub members: Vec<RotationMember>,
    /// Empty: the base layer has someone on call all the time.
    #[serde(default)]
    pub restrictions: Vec<Restriction>,
    #[serde(default)]
    pub layers: Vec<Layer>,
    #[serde(default)]
    pub overrides: Vec<Override>,
}

impl Rotation {
    /// Everyone on the base layer and the other layers, once each, by name.
    pub fn people(&self) -> std::collections::BTreeSet<&str> {
        self.members
            .iter()
            .chain(self.layers.iter().flat_map(|l| &l.members))
            .map(|m| m.name.as_str())
            .collect()
    }
}
