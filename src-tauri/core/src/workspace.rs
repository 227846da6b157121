//! A workspace: the database plus the folder that holds the user's runbooks.

use std::path::{Path, PathBuf};

use crate::inventory::{demo, file::ImportError};
use crate::store::{default_db_path, Opened, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot seed the demo workspace: {0}")]
    Seed(#[from] ImportError),
}

impl crate::error::Coded for WorkspaceError {
    fn code(&self) -> crate::error::Code {
        match self {
            WorkspaceError::Store(e) => e.code(),
            WorkspaceError::Seed(e) => e.code(),
        }
    }
}

/// Where a workspace lives. `db` defaults to `brownout.db` in the platform's data directory.
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
    /// Opens the workspace; a fresh database is seeded with the demo inventory.
    pub fn open(location: &WorkspaceLocation) -> Result<Self, WorkspaceError> {
        let db = location.db.clone().unwrap_or_else(default_db_path);
        let (store, opened) = Store::open(&db)?;
        if opened == Opened::Fresh {
            demo::seed(&store)?;
        }
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
}
