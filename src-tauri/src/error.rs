//! The one error shape the UI sees: `{code, message, fields}`.

use brownout_core::inventory::{FieldError, InventoryError};
use brownout_core::runbook::RunbookError;
use brownout_core::settings::SettingsError;
use brownout_core::store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// A failed command, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    /// Stable, machine-readable: `invalid`, `not_found`, `in_use`, `conflict`, `store`, …
    pub code: String,
    /// One sentence for a person.
    pub message: String,
    /// For `invalid`: which fields are wrong, by path (`name`, `fallbacks[1].endpoint`).
    pub fields: Vec<FieldError>,
}

impl IpcError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            fields: Vec::new(),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        let code = match e {
            StoreError::NewerSchema { .. } => "newer_schema",
            _ => "store",
        };
        Self::new(code, e.to_string())
    }
}

impl From<InventoryError> for IpcError {
    fn from(e: InventoryError) -> Self {
        let message = e.to_string();
        match e {
            InventoryError::Invalid { errors, .. } => Self {
                code: "invalid".into(),
                message,
                fields: errors,
            },
            InventoryError::NotFound { .. } => Self::new("not_found", message),
            InventoryError::InUse { .. } => Self::new("in_use", message),
            InventoryError::Store(e) => e.into(),
        }
    }
}

impl From<SettingsError> for IpcError {
    fn from(e: SettingsError) -> Self {
        let message = e.to_string();
        match e {
            SettingsError::Invalid(fields) => Self {
                code: "invalid".into(),
                message,
                fields,
            },
            SettingsError::Store(e) => e.into(),
        }
    }
}

impl From<RunbookError> for IpcError {
    fn from(e: RunbookError) -> Self {
        let message = e.to_string();
        let code = match e {
            RunbookError::Store(e) => return e.into(),
            RunbookError::Inventory(e) => return e.into(),
            RunbookError::Settings(e) => return e.into(),
            RunbookError::Conflict { .. } => "conflict",
            RunbookError::BadPath(_) | RunbookError::OutsideFolder(_) => "bad_path",
            RunbookError::TooLarge { .. } => "invalid",
            RunbookError::DamagedIndex { .. } => "io",
            RunbookError::NotFound { .. } => "not_found",
            RunbookError::Invalid(_) => "invalid",
            RunbookError::Io { .. } => "io",
            RunbookError::Watch(_) => "watch",
        };
        Self::new(code, message)
    }
}
