//! Runbooks: markdown files with front matter whose task-list items are steps.

pub mod front_matter;
pub mod model;
pub mod parse;
pub mod refs;
pub mod render;

pub use model::{FrontMatter, ParsedRunbook, Problem, Step};
pub use parse::parse;
pub mod check;
mod error;

pub use check::{check_dir, check_source};
pub use error::RunbookError;
pub mod library;

pub use library::{RunbookQuery, RunbookSummary, SyncReport};
pub mod files;

pub use files::Document;
pub mod defaults;
pub mod desk;
pub mod walkthrough;
pub mod watch;
