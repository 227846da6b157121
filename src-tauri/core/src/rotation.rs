//! On-call rotations: the model, its validation, its tables and the schedule it describes
//! (who is on call when, across layers, overrides and time zones). The inventory holds
//! rotations beside vendors, endpoints and workflows and saves them through the same pattern
//! (`inventory::Entity`); only this module knows the rotation tables.

mod model;
mod parse;
pub mod schedule;
mod validate;

use rusqlite::{params_from_iter, Connection, OptionalExtension, ToSql};

use crate::rows::{self, from_row};

pub use model::{Layer, Override, Restriction, Rotation, RotationMember, Weekday, DEFAULT_START};
pub use parse::{format_instant, parse_instant};
pub use validate::{
    rotation_errors, MAX_LAYERS, MAX_MEMBERS, MAX_OVERRIDES, MAX_RESTRICTIONS, MAX_SHIFT_HOURS,
};

/// Every rotation, ordered by id, members in shift order.
pub fn load_all(conn: &Connection) -> rusqlite::Result<Vec<Rotation>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, time_zone, shift_hours, handoff_time, start_date, restrictions, layers
         FROM rotations ORDER BY id",
    )?;
    let mut rotations = rows::all(&mut stmt, [], |r| {
        Ok(from_row!(r => Rotation {
            id, name, time_zone, shift_hours, handoff, start;
            restrictions: json_column(r, 6)?,
            layers: json_column(r, 7)?,
            members: Vec::new(),
            overrides: Vec::new()
        }))
    })?;
    let mut members = conn.prepare(
        "SELECT name, contact FROM rotation_members WHERE rotation_id = ? ORDER BY position",
    )?;
    let mut overrides = conn.prepare(
        "SELECT name, contact, starts_at, ends_at FROM rotation_overrides
         WHERE rotation_id = ? ORDER BY position",
    )?;
    for rotation in &mut rotations {
        rotation.members = rows::all(&mut members, [&rotation.id], |r| {
            Ok(from_row!(r => RotationMember { name, contact }))
        })?;
        rotation.overrides = rows::all(&mut overrides, [&rotation.id], |r| {
            Ok(from_row!(r => Override { name, contact, from, to }))
        })?;
    }
    Ok(rotations)
}

pub fn exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT 1 FROM rotations WHERE id = ?", [id], |_| Ok(()))
        .optional()
        .map(|o| o.is_some())
}

pub fn insert(conn: &Connection, r: &Rotation) -> rusqlite::Result<()> {
    with_own_columns(r, |columns| {
        conn.execute(
            "INSERT INTO rotations (id, name, time_zone, shift_hours, handoff_time, start_date, restrictions, layers)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            columns.as_slice(),
        )
    })?;
    insert_children(conn, r)
}

/// Replaces the rotation stored as `original_id` (which may be renamed to `r.id`).
pub fn update(conn: &Connection, original_id: &str, r: &Rotation) -> rusqlite::Result<usize> {
    let n = with_own_columns(r, |columns| {
        let key: [&dyn ToSql; 1] = [&original_id];
        conn.execute(
            "UPDATE rotations SET id = ?, name = ?, time_zone = ?, shift_hours = ?, handoff_time = ?,
                 start_date = ?, restrictions = ?, layers = ?
             WHERE id = ?",
            params_from_iter(columns.into_iter().chain(key)),
        )
    })?;
    if n > 0 {
        conn.execute(
            "DELETE FROM rotation_members WHERE rotation_id = ?",
            [&r.id],
        )?;
        conn.execute(
            "DELETE FROM rotation_overrides WHERE rotation_id = ?",
            [&r.id],
        )?;
        insert_children(conn, r)?;
    }
    Ok(n)
}

pub fn delete(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM rotations WHERE id = ?", [id])
}

/// The members and overrides, in order.
fn insert_children(conn: &Connection, r: &Rotation) -> rusqlite::Result<()> {
    rows::insert_ordered(
        conn,
        "INSERT INTO rotation_members (rotation_id, position, name, contact) VALUES (?, ?, ?, ?)",
        &r.id,
        &r.members,
        |m| [&m.name, &m.contact],
    )?;
    rows::insert_ordered(
        conn,
        "INSERT INTO rotation_overrides (rotation_id, position, name, contact, starts_at, ends_at)
         VALUES (?, ?, ?, ?, ?, ?)",
        &r.id,
        &r.overrides,
        |o| [&o.name, &o.contact, &o.from, &o.to],
    )
}

/// Calls `f` with the rotation's own columns, in the order `insert` and `update` bind them.
fn with_own_columns<T>(
    r: &Rotation,
    f: impl FnOnce([&dyn ToSql; 8]) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    let restrictions = json_text(&r.restrictions)?;
    let layers = json_text(&r.layers)?;
    f([
        &r.id,
        &r.name,
        &r.time_zone,
        &r.shift_hours,
        &r.handoff,
        &r.start,
        &restrictions,
        &layers,
    ])
}

/// Restrictions and layers are stored as JSON in the inventory file's shape.
fn json_text(value: &impl serde::Serialize) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

fn json_column<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Removes every rotation, for a whole-file import (after the workflows that name them).
pub fn delete_all(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM rotation_overrides; DELETE FROM rotation_members; DELETE FROM rotations;",
    )
}

#[cfg(test)]
mod tests;
