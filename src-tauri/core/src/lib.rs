//! Brownout's domain. Every rule lives here; the desktop shell and the CLI are adapters.
//!
//! Public surface:
//! - [`store::Store`]: the SQLite connection, migrations and pragmas.
//! - [`inventory`]: vendors, endpoints, workflows (and their export/import as a file).
//! - [`rotation`]: on-call rotations: model, validation, storage, and the schedule (who is on
//!   call when, across layers, overrides and time zones).
//! - [`field_error`]: one problem with one field, shared by everything that validates input.
//! - [`audit`]: the readiness audit over the inventory.
//! - [`runbook`]: markdown runbooks: checking, safe rendering, search, walk-throughs.
//! - [`health`]: endpoint health as runbooks and the audit see it.
//! - [`probe`]: live probes of endpoints: samples, reasons, health.
//! - [`incident`]: incidents and their append-only timeline.
//! - [`error::Code`]: the error codes every error maps to, shared with the UI and the CLI.
//! - [`workspace::Workspace`]: one handle over all of the above, cheap to clone.

pub mod audit;
pub mod error;
pub mod field_error;
pub mod health;
pub mod incident;
pub mod inventory;
pub mod probe;
pub mod rotation;
mod rows;
pub mod runbook;
pub mod settings;
pub mod slug;
pub mod store;
mod text_enum;
pub mod workspace;
pub mod yaml;

pub use workspace::Workspace;
