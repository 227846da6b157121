//! Runbooks: markdown files with front matter whose task-list items are steps.

pub mod render;
