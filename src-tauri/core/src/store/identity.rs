//! What a SQLite file is to Brownout, found by reading only: new, Brownout's at some schema
//! version, or something else that must be left alone.

use std::collections::BTreeSet;

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use super::migrations::{self, LAST_UNMARKED_VERSION, LATEST_VERSION};
use super::StoreError;

/// `PRAGMA application_id` of every Brownout database: "BROW".
pub const APPLICATION_ID: i32 = 0x4252_4F57;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Identity {
    /// No schema, no version, no marker: a new database.
    Empty,
    /// Brownout's, at this schema version (never above [`LATEST_VERSION`]).
    Brownout(i64),
}

/// Reads the marker, the version and the schema of `conn`'s main database and says what the
/// file is; anything that is not Brownout's (or is a newer Brownout's) is an error.
pub(super) fn identify(conn: &Connection, path: &str) -> Result<Identity, StoreError> {
    let not_ours = |reason: String| StoreError::NotBrownout {
        path: path.to_owned(),
        reason,
    };
    let read = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => not_ours("it is not an SQLite database".into()),
        _ => StoreError::Database {
            path: path.to_owned(),
            source: e,
        },
    };
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(read)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(read)?;
    let tables = table_names(conn).map_err(read)?;
    if version < 0 {
        return Err(not_ours(format!(
            "its schema version is negative ({version})"
        )));
    }
    if app_id == APPLICATION_ID {
        if version > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.to_owned(),
                found: version,
                known: LATEST_VERSION,
            });
        }
        if version == 0 && tables.is_empty() {
            return Ok(Identity::Empty);
        }
        return Ok(Identity::Brownout(version));
    }
    if app_id != 0 {
        return Err(not_ours(format!(
            "it is marked as another application's file (application_id {app_id:#x})"
        )));
    }
    if version == 0 && tables.is_empty() && !has_other_objects(conn).map_err(read)? {
        return Ok(Identity::Empty);
    }
    if version == 0 {
        return Err(not_ours(format!(
            "it holds tables of its own ({}) and no Brownout marker",
            sample(&tables)
        )));
    }
    if version > LAST_UNMARKED_VERSION {
        return Err(not_ours(format!(
            "schema version {version} without the Brownout marker"
        )));
    }
    let expected = tables_at(version)?;
    if tables != expected {
        return Err(not_ours(format!(
            "its tables ({}) are not Brownout's at schema version {version}",
            sample(&tables)
        )));
    }
    Ok(Identity::Brownout(version))
}

/// The file's own tables (SQLite's internal `sqlite_*` tables aside).
fn table_names(conn: &Connection) -> rusqlite::Result<BTreeSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )?;
    let names = stmt.query_map([], |r| r.get(0))?.collect();
    names
}

fn has_other_objects(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        [],
        |r| r.get(0),
    )
}

/// Brownout's tables at schema `version`, built in memory from the migrations themselves.
fn tables_at(version: i64) -> Result<BTreeSet<String>, StoreError> {
    let mut mem = Connection::open_in_memory()?;
    let tx = mem.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    migrations::migrate(&tx, ":memory:", 0, version)?;
    Ok(table_names(&tx)?)
}

/// A few table names, enough to recognise the file by.
fn sample(tables: &BTreeSet<String>) -> String {
    let mut names: Vec<&str> = tables.iter().map(String::as_str).take(4).collect();
    if tables.len() > names.len() {
        names.push("…");
    }
    names
        .iter()
        .map(|n| super::open::escaped(n))
        .collect::<Vec<_>>()
        .join(", ")
}
