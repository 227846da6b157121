//! The on-call schedule commands: a rotation's calendar (each layer alone, the overrides and
//! the final schedule), who is on call now for every rotation, and adding or removing an
//! override. Thin adapters over `brownout_core::rotation::schedule`; an override is stored
//! through the same save as the rotation form, so it is validated the same way.

use brownout_core::inventory::{self, Inventory, InventoryError, Rotation};
use brownout_core::rotation::schedule::{self, OnCall, Shift};
use brownout_core::rotation::Override;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::AppState;

/// The most days one calendar shows.
pub const MAX_CALENDAR_DAYS: u32 = 62;

/// A rotation's schedule over `[from, to)`, as the calendar draws it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RotationCalendar {
    /// The rotation's id.
    pub rotation: String,
    /// The rotation's own zone (its base layer's).
    pub time_zone: String,
    /// UTC, RFC 3339.
    pub from: String,
    pub to: String,
    /// The base layer first, then each extra layer in order, each as if it were alone.
    pub layers: Vec<CalendarLayer>,
    /// Every override that overlaps the range, clipped to it.
    pub overrides: Vec<CalendarOverride>,
    /// Who is on call, all layers and overrides combined; gaps as `person: null`.
    pub final_schedule: Vec<Shift>,
}

/// One layer's row: its shifts and gaps as if no other layer existed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CalendarLayer {
    /// `null` for the base layer.
    pub name: Option<String>,
    pub time_zone: String,
    pub shifts: Vec<Shift>,
}

/// An override in the calendar; `index` is its place in the rotation's `overrides`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CalendarOverride {
    pub index: u32,
    pub name: String,
    pub contact: String,
    /// UTC, RFC 3339, clipped to the calendar's range.
    pub start: String,
    pub end: String,
}

/// Who is on call now for one rotation, and which workflows that person answers for.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OnCallNow {
    /// The rotation's id and name.
    pub rotation: String,
    pub rotation_name: String,
    /// The ids of the workflows the rotation owns.
    pub workflows: Vec<String>,
    /// The person (or the gap) now, with the stretch's start and end; `null` with `problem`
    /// when the schedule cannot be computed.
    pub now: Option<OnCall>,
    pub problem: Option<String>,
}

fn parse_instant(field: &str, text: &str) -> Result<DateTime<Utc>, IpcError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            IpcError::invalid(
                field,
                format!("'{text}' is not an RFC 3339 instant such as 2026-11-01T04:00:00Z"),
            )
        })
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn rotation_in(inv: Inventory, id: &str) -> Result<Rotation, IpcError> {
    inv.rotations
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| IpcError::of(&schedule::ScheduleError::UnknownRotation(id.to_owned())))
}

pub async fn rotation_calendar(
    state: State<'_, AppState>,
    id: String,
    from: String,
    days: u32,
) -> Result<RotationCalendar, IpcError> {
    let start = parse_instant("from", &from)?;
    if days == 0 || days > MAX_CALENDAR_DAYS {
        return Err(IpcError::invalid(
            "days",
            format!("must be between 1 and {MAX_CALENDAR_DAYS}"),
        ));
    }
    let end = start + Duration::days(days.into());
    let r = rotation_in(inventory::load(state.store())?, &id)?;
    let mut layers = vec![CalendarLayer {
        name: None,
        time_zone: r.time_zone.clone(),
        shifts: schedule::layer_schedule(&r, None, start, end)?,
    }];
    for (i, layer) in r.layers.iter().enumerate() {
        layers.push(CalendarLayer {
            name: Some(layer.name.clone()),
            time_zone: layer.time_zone.clone(),
            shifts: schedule::layer_schedule(&r, Some(i), start, end)?,
        });
    }
    Ok(RotationCalendar {
        overrides: overrides_within(&r, start, end),
        final_schedule: schedule::final_schedule(&r, start, end)?,
        rotation: r.id,
        time_zone: r.time_zone,
        from: rfc3339(start),
        to: rfc3339(end),
        layers,
    })
}

/// The rotation's overrides that overlap `[from, to)`, clipped to it, in time order.
fn overrides_within(r: &Rotation, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<CalendarOverride> {
    let mut out: Vec<_> = r
        .overrides
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            // A stored rotation is valid, so both instants parse.
            let start = parse_instant("from", &o.from).ok()?.max(from);
            let end = parse_instant("to", &o.to).ok()?.min(to);
            (start < end).then(|| CalendarOverride {
                index: i as u32,
                name: o.name.clone(),
                contact: o.contact.clone(),
                start: rfc3339(start),
                end: rfc3339(end),
            })
        })
        .collect();
    out.sort_by(|a, b| a.start.cmp(&b.start));
    out
}

pub async fn oncall_now(state: State<'_, AppState>) -> Result<Vec<OnCallNow>, IpcError> {
    let inv = inventory::load(state.store())?;
    let now = Utc::now();
    Ok(inv
        .rotations
        .iter()
        .map(|r| {
            let (now, problem) = match schedule::on_call_at(r, now) {
                Ok(on_call) => (Some(on_call), None),
                Err(e) => (None, Some(e.to_string())),
            };
            OnCallNow {
                rotation: r.id.clone(),
                rotation_name: r.name.clone(),
                workflows: inv
                    .workflows
                    .iter()
                    .filter(|w| w.owner.as_deref() == Some(&r.id))
                    .map(|w| w.id.clone())
                    .collect(),
                now,
                problem,
            }
        })
        .collect())
}

/// Adds `value` to rotation `id`'s overrides; field errors name it `overrides[N].…`.
pub async fn rotation_override_add(
    state: State<'_, AppState>,
    id: String,
    value: Override,
) -> Result<Rotation, IpcError> {
    let mut r = rotation_in(inventory::load(state.store())?, &id)?;
    r.overrides.push(value);
    Ok(state.workspace.save_item(Some(&id), r)?)
}

/// Removes override `index` from rotation `id`.
pub async fn rotation_override_remove(
    state: State<'_, AppState>,
    id: String,
    index: u32,
) -> Result<Rotation, IpcError> {
    let mut r = rotation_in(inventory::load(state.store())?, &id)?;
    let i = index as usize;
    if i >= r.overrides.len() {
        return Err(IpcError::of(&InventoryError::NotFound {
            kind: "override",
            id: format!("{id} overrides[{index}]"),
        }));
    }
    r.overrides.remove(i);
    Ok(state.workspace.save_item(Some(&id), r)?)
}
