//! The one error shape the UI sees: `{code, message, fields}`, with `code` from the core's
//! [`Code`] (a string union in TypeScript).

use brownout_core::error::{Code, Coded};
use brownout_core::inventory::{FieldError, InventoryError};
use brownout_core::probe::history::HistoryError;
use brownout_core::probe::monitor::MonitorError;
use brownout_core::probe::request::CredentialError;
use brownout_core::rotation::schedule::ScheduleError;
use brownout_core::runbook::RunbookError;
use brownout_core::settings::SettingsError;
use brownout_core::store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// A failed command, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    /// Stable and machine-readable, for the UI to act on.
    pub code: Code,
    /// One sentence for a person.
    pub message: String,
    /// For `invalid`: which fields are wrong, by path (`name`, `fallbacks[1].endpoint`).
    pub fields: Vec<FieldError>,
}

impl IpcError {
    /// The code and message of any core error, without fields.
    pub fn of(e: &impl Coded) -> Self {
        Self {
            code: e.code(),
            message: e.to_string(),
            fields: Vec::new(),
        }
    }

    /// An `invalid` error about one argument of a command, named as its field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        let error = FieldError::new(field, message);
        Self {
            code: Code::Invalid,
            message: format!("{}: {}", error.field, error.message),
            fields: vec![error],
        }
    }

    fn with_fields(mut self, fields: Vec<FieldError>) -> Self {
        self.fields = fields;
        self
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        Self::of(&e)
    }
}

impl From<InventoryError> for IpcError {
    fn from(e: InventoryError) -> Self {
        let base = Self::of(&e);
        match e {
            InventoryError::Invalid { errors, .. } => base.with_fields(errors),
            _ => base,
        }
    }
}

impl From<ScheduleError> for IpcError {
    fn from(e: ScheduleError) -> Self {
        match e {
            ScheduleError::Inventory(e) => e.into(),
            ScheduleError::Invalid { ref errors, .. } => {
                let fields = errors.clone();
                Self::of(&e).with_fields(fields)
            }
            other => Self::of(&other),
        }
    }
}

impl From<SettingsError> for IpcError {
    fn from(e: SettingsError) -> Self {
        let base = Self::of(&e);
        match e {
            SettingsError::Invalid(fields) => base.with_fields(fields),
            _ => base,
        }
    }
}

/// A refused key names the field the UI shows its error under.
impl From<CredentialError> for IpcError {
    fn from(e: CredentialError) -> Self {
        let base = Self::of(&e);
        let field = match e {
            CredentialError::NotStorable => "credential",
            CredentialError::BadSecret { .. } => "secret",
            _ => return base,
        };
        let message = base.message.clone();
        base.with_fields(vec![FieldError::new(field, message)])
    }
}

impl From<RunbookError> for IpcError {
    fn from(e: RunbookError) -> Self {
        match e {
            RunbookError::Store(e) => e.into(),
            RunbookError::Inventory(e) => e.into(),
            RunbookError::Settings(e) => e.into(),
            other => Self::of(&other),
        }
    }
}

impl From<HistoryError> for IpcError {
    fn from(e: HistoryError) -> Self {
        match e {
            HistoryError::Store(e) => e.into(),
            other => Self::of(&other),
        }
    }
}

impl From<MonitorError> for IpcError {
    fn from(e: MonitorError) -> Self {
        match e {
            MonitorError::History(e) => e.into(),
            MonitorError::Inventory(e) => e.into(),
            other => Self::of(&other),
        }
    }
}
