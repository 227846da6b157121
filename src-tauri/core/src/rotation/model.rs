//! A rotation's shape, as it appears in the inventory file and across IPC.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A person on a rotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RotationMember {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub contact: Option<String>,
}

/// An on-call schedule. Layers and overrides arrive with the schedule logic.
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
    #[serde(default)]
    pub members: Vec<RotationMember>,
}
