//! Runbooks: markdown files with front matter whose task-list items are steps.
//!
//! - [`parse`] / [`check`]: reading a runbook and listing its problems as `FILE:LINE: message`.
//! - [`render`]: markdown to sanitized HTML, with live endpoint references.
//! - [`library`]: the SQLite index of the runbooks folder, full-text search, audit coverage.
//! - [`scan`] / [`files`] / [`defaults`] / [`watch`]: the folder's entries, the files on disk
//!   (one containment rule), the shipped runbooks, changes.
//! - [`walkthrough`]: walking a runbook step by step, on the timeline.
//! - [`service`]: the operations the app and the CLI share over a workspace.

pub mod check;
pub mod defaults;
mod error;
pub mod files;
pub mod front_matter;
pub mod library;
pub mod model;
pub mod parse;
pub mod refs;
pub mod render;
pub mod scan;
pub mod service;
pub mod walkthrough;
pub mod watch;

pub use check::{check_dir, check_source};
pub use error::{Missing, RunbookError};
pub use files::Document;
pub use library::{RunbookQuery, RunbookSummary, SyncReport};
pub use model::{FrontMatter, ParsedRunbook, Problem, Step};
pub use parse::parse;
