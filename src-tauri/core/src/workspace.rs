//! A workspace: the database plus the folder that holds the user's runbooks.

use std::path::{Path, PathBuf};

use crate::inventory::{self, demo, Entity, InventoryError};
use crate::runbook;
use crate::store::{default_db_path, OpenOptions, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl crate::error::Coded for WorkspaceError {
    fn code(&self) -> crate::error::Code {
        match self {
            WorkspaceError::Store(e) => e.code(),
        }
    }
}

/// Where a workspace lives. `db` defaults to `brownout.db` in the platform's data directory,
/// whose folders are created; a database given explicitly must be in an existing folder.
#[derive(Debug, Clone, Default)]
pub struct WorkspaceLocation {
    pub db: Option<PathBuf>,
}

#[derive(Clone)]
pub struct Workspace {
    pub store: Store,
    dir: PathBuf,
}

impl Workspace {
    /// Opens the workspace; a new database is created and seeded with the demo inventory in
    /// one step. A database that cannot be written is opened as a read-only copy.
    pub fn open(location: &WorkspaceLocation) -> Result<Self, WorkspaceError> {
        Self::open_as(location, false)
    }

    /// Opens an existing workspace without ever writing to its database.
    pub fn open_read_only(location: &WorkspaceLocation) -> Result<Self, WorkspaceError> {
        Self::open_as(location, true)
    }

    fn open_as(location: &WorkspaceLocation, read_only: bool) -> Result<Self, WorkspaceError> {
        let (db, create_folders) = match &location.db {
            Some(db) => (db.clone(), false),
            None => (default_db_path(), true),
        };
        // The demo probes the embedded simulator: it names real vendors but has no keys.
        let seed = |tx: &rusqlite::Transaction| {
            demo::seed_in(tx)
                .map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)?;
            crate::settings::mark_simulated_in(tx)
                .map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)
        };
        let (store, _) = Store::open_with(
            &db,
            &OpenOptions {
                create_folders,
                read_only,
                seed: Some(&seed),
            },
        )?;
        let dir = db
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Ok(Self { store, dir })
    }

    /// The folder beside the database, where the workspace keeps its files (runbooks, …).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Saves one inventory item (see [`inventory::save`]), then brings the runbook index in
    /// step: runbook problems name endpoints, vendors and rotations, so their counts follow
    /// the inventory. Unchanged runbook files are re-checked, not re-read from the index's
    /// point of view; a failed re-index never fails the save (the next sync retries it).
    pub fn save_item<E: Entity>(
        &self,
        original_id: Option<&str>,
        item: E,
    ) -> Result<E, InventoryError> {
        let saved = inventory::save(&self.store, original_id, item)?;
        let _ = runbook::service::refresh(self);
        Ok(saved)
    }

    /// Deletes one inventory item (see [`inventory::delete`]), then brings the runbook index
    /// in step, as [`Workspace::save_item`] does.
    pub fn delete_item<E: Entity>(&self, id: &str) -> Result<(), InventoryError> {
        inventory::delete::<E>(&self.store, id)?;
        let _ = runbook::service::refresh(self);
        Ok(())
    }
}
