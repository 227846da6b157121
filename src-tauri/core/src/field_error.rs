//! One problem with one field of one item, shared by every kind that validates input
//! (inventory items, rotations, settings), and the checks those kinds have in common.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::slug::{is_valid_slug, SLUG_RULE};

/// One problem with one field of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    /// Path of the field inside the item, e.g. `name` or `fallbacks[1].endpoint`.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// `field: message; field: message`, for one-line error messages.
pub fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// An item's id must be a slug.
pub fn check_id(id: &str, out: &mut Vec<FieldError>) {
    if !is_valid_slug(id) {
        out.push(FieldError::new("id", format!("'{id}' {SLUG_RULE}")));
    }
}

/// Text that must say something (not only spaces).
pub fn check_required(field: &str, value: &str, out: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        out.push(FieldError::new(field, "must not be empty"));
    }
}
