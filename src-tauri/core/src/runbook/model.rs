//! Runbook shapes, as the library, the checker, the walk-through and the UI see them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::inventory::FailureMode;

/// The YAML front matter every runbook starts with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    /// A vendor id, or `any`.
    pub vendor: String,
    pub failure_modes: Vec<FailureMode>,
    #[serde(default)]
    pub workflows: Vec<String>,
    /// The owning rotation's id.
    #[serde(default)]
    #[ts(optional)]
    pub owner: Option<String>,
    /// Last review, `YYYY-MM-DD`.
    #[serde(default)]
    #[ts(optional)]
    pub reviewed: Option<String>,
}

/// One step: a task-list item, under its `##` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Step {
    /// Stable across edits of other steps: pinned with `{#id}`, or `<section>/<text>` slugs.
    pub id: String,
    pub section: String,
    /// The step's markdown, without its pin.
    pub text: String,
    /// 1-based line in the file.
    pub line: usize,
    /// Endpoints shown with `{{endpoint:ID}}`, in order of first mention.
    pub endpoints: Vec<String>,
    /// Each `{{if-healthy:ID}}`, in order of first mention: the step applies only while every
    /// one of these endpoints is healthy (see [`crate::health::applicability`]).
    pub conditions: Vec<String>,
    /// Whether the pin was written by the author.
    pub pinned: bool,
}

/// A runbook whose front matter parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRunbook {
    /// Path relative to the runbooks folder, `/`-separated.
    pub file: String,
    pub front: FrontMatter,
    /// `##` section titles in order.
    pub sections: Vec<String>,
    pub steps: Vec<Step>,
}

/// One problem in a runbook, shown as `FILE:LINE: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct Problem {
    pub file: String,
    /// 1-based.
    // 0 when the problem is with the file (or folder entry) as a whole.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    /// `FILE:LINE: message`, or `FILE: message` for a problem with the file as a whole (line
    /// 0). Both parts escaped: see [`escaped`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = escaped(&self.file);
        let message = escaped(&self.message);
        if self.line == 0 {
            write!(f, "{file}: {message}")
        } else {
            write!(f, "{file}:{}: {message}", self.line)
        }
    }
}

/// `text` safe to print on one terminal line: control characters (newlines, escape
/// sequences) and the bidirectional controls that reorder what a reader sees are written as
/// `\u{…}`, so a file name cannot forge a line of output or set a terminal title.
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    fn hidden(c: char) -> bool {
        c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
    }
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
