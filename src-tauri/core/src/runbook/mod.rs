//! Runbooks: markdown files with front matter whose task-list items are steps.

pub mod front_matter;
pub mod refs;
pub mod render;
