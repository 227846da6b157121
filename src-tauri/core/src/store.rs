//! The SQLite store: one connection per workspace, opened with the pragmas Brownout relies on,
//! migrated forward atomically, and never touched when it comes from a newer Brownout.

pub(crate) mod migrations;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use migrations::LATEST_VERSION;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database {path} was written by a newer Brownout (schema version {found}, this build knows up to {known}); it was left untouched — upgrade Brownout to open it"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("cannot create the folder for the database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("migration to schema version {version} failed: {source}")]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database connection is unusable after an earlier crash in this process")]
    Poisoned,
}

impl crate::error::Coded for StoreError {
    fn code(&self) -> crate::error::Code {
        use crate::error::Code;
        match self {
            StoreError::NewerSchema { .. } => Code::NewerSchema,
            StoreError::CreateDir { .. }
            | StoreError::Migration { .. }
            | StoreError::Sqlite(_)
            | StoreError::Poisoned => Code::Store,
        }
    }
}

/// How the store came to be: a fresh database gets the demo workspace seeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Fresh,
    Existing,
}

/// A cheap-to-clone handle on the workspace database.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to the latest schema.
    pub fn open(path: &Path) -> Result<(Self, Opened), StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        Self::prepare(conn, Some(path.to_path_buf()), LATEST_VERSION)
    }

    /// An in-memory database, migrated to the latest schema (for tests and benchmarks).
    pub fn open_in_memory() -> Result<(Self, Opened), StoreError> {
        Self::prepare(Connection::open_in_memory()?, None, LATEST_VERSION)
    }

    /// Opens `path` migrated only up to `version`: lets tests build every earlier schema.
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: i64) -> Result<(Self, Opened), StoreError> {
        Self::prepare(Connection::open(path)?, Some(path.to_path_buf()), version)
    }

    fn prepare(
        mut conn: Connection,
        path: Option<PathBuf>,
        target: i64,
    ) -> Result<(Self, Opened), StoreError> {
        conn.busy_timeout(Duration::from_secs(5))?;
        // Check the version before any pragma that could write to the file.
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| ":memory:".into()),
                found,
                known: LATEST_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // A timeline entry the operator saw as saved must survive power loss.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn, found, target)?;
        let opened = if found == 0 {
            Opened::Fresh
        } else {
            Opened::Existing
        };
        Ok((
            Store {
                conn: Arc::new(Mutex::new(conn)),
                path,
            },
            opened,
        ))
    }

    /// The file behind this store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, StoreError> {
        self.conn.lock().map_err(|_| StoreError::Poisoned)
    }

    /// Runs `f` with the connection, for reads.
    pub fn read<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let conn = self.lock()?;
        f(&conn)
    }

    /// Runs `f` in an `IMMEDIATE` transaction, committed only if `f` succeeds.
    pub fn write<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Transaction) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.lock()?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let out = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    /// Schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }
}

/// The default database file in the platform's data directory.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("brownout")
        .join("brownout.db")
}

#[cfg(test)]
mod tests;
