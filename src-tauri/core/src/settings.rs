//! Workspace settings the operator can change: their name on the timeline, the runbooks
//! folder, the time zone times are shown in, and whether probes go to the simulator.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::inventory::FieldError;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// The name written on timeline events; defaults to the OS user.
    pub operator: String,
    /// Absolute path of the runbooks folder (a shared git checkout, say).
    pub runbooks_dir: String,
    /// IANA zone times are shown in; UTC is what is stored.
    pub time_zone: String,
    /// The workspace's probes go to the embedded vendor simulator instead of the endpoints'
    /// real base URLs, and never read a real credential. On for the seeded demo, off for any
    /// database from before the setting existed.
    #[serde(default)]
    pub simulated: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("invalid settings: {}", .0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl crate::error::Coded for SettingsError {
    fn code(&self) -> crate::error::Code {
        match self {
            SettingsError::Invalid(_) => crate::error::Code::Invalid,
            SettingsError::Store(e) => crate::error::Coded::code(e),
        }
    }
}

impl From<rusqlite::Error> for SettingsError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}

/// The OS user's name, the operator until one is set.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "operator".into())
}

fn get(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM settings WHERE key = ?", [key], |r| {
        r.get(0)
    })
    .optional()
}

/// The stored settings, with defaults for what was never set. `workspace_dir` holds the
/// default runbooks folder.
pub fn load(store: &Store, workspace_dir: &Path) -> Result<Settings, SettingsError> {
    store.read(|c| {
        Ok(Settings {
            operator: get(c, "operator")?.unwrap_or_else(os_user),
            runbooks_dir: get(c, "runbooks_dir")?
                .unwrap_or_else(|| workspace_dir.join("runbooks").display().to_string()),
            time_zone: get(c, "time_zone")?.unwrap_or_else(|| "UTC".into()),
            simulated: get(c, "simulated")?.as_deref() == Some("true"),
        })
    })
}

fn errors(s: &Settings) -> Vec<FieldError> {
    let mut out = Vec::new();
    let mut bad = |field: &str, message: String| {
        out.push(FieldError {
            field: field.into(),
            message,
        })
    };
    if s.operator.trim().is_empty() || s.operator.len() > 100 {
        bad("operator", "must be 1–100 characters".into());
    }
    if !PathBuf::from(&s.runbooks_dir).is_absolute() {
        bad(
            "runbooks_dir",
            format!("'{}' is not an absolute folder path", s.runbooks_dir),
        );
    }
    if s.time_zone.parse::<chrono_tz::Tz>().is_err() {
        bad(
            "time_zone",
            format!(
                "'{}' is not an IANA time zone such as Europe/Berlin",
                s.time_zone
            ),
        );
    }
    out
}

/// Validates and stores the settings; the runbooks folder is created if missing. Returns
/// the settings as stored (the operator's name trimmed).
pub fn save(store: &Store, s: &Settings) -> Result<Settings, SettingsError> {
    if store.is_read_only() {
        return Err(store.read_only_error().into());
    }
    let errs = errors(s);
    if !errs.is_empty() {
        return Err(SettingsError::Invalid(errs));
    }
    if let Err(e) = std::fs::create_dir_all(&s.runbooks_dir) {
        return Err(SettingsError::Invalid(vec![FieldError {
            field: "runbooks_dir".into(),
            message: format!("cannot create '{}': {e}", s.runbooks_dir),
        }]));
    }
    let stored = Settings {
        operator: s.operator.trim().to_owned(),
        ..s.clone()
    };
    store.write(|tx| {
        let mut stmt = tx.prepare(
            "INSERT INTO settings (key, value) VALUES (?, ?)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )?;
        let simulated = stored.simulated.to_string();
        for (k, v) in [
            ("operator", &stored.operator),
            ("runbooks_dir", &stored.runbooks_dir),
            ("time_zone", &stored.time_zone),
            ("simulated", &simulated),
        ] {
            stmt.execute(params![k, v])?;
        }
        Ok::<_, SettingsError>(())
    })?;
    Ok(stored)
}

/// A value the settings table keeps beside the settings for another module (`drill_faults`:
/// the simulator's faults), `None` when never set.
pub fn stored_value(store: &Store, key: &str) -> Result<Option<String>, SettingsError> {
    store.read(|c| Ok::<_, SettingsError>(get(c, key)?))
}

/// Stores such a value.
pub fn store_value(store: &Store, key: &str, value: &str) -> Result<(), SettingsError> {
    if store.is_read_only() {
        return Err(store.read_only_error().into());
    }
    store.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok::<_, SettingsError>(())
    })
}

/// Marks the workspace being created in `tx` as simulated: the demo it is seeded with probes
/// the embedded simulator, so a new user sees live health without an API key.
pub fn mark_simulated_in(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('simulated', 'true')
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
