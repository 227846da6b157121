//! What makes a rotation valid on its own (rotations refer to nothing else). The base layer and
//! every extra layer share the schedule rules; each problem names its field from the rotation
//! down (`layers[1].time_zone`, `restrictions[0].to`, `overrides[2].from`).

use std::collections::HashMap;

use super::parse::{parse_date, parse_instant, parse_time, parse_zone};
use super::{Override, Restriction, Rotation, RotationMember};
use crate::field_error::{check_id, check_required, FieldError};

/// The longest shift: four weeks.
pub const MAX_SHIFT_HOURS: u32 = 24 * 28;
/// The most layers above the base: every query computes each of them.
pub const MAX_LAYERS: usize = 20;
/// The most members of one layer (the base included).
pub const MAX_MEMBERS: usize = 200;
/// The most restriction windows of one layer.
pub const MAX_RESTRICTIONS: usize = 50;
/// The most overrides of one rotation.
pub const MAX_OVERRIDES: usize = 1_000;

/// Every problem with `r`'s fields; empty when it is valid.
pub fn rotation_errors(r: &Rotation) -> Vec<FieldError> {
    let mut out = Vec::new();
    check_id(&r.id, &mut out);
    check_required("name", &r.name, &mut out);
    let base = ScheduleFields {
        time_zone: &r.time_zone,
        shift_hours: r.shift_hours,
        handoff: &r.handoff,
        start: &r.start,
        members: &r.members,
        restrictions: &r.restrictions,
    };
    schedule_errors("", &base, &mut out);
    check_count("layers", r.layers.len(), MAX_LAYERS, &mut out);
    let mut names = HashMap::new();
    for (i, layer) in r.layers.iter().enumerate() {
        let prefix = format!("layers[{i}].");
        check_required(&format!("{prefix}name"), &layer.name, &mut out);
        // The name is all that tells layers apart in a schedule's entries.
        let name = layer.name.trim();
        if let Some(j) = names.insert(name, i).filter(|_| !name.is_empty()) {
            names.insert(name, j);
            out.push(FieldError::new(
                format!("{prefix}name"),
                format!("'{}' is already the name of layers[{j}]", layer.name),
            ));
        }
        // A layer without members never has anyone on call: almost surely a mistake.
        if layer.members.is_empty() {
            out.push(FieldError::new(
                format!("{prefix}members"),
                "needs at least one member",
            ));
        }
        let fields = ScheduleFields {
            time_zone: &layer.time_zone,
            shift_hours: layer.shift_hours,
            handoff: &layer.handoff,
            start: &layer.start,
            members: &layer.members,
            restrictions: &layer.restrictions,
        };
        schedule_errors(&prefix, &fields, &mut out);
    }
    override_errors(&r.overrides, &mut out);
    out
}

/// The fields the base layer and every extra layer have.
struct ScheduleFields<'a> {
    time_zone: &'a str,
    shift_hours: u32,
    handoff: &'a str,
    start: &'a str,
    members: &'a [RotationMember],
    restrictions: &'a [Restriction],
}

fn schedule_errors(prefix: &str, s: &ScheduleFields, out: &mut Vec<FieldError>) {
    if parse_zone(s.time_zone).is_none() {
        out.push(FieldError::new(
            format!("{prefix}time_zone"),
            format!(
                "'{}' is not an IANA time zone such as Europe/Berlin",
                s.time_zone
            ),
        ));
    }
    if s.shift_hours == 0 || s.shift_hours > MAX_SHIFT_HOURS {
        out.push(FieldError::new(
            format!("{prefix}shift_hours"),
            format!("must be between 1 and {MAX_SHIFT_HOURS} hours"),
        ));
    }
    check_time(&format!("{prefix}handoff"), s.handoff, out);
    if parse_date(s.start).is_none() {
        out.push(FieldError::new(
            format!("{prefix}start"),
            format!("'{}' is not a date as YYYY-MM-DD", s.start),
        ));
    }
    check_count(
        &format!("{prefix}members"),
        s.members.len(),
        MAX_MEMBERS,
        out,
    );
    for (i, m) in s.members.iter().enumerate() {
        check_required(&format!("{prefix}members[{i}].name"), &m.name, out);
    }
    check_count(
        &format!("{prefix}restrictions"),
        s.restrictions.len(),
        MAX_RESTRICTIONS,
        out,
    );
    for (i, w) in s.restrictions.iter().enumerate() {
        let at = format!("{prefix}restrictions[{i}]");
        if w.days.is_empty() {
            out.push(FieldError::new(
                format!("{at}.days"),
                "needs at least one day (mon … sun) the window starts on",
            ));
        }
        // A `to` not after `from` is a window ending the next day, never an error.
        check_time(&format!("{at}.from"), &w.from, out);
        check_time(&format!("{at}.to"), &w.to, out);
    }
}

/// A list no longer than `max`: every query and every save handles each entry.
fn check_count(field: &str, len: usize, max: usize, out: &mut Vec<FieldError>) {
    if len > max {
        out.push(FieldError::new(
            field,
            format!("has {len} entries; at most {max} are allowed"),
        ));
    }
}

fn check_time(field: &str, value: &str, out: &mut Vec<FieldError>) {
    if parse_time(value).is_none() {
        out.push(FieldError::new(
            field,
            format!("'{value}' is not a time of day as HH:MM"),
        ));
    }
}

/// Each override's own fields, then any two that overlap (both half-open ranges).
fn override_errors(overrides: &[Override], out: &mut Vec<FieldError>) {
    check_count("overrides", overrides.len(), MAX_OVERRIDES, out);
    if overrides.len() > MAX_OVERRIDES {
        // Checking each against every other would take long for nothing.
        return;
    }
    let mut ranges = Vec::new();
    for (i, o) in overrides.iter().enumerate() {
        let at = format!("overrides[{i}]");
        check_required(&format!("{at}.name"), &o.name, out);
        let from = parse_instant(&o.from);
        let to = parse_instant(&o.to);
        for (field, value, parsed) in [("from", &o.from, from), ("to", &o.to, to)] {
            if parsed.is_none() {
                out.push(FieldError::new(
                    format!("{at}.{field}"),
                    format!("'{value}' is not an RFC 3339 instant such as 2026-11-01T04:00:00Z"),
                ));
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            if to <= from {
                out.push(FieldError::new(
                    format!("{at}.to"),
                    format!(
                        "'{}' is not after `from` '{}' (to the whole second)",
                        o.to, o.from
                    ),
                ));
            } else {
                ranges.push((i, from, to));
            }
        }
    }
    for (n, &(i, from, to)) in ranges.iter().enumerate() {
        if let Some(&(j, ..)) = ranges[..n].iter().find(|&&(_, f, t)| from < t && f < to) {
            out.push(FieldError::new(
                format!("overrides[{i}].from"),
                format!("overlaps overrides[{j}] ('{}')", overrides[j].name),
            ));
        }
    }
}
