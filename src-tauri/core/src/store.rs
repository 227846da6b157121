//! The SQLite store: one connection per workspace, opened with the pragmas Brownout relies on,
//! migrated forward atomically, and never touched when it is not Brownout's or comes from a
//! newer Brownout. How a file is looked at and opened lives in [`open`]; what makes a file
//! Brownout's in [`identity`].

mod identity;
pub(crate) mod migrations;
mod open;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use identity::APPLICATION_ID;
pub use migrations::LATEST_VERSION;
pub use open::{shown, OpenOptions, Seed};

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
    #[error("{path} is not a Brownout database ({reason}); it was left untouched")]
    NotBrownout { path: String, reason: String },
    #[error("cannot use {path} as the database: {reason}")]
    BadPath { path: String, reason: String },
    #[error("the database {path} is read-only ({reason}); nothing was changed")]
    ReadOnly { path: String, reason: String },
    #[error("cannot create the folder for the database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("migration of the database {path} to schema version {version} failed: {source}")]
    Migration {
        path: String,
        version: i64,
        source: rusqlite::Error,
    },
    #[error("cannot seed the new database {path}: {source}")]
    Seed {
        path: String,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("the database {path}: {source}")]
    Database {
        path: String,
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
            StoreError::NotBrownout { .. } => Code::NotBrownout,
            StoreError::ReadOnly { .. } => Code::ReadOnly,
            StoreError::BadPath { .. } => Code::BadPath,
            StoreError::CreateDir { .. }
            | StoreError::Migration { .. }
            | StoreError::Seed { .. }
            | StoreError::Database { .. }
            | StoreError::Sqlite(_)
            | StoreError::Poisoned => Code::Store,
        }
    }
}

/// How the store came to be: `Fresh` when this open created (and seeded) the database.
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
    /// A read-only store is an in-memory copy of the file: the runbook index (derived data)
    /// may be rebuilt in it, every other write is refused.
    read_only: bool,
    /// Set by the read-only authorizer when it refused a statement.
    refused: Arc<AtomicBool>,
}

impl Store {
    /// Opens (creating it and its folders if needed) the database at `path` and migrates it
    /// to the latest schema.
    pub fn open(path: &Path) -> Result<(Self, Opened), StoreError> {
        Self::open_with(
            path,
            &OpenOptions {
                create_folders: true,
                ..OpenOptions::default()
            },
        )
    }

    /// Opens the database at `path` as `options` say; see [`OpenOptions`].
    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<(Self, Opened), StoreError> {
        open::open(path, options, LATEST_VERSION)
    }

    /// An in-memory database, migrated to the latest schema (for tests and benchmarks).
    pub fn open_in_memory() -> Result<(Self, Opened), StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
        migrations::migrate(&tx, ":memory:", 0, LATEST_VERSION)?;
        tx.commit()?;
        Ok((Self::new(conn, None, false), Opened::Fresh))
    }

    /// Opens `path` migrated only up to `version`: lets tests build every earlier schema.
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: i64) -> Result<(Self, Opened), StoreError> {
        open::open(path, &OpenOptions::default(), version)
    }

    fn new(conn: Connection, path: Option<PathBuf>, read_only: bool) -> Self {
        Store {
            conn: Arc::new(Mutex::new(conn)),
            path,
            read_only,
            refused: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The file behind this store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The path as error messages show it.
    fn shown_path(&self) -> String {
        self.path
            .as_deref()
            .map(shown)
            .unwrap_or_else(|| ":memory:".into())
    }

    /// True when the file could not be written: the store is an in-memory copy and refuses
    /// changes to the inventory, settings, walk-throughs and incidents.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The error a change gets on a read-only store.
    pub fn read_only_error(&self) -> StoreError {
        StoreError::ReadOnly {
            path: self.shown_path(),
            reason: "the file or its folder cannot be written; it was opened as a read-only copy"
                .into(),
        }
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, StoreError> {
        self.conn.lock().map_err(|_| StoreError::Poisoned)
    }

    fn database(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Database {
            path: self.shown_path(),
            source,
        }
    }

    /// Runs `f` inside one read transaction: everything `f` reads comes from the same
    /// snapshot of the database, even while other processes write (WAL).
    pub fn read<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.lock()?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(|e| self.database(e))?;
        let out = f(&tx)?;
        tx.commit().map_err(|e| self.database(e))?;
        Ok(out)
    }

    /// Runs `f` in an `IMMEDIATE` transaction, committed only if `f` succeeds.
    pub fn write<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Transaction) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.lock()?;
        self.refused.store(false, Ordering::SeqCst);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.database(e))?;
        let out = match f(&tx) {
            Ok(out) => out,
            // The caller's error would only say "not authorized": say why.
            Err(_) if self.refused.load(Ordering::SeqCst) => {
                return Err(self.read_only_error().into())
            }
            Err(e) => return Err(e),
        };
        tx.commit().map_err(|e| self.database(e))?;
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
