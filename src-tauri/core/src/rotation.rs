//! On-call rotations and their members: the model, its validation and its tables. The schedule
//! logic (who is on call now, layers, overrides) builds on these in a later migration. The
//! inventory holds rotations beside vendors, endpoints and workflows and saves them through the
//! same pattern (`inventory::Entity`); only this module knows the rotation tables.

mod model;
mod validate;

use rusqlite::{params, Connection, OptionalExtension};

use crate::rows::{self, from_row};

pub use model::{Rotation, RotationMember};
pub use validate::rotation_errors;

/// Every rotation, ordered by id, members in shift order.
pub fn load_all(conn: &Connection) -> rusqlite::Result<Vec<Rotation>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, time_zone, shift_hours, handoff_time FROM rotations ORDER BY id",
    )?;
    let mut rotations = rows::all(&mut stmt, [], |r| {
        Ok(
            from_row!(r => Rotation { id, name, time_zone, shift_hours, handoff; members: Vec::new() }),
        )
    })?;
    let mut members = conn.prepare(
        "SELECT name, contact FROM rotation_members WHERE rotation_id = ? ORDER BY position",
    )?;
    for rotation in &mut rotations {
        rotation.members = rows::all(&mut members, [&rotation.id], |r| {
            Ok(from_row!(r => RotationMember { name, contact }))
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
    conn.execute(
        "INSERT INTO rotations (id, name, time_zone, shift_hours, handoff_time) VALUES (?, ?, ?, ?, ?)",
        params![r.id, r.name, r.time_zone, r.shift_hours, r.handoff],
    )?;
    insert_members(conn, r)
}

/// Replaces the rotation stored as `original_id` (which may be renamed to `r.id`).
pub fn update(conn: &Connection, original_id: &str, r: &Rotation) -> rusqlite::Result<usize> {
    let n = conn.execute(
        "UPDATE rotations SET id = ?, name = ?, time_zone = ?, shift_hours = ?, handoff_time = ? WHERE id = ?",
        params![r.id, r.name, r.time_zone, r.shift_hours, r.handoff, original_id],
    )?;
    if n > 0 {
        conn.execute(
            "DELETE FROM rotation_members WHERE rotation_id = ?",
            [&r.id],
        )?;
        insert_members(conn, r)?;
    }
    Ok(n)
}

pub fn delete(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM rotations WHERE id = ?", [id])
}

fn insert_members(conn: &Connection, r: &Rotation) -> rusqlite::Result<()> {
    rows::insert_ordered(
        conn,
        "INSERT INTO rotation_members (rotation_id, position, name, contact) VALUES (?, ?, ?, ?)",
        &r.id,
        &r.members,
        |m| [&m.name, &m.contact],
    )
}

/// Removes every rotation, for a whole-file import (after the workflows that name them).
pub fn delete_all(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("DELETE FROM rotation_members; DELETE FROM rotations;")
}

#[cfg(test)]
mod tests;
