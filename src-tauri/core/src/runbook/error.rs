use std::path::Path;

use super::model::Problem;
use crate::inventory::InventoryError;
use crate::settings::SettingsError;
use crate::store::StoreError;

/// What a runbook operation looked for and did not find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A runbook by its front-matter id.
    Runbook,
    /// A runbook file by its path relative to the runbooks folder.
    File,
    /// The runbooks folder itself.
    Folder,
    /// A step of the runbook with this id.
    Step { runbook: String },
    /// An incident by its number.
    Incident,
}

#[derive(Debug, thiserror::Error)]
pub enum RunbookError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("'{0}' is not a runbook file name: use a relative path ending in .md, without `..` or hidden parts")]
    BadPath(String),
    #[error("'{0}' leads outside the runbooks folder (through a symbolic link) or to nothing: it is neither opened nor written")]
    OutsideFolder(String),
    #[error("'{file}' is larger than {limit} bytes, the most a runbook may be")]
    TooLarge { file: String, limit: u64 },
    #[error("{file} changed on disk since it was opened")]
    Conflict { file: String, disk_version: String },
    #[error("{}", not_found_message(.what, .id))]
    NotFound { what: Missing, id: String },
    #[error("{}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    /// Reading the inventory the runbooks are checked against failed.
    #[error(transparent)]
    Inventory(InventoryError),
    /// Reading the settings (the runbooks folder, the operator) failed.
    #[error(transparent)]
    Settings(SettingsError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the runbook index is damaged at {file}: {detail}; it is rebuilt when the runbooks folder is indexed again")]
    DamagedIndex { file: String, detail: String },
    #[error("cannot watch the runbooks folder: {0}")]
    Watch(String),
}

fn not_found_message(what: &Missing, id: &str) -> String {
    match what {
        Missing::Runbook => format!("no runbook with id '{id}'"),
        Missing::File => format!("runbook {id} does not exist"),
        Missing::Folder => format!("runbooks folder {id} does not exist"),
        Missing::Step { runbook } => {
            format!("runbook {runbook} has no step '{id}' (it may have been edited; reload it)")
        }
        Missing::Incident => format!("incident #{id} does not exist"),
    }
}

impl crate::error::Coded for RunbookError {
    fn code(&self) -> crate::error::Code {
        use crate::error::Code;
        match self {
            RunbookError::Io { .. } => Code::Io,
            RunbookError::BadPath(_) | RunbookError::OutsideFolder(_) => Code::BadPath,
            RunbookError::TooLarge { .. } => Code::Invalid,
            RunbookError::Conflict { .. } => Code::Conflict,
            RunbookError::NotFound { .. } => Code::NotFound,
            RunbookError::Invalid(_) => Code::Invalid,
            RunbookError::Inventory(e) => e.code(),
            RunbookError::Settings(e) => e.code(),
            RunbookError::Store(e) => e.code(),
            RunbookError::DamagedIndex { .. } => Code::Io,
            RunbookError::Watch(_) => Code::Watch,
        }
    }
}

impl RunbookError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.display().to_string(),
            source,
        }
    }

    pub(crate) fn not_found(what: Missing, id: impl Into<String>) -> Self {
        Self::NotFound {
            what,
            id: id.into(),
        }
    }
}

impl From<rusqlite::Error> for RunbookError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}

/// A store failure stays a store failure; anything else keeps the inventory's own meaning.
impl From<InventoryError> for RunbookError {
    fn from(e: InventoryError) -> Self {
        match e {
            InventoryError::Store(s) => Self::Store(s),
            other => Self::Inventory(other),
        }
    }
}

impl From<SettingsError> for RunbookError {
    fn from(e: SettingsError) -> Self {
        match e {
            SettingsError::Store(s) => Self::Store(s),
            other => Self::Settings(other),
        }
    }
}
