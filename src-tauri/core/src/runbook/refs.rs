//! Live references inside runbook text:
//! - `{{endpoint:ID}}` shows a health badge for the endpoint `ID`;
//! - `{{if-healthy:ID}}` makes the step conditional: it applies only while `ID` is healthy;
//! - `{#step-id}` at the very end of a step pins the step's id.

use crate::slug::is_valid_slug;

/// One piece of text: plain, or a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Endpoint(&'a str),
    IfHealthy(&'a str),
    /// `{{…}}` that is not a known reference: kept as text, reported by the checker.
    Unknown(&'a str),
}

/// Splits `text` at `{{…}}` references.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        let inner = &rest[start + 2..start + 2 + len];
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        let whole = &rest[start..start + len + 4];
        out.push(match inner.split_once(':') {
            Some(("endpoint", id)) if is_valid_slug(id) => Piece::Endpoint(id),
            Some(("if-healthy", id)) if is_valid_slug(id) => Piece::IfHealthy(id),
            _ => Piece::Unknown(whole),
        });
        rest = &rest[start + len + 4..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Splits a trailing `{#id}` pin off a step's text: (text without it, the pinned id). A pin
/// that is not a valid slug stays in the text (the checker reports it).
pub fn split_pin(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim_end();
    if let Some(open) = trimmed.rfind("{#") {
        if let Some(id) = trimmed[open + 2..].strip_suffix('}') {
            if is_valid_slug(id) {
                return (trimmed[..open].trim_end(), Some(id));
            }
        }
    }
    (text, None)
}

#[cfg(test)]
mod tests;
