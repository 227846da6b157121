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
    #[error("'{0}' leads outside the runbooks folder (through a symbolic link) or to nothing: it is neither opened nor written")]
    OutsideFolder(String),
    #[error("'{file}' is larger than {limit} bytes, the most a runbook may be")]
    TooLarge { file: String, limit: u64 },
    #[error("{file} changed on disk since it was opened")]
    Conflict { file: String, disk_version: String },
    #[error("{0}")]
    NotFound(String),
    #[error("{}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the runbook index is damaged at {file}: {detail}; it is rebuilt when the runbooks folder is indexed again")]
    DamagedIndex { file: String, detail: String },
    #[error("cannot watch the runbooks folder: {0}")]
    Watch(String),
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
