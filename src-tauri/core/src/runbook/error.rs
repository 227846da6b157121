use std::path::Path;

use super::model::Problem;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum RunbookError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("'{0}' is not a runbook file name: use a relative path ending in .md, without `..` or hidden parts")]
    BadPath(String),
    #[error("{file} changed on disk since it was opened")]
    Conflict { file: String, disk_version: String },
    #[error("{0}")]
    NotFound(String),
    #[error("{}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot watch the runbooks folder: {0}")]
    Watch(String),
}

impl crate::error::Coded for RunbookError {
    fn code(&self) -> crate::error::Code {
        use crate::error::Code;
        // Braced patterns match whatever fields a variant carries.
        match self {
            RunbookError::Io { .. } => Code::Io,
            RunbookError::BadPath { .. } => Code::BadPath,
            RunbookError::Conflict { .. } => Code::Conflict,
            RunbookError::NotFound { .. } => Code::NotFound,
            RunbookError::Invalid { .. } => Code::Invalid,
            RunbookError::Store(e) => crate::error::Coded::code(e),
            RunbookError::Watch { .. } => Code::Watch,
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
}

impl From<rusqlite::Error> for RunbookError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}
