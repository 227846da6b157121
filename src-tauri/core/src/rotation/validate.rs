//! What makes a rotation valid on its own (rotations refer to nothing else).

use super::Rotation;
use crate::field_error::{check_id, check_required, FieldError};

/// Every problem with `r`'s fields; empty when it is valid.
pub fn rotation_errors(r: &Rotation) -> Vec<FieldError> {
    let mut out = Vec::new();
    check_id(&r.id, &mut out);
    check_required("name", &r.name, &mut out);
    if r.time_zone.parse::<chrono_tz::Tz>().is_err() {
        out.push(FieldError::new(
            "time_zone",
            format!(
                "'{}' is not an IANA time zone such as Europe/Berlin",
                r.time_zone
            ),
        ));
    }
    if r.shift_hours == 0 || r.shift_hours > 24 * 28 {
        out.push(FieldError::new(
            "shift_hours",
            "must be between 1 and 672 hours",
        ));
    }
    if chrono::NaiveTime::parse_from_str(&r.handoff, "%H:%M").is_err() {
        out.push(FieldError::new(
            "handoff",
            format!("'{}' is not a time of day as HH:MM", r.handoff),
        ));
    }
    for (i, m) in r.members.iter().enumerate() {
        check_required(&format!("members[{i}].name"), &m.name, &mut out);
    }
    out
}
