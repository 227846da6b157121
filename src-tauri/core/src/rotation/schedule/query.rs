//! Who is on call at an instant, for a rotation or for a workflow through its owner rotation:
//! the question an incident asks first, and what its timeline records.

use chrono::{DateTime, Duration, Utc};

use super::{final_schedule, OnCall, ScheduleError};
use crate::inventory::{self, Inventory};
use crate::rotation::{format_instant, parse_instant, Rotation};
use crate::store::Store;

/// How far either way the stretch around an instant is looked for.
pub const STRETCH_DAYS: i64 = 90;

/// Who is on call for `r` at `at`, and the stretch around it during which the same person is
/// on call from the same source and layer (cut at [`STRETCH_DAYS`] either way).
pub fn on_call_at(r: &Rotation, at: DateTime<Utc>) -> Result<OnCall, ScheduleError> {
    // The stretch stays within the years RFC 3339 writes.
    let (first, last) = (
        instant("0000-01-01T00:00:00Z"),
        instant("9999-12-31T23:59:59Z"),
    );
    if at < first || at >= last {
        return Err(ScheduleError::InstantOutOfRange(format_instant(at)));
    }
    let reach = Duration::days(STRETCH_DAYS);
    let from = (at - reach).max(first);
    let to = (at + reach).min(last);
    let schedule = final_schedule(r, from, to)?;
    // The schedule covers [from, to) without holes, so exactly one entry holds `at`.
    let entry = schedule
        .into_iter()
        .find(|s| s.start <= at && at < s.end)
        .expect("the final schedule covers its whole range");
    Ok(OnCall {
        person: entry.person,
        contact: entry.contact,
        rotation: r.id.clone(),
        source: entry.source,
        layer: entry.layer,
        start: entry.start,
        end: entry.end,
    })
}

fn instant(s: &str) -> DateTime<Utc> {
    parse_instant(s).expect("a valid RFC 3339 literal")
}

/// [`on_call_at`] for the stored rotation `rotation_id`.
pub fn rotation_on_call(
    store: &Store,
    rotation_id: &str,
    at: DateTime<Utc>,
) -> Result<OnCall, ScheduleError> {
    on_call_at(&stored_rotation(store, rotation_id)?, at)
}

/// The stored rotation `rotation_id`.
pub fn stored_rotation(store: &Store, rotation_id: &str) -> Result<Rotation, ScheduleError> {
    inventory::load(store)?
        .rotations
        .into_iter()
        .find(|r| r.id == rotation_id)
        .ok_or_else(|| ScheduleError::UnknownRotation(rotation_id.to_owned()))
}

/// Who was (or is, or will be) on call for the stored workflow `workflow_id` at `at`, through
/// its owner rotation, and through which layer or override: what the incident timeline records.
pub fn workflow_on_call(
    store: &Store,
    workflow_id: &str,
    at: DateTime<Utc>,
) -> Result<OnCall, ScheduleError> {
    workflow_on_call_in(&inventory::load(store)?, workflow_id, at)
}

/// [`workflow_on_call`] over an inventory already loaded.
pub fn workflow_on_call_in(
    inv: &Inventory,
    workflow_id: &str,
    at: DateTime<Utc>,
) -> Result<OnCall, ScheduleError> {
    let workflow = inv
        .workflows
        .iter()
        .find(|w| w.id == workflow_id)
        .ok_or_else(|| ScheduleError::UnknownWorkflow(workflow_id.to_owned()))?;
    let owner = workflow
        .owner
        .as_deref()
        .ok_or_else(|| ScheduleError::NoOwner(workflow_id.to_owned()))?;
    let r = inv
        .rotations
        .iter()
        .find(|r| r.id == owner)
        .ok_or_else(|| ScheduleError::UnknownRotation(owner.to_owned()))?;
    on_call_at(r, at)
}
