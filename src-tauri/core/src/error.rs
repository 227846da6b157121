//! The one list of error codes. Every core error says which [`Code`] it is; the app sends the
//! code to the UI (a TypeScript string union generated from this enum) and the CLI turns it
//! into its exit code, so the three never disagree.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of failure an error is, for a program to act on. The message says the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// The input breaks a rule; the error lists the fields.
    Invalid,
    /// The thing named (a runbook, step, workflow, endpoint, incident, …) does not exist.
    NotFound,
    /// Still referred to by something else; change that first.
    InUse,
    /// Changed by someone else since it was read.
    Conflict,
    /// The database failed.
    Store,
    /// The database was written by a newer Brownout.
    NewerSchema,
    /// The database can only be read (a read-only file or folder).
    ReadOnly,
    /// The file is not a Brownout database.
    NotBrownout,
    /// A file name that is not allowed (outside the folder, hidden, not markdown).
    BadPath,
    /// Reading or writing a file failed.
    Io,
    /// Watching a folder for changes failed.
    Watch,
    /// The OS keyring is missing, locked or refused a request.
    Keyring,
}

impl Code {
    /// The command line's exit code for a failure with this code (README: 1 is a finding or a
    /// failed check, which is not an error; every error is 2). Exhaustive on purpose: a new
    /// code has to choose.
    pub fn exit_code(self) -> i32 {
        match self {
            Code::Invalid
            | Code::NotFound
            | Code::InUse
            | Code::Conflict
            | Code::Store
            | Code::NewerSchema
            | Code::ReadOnly
            | Code::NotBrownout
            | Code::BadPath
            | Code::Io
            | Code::Watch
            | Code::Keyring => 2,
        }
    }
}

// The code as it travels (`not_found`, `in_use`, …) is its serde name.
crate::text_enum::text_enum!(Code);

/// An error that knows its [`Code`].
pub trait Coded: std::error::Error {
    fn code(&self) -> Code;
}

#[cfg(test)]
mod tests;
