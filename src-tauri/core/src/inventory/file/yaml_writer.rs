//! Writes the inventory file's YAML so that every YAML reader reads it back the same way.
//!
//! serde_yaml_ng quotes only what a YAML 1.2 reader would misread, but PyYAML and most CI tools
//! read YAML 1.1, where `10:00` is the number 600, `2024-01-01` a date, `yes`/`on`/`y` booleans,
//! `0755` an octal number and `=` a special key. So a string is written plain only when it
//! cannot be anything but a string in either version: it starts with a letter, holds only
//! letters, digits, spaces and a few harmless punctuation marks, and is no reserved word.
//! Everything else is double-quoted, and multi-line text is a literal block when that is exact.

use std::fmt::Write as _;

use serde_yaml_ng::Value;

/// Words YAML 1.1 or 1.2 reads as booleans or null, compared without regard to case.
const RESERVED_WORDS: &[&str] = &["y", "n", "yes", "no", "on", "off", "true", "false", "null"];

/// Punctuation that may appear inside a plain scalar (never first).
const PLAIN_PUNCTUATION: &str = " _-./()+,;:=?'@";

/// The YAML text of a value whose top level is a mapping.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Mapping(m) if !m.is_empty() => write_mapping(&mut out, m, 0, false),
        other => {
            write_scalar(&mut out, other, 0);
            out.push('\n');
        }
    }
    out
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// Writes `key: value` lines at `indent`; with `inline_first` the first key follows a `- `
/// already written.
fn write_mapping(out: &mut String, m: &serde_yaml_ng::Mapping, indent: usize, inline_first: bool) {
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 || !inline_first {
            pad(out, indent);
        }
        write_scalar(out, k, indent + 2);
        out.push(':');
        write_value(out, v, indent, false);
    }
}

fn write_sequence(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        pad(out, indent);
        out.push('-');
        write_value(out, item, indent, true);
    }
}

/// Writes what follows a `key:` or (with `after_dash`) a `-` written at `indent`: a
/// non-empty collection below it, anything else on the same line.
fn write_value(out: &mut String, v: &Value, indent: usize, after_dash: bool) {
    match v {
        // A mapping in a sequence starts on the dash's line.
        Value::Mapping(inner) if !inner.is_empty() => {
            out.push(if after_dash { ' ' } else { '\n' });
            write_mapping(out, inner, indent + 2, after_dash);
        }
        // Sequences in a mapping are not indented further, as serde_yaml_ng writes them.
        Value::Sequence(items) if !items.is_empty() => {
            out.push('\n');
            write_sequence(out, items, if after_dash { indent + 2 } else { indent });
        }
        other => {
            out.push(' ');
            write_scalar(out, other, indent + 2);
            out.push('\n');
        }
    }
}

/// A scalar (or an empty collection); `indent` is where a literal block's lines go.
fn write_scalar(out: &mut String, v: &Value, indent: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(out, s, indent),
        Value::Sequence(_) => out.push_str("[]"),
        Value::Mapping(_) => out.push_str("{}"),
        Value::Tagged(t) => write_scalar(out, &t.value, indent),
    }
}

fn write_string(out: &mut String, s: &str, indent: usize) {
    if is_plain_safe(s) {
        out.push_str(s);
    } else if let Some(chomp) = literal_block_chomping(s) {
        out.push('|');
        out.push_str(chomp);
        for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
            out.push('\n');
            if !line.is_empty() {
                pad(out, indent);
                out.push_str(line);
            }
        }
    } else {
        write_double_quoted(out, s);
    }
}

/// True when `s` reads back as this very string, written plain, in YAML 1.1 and 1.2.
pub fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !s.ends_with([' ', ':'])
        && s.chars()
            .all(|c| c.is_alphanumeric() || PLAIN_PUNCTUATION.contains(c))
        && !s.contains(": ")
        && !RESERVED_WORDS.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// The chomping indicator when `s` can be written exactly as a literal block.
fn literal_block_chomping(s: &str) -> Option<&'static str> {
    if !s.contains('\n') {
        return None;
    }
    let body = s.strip_suffix('\n').unwrap_or(s);
    let first = body.split('\n').find(|l| !l.is_empty())?;
    let exact = !body.ends_with('\n')
        && !first.starts_with(' ')
        && body.split('\n').all(|l| !l.ends_with(' '))
        && !body
            .chars()
            .any(|c| c == '\t' || (c != '\n' && needs_escape(c)));
    exact.then_some(if s.ends_with('\n') { "" } else { "-" })
}

/// Characters a double-quoted scalar writes as escapes: those a YAML reader may refuse or
/// normalise, and invisible ones.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn write_double_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
