//! Rules for the text of every inventory field: length limits, no control characters (line
//! breaks and tabs only in multi-line text), no bidirectional controls, no secrets.
//!
//! They work on an item's serialized form, so every string field of every kind is covered
//! without listing fields per kind, and a field added later is covered too. Field names are the
//! paths the other validation messages use, e.g. `failure_modes.slow.degradation`.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::secrets::{self, SecretProblem};
use super::validate::{FieldError, InventoryIssue};
use super::Inventory;
use crate::slug::is_valid_slug;

/// Fields whose text may span lines (and hold tabs).
pub const MULTI_LINE_FIELDS: &[&str] = &[
    "description",
    "customer_impact",
    "degradation",
    "customer_message",
    "strategy",
];
/// Fields holding URLs.
pub const URL_FIELDS: &[&str] = &["base_url", "status_page", "status_api"];
/// Fields holding ids (the item's own, or a reference to another item).
const ID_FIELDS: &[&str] = &["id", "vendor", "primary", "endpoint", "owner"];

/// Longest multi-line text, in characters.
pub const MAX_TEXT_CHARS: usize = 8_000;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 2_048;
/// Longest value of any other field, in characters.
pub const MAX_LINE_CHARS: usize = 256;

/// The inventory file's sections, in file order.
const SECTIONS: [&str; 4] = ["vendors", "endpoints", "workflows", "rotations"];

/// Unicode's bidirectional embedding, override and isolate controls: they make text display
/// in another order than it is stored.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with control characters, bidirectional controls and other invisible format
/// characters written as escapes (`\n`, `\u{1b}`), for one-line messages.
pub fn escape(text: &str) -> Cow<'_, str> {
    let needs = |c: char| {
        c.is_control()
            || is_bidi_control(c)
            || matches!(
                c,
                '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'
            )
    };
    if !text.contains(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` as it may appear in a message: escaped (see [`escape`]) and with anything that looks
/// like a key cut short (see [`secrets::redact`]).
pub fn printable(text: &str) -> String {
    secrets::redact(&escape(text)).into_owned()
}

/// Problems of one string value in the field named `key` (the last part of its path).
fn value_problem(key: &str, value: &str) -> Option<String> {
    let multi_line = MULTI_LINE_FIELDS.contains(&key);
    let limit = if multi_line {
        MAX_TEXT_CHARS
    } else if URL_FIELDS.contains(&key) {
        MAX_URL_CHARS
    } else {
        MAX_LINE_CHARS
    };
    let chars = value.chars().count();
    if chars > limit {
        return Some(format!(
            "is {chars} characters long; the limit for this field is {limit}"
        ));
    }
    if let Some(c) = value.chars().find(|&c| is_bidi_control(c)) {
        return Some(format!(
            "contains the bidirectional control character U+{:04X}, which makes text display differently from what it is",
            c as u32
        ));
    }
    let allowed = |c: char| multi_line && matches!(c, '\n' | '\r' | '\t');
    if let Some(c) = value.chars().find(|&c| c.is_control() && !allowed(c)) {
        let rule = if multi_line {
            "only line breaks and tabs are allowed"
        } else {
            "this field is one line of text"
        };
        return Some(format!(
            "contains the control character U+{:04X}; {rule}",
            c as u32
        ));
    }
    let secret = if key == "credential" {
        secrets::parse_credential(value).err()
    } else if ID_FIELDS.contains(&key) {
        // An id such as `sk-telecom` is fine; a key is not a valid id.
        secrets::key_prefix(value, !is_valid_slug(value)).map(SecretProblem::KeyPrefix)
    } else {
        secrets::url_problem(value)
            .or_else(|| secrets::key_prefix(value, true).map(SecretProblem::KeyPrefix))
    };
    secret.map(|p| p.to_string())
}

/// Walks `value`, calling `found` with each string's field path and last key.
fn walk(value: &Value, path: &mut String, key: &str, found: &mut impl FnMut(&str, &str, &str)) {
    match value {
        Value::String(s) => found(path, key, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                let _ = write!(path, "[{i}]");
                walk(item, path, key, found);
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (k, v) in fields {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                walk(v, path, k, found);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Every text problem of one item, in its serialized form.
fn item_problems(item: &Value) -> Vec<FieldError> {
    let mut out = Vec::new();
    walk(item, &mut String::new(), "", &mut |path, key, s| {
        if let Some(message) = value_problem(key, s) {
            out.push(FieldError {
                field: path.to_owned(),
                message,
            });
        }
    });
    out
}

/// Puts `mine` into `errors`: each in place of the first error on the same field (other errors
/// on that field go: their messages may repeat a secret or raw control characters), or at the
/// end when its field had none.
fn merge<T, K: PartialEq>(errors: &mut Vec<T>, mine: Vec<T>, key: impl Fn(&T) -> K) {
    for m in mine {
        let k = key(&m);
        match errors.iter().position(|e| key(e) == k) {
            Some(first) => {
                let mut i = 0;
                errors.retain(|e| {
                    i += 1;
                    i - 1 == first || key(e) != k
                });
                errors[first] = m;
            }
            None => errors.push(m),
        }
    }
}

/// Applies the text rules to one item about to be saved: their problems take the place of
/// other problems of the same fields, and every message is escaped.
pub fn screen_item(item: &impl Serialize, errors: &mut Vec<FieldError>) {
    let mine = serde_json::to_value(item)
        .map(|v| item_problems(&v))
        .unwrap_or_default();
    for e in errors.iter_mut() {
        e.message = printable(&e.message);
    }
    merge(errors, mine, |e| e.field.clone());
}

/// [`screen_item`] for every item of a whole inventory.
pub fn screen_issues(inv: &Inventory, issues: &mut Vec<InventoryIssue>) {
    let Ok(value) = serde_json::to_value(inv) else {
        return;
    };
    for i in issues.iter_mut() {
        i.item = printable(&i.item);
        i.error.message = printable(&i.error.message);
    }
    let mut mine = Vec::new();
    for section in SECTIONS {
        let items = value.get(section).and_then(Value::as_array);
        for (index, item) in items.into_iter().flatten().enumerate() {
            let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
            mine.extend(item_problems(item).into_iter().map(|error| InventoryIssue {
                section,
                index,
                item: printable(id),
                error,
            }));
        }
    }
    merge(issues, mine, |i| {
        (i.section, i.index, i.error.field.clone())
    });
    let rank = |s: &str| SECTIONS.iter().position(|x| *x == s);
    issues.sort_by_key(|i| (rank(i.section), i.index));
}

#[cfg(test)]
mod tests;
