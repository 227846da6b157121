//! `runbook check`: every problem in a runbook, with its file and line, against the inventory.
//!
//! Rules: front matter present and valid; `id` a slug, unique across the folder; `vendor` a
//! known vendor or `any`; `workflows` and `owner` known; `reviewed` a `YYYY-MM-DD` date; every
//! declared failure mode has a `##` section whose heading names it (e.g. "## Throttled (429)");
//! pinned step ids valid slugs and unique; `{{…}}` references known and naming known
//! endpoints (outside code blocks, where they are shown as written). Over a folder, every
//! entry the walk cannot take in ([`super::scan`]) is a problem too, and the rest is checked.
//! Each problem is reported once; the work is linear in the size of the file.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use pulldown_cmark::{utils::TextMergeWithOffset, Event, Parser, Tag, TagEnd};

use super::front_matter::split;
use super::model::Problem;
use super::parse::{key_line, key_lines, parse, LineCounter};
use super::refs::{pieces, Piece};
use super::render::markdown_options;
use super::scan::{read_entry, scan};
use super::RunbookError;
use crate::inventory::Inventory;
use crate::slug::{is_valid_slug, SLUG_RULE};

/// Problems in one file on its own (no cross-file rules), sorted by line, each once (two
/// mentions of one unknown endpoint on a line are one problem).
pub fn check_source(file: &str, source: &str, inv: &Inventory) -> Vec<Problem> {
    let mut out = source_problems(file, source, inv);
    out.sort();
    out.dedup();
    out
}

fn source_problems(file: &str, source: &str, inv: &Inventory) -> Vec<Problem> {
    let rb = match parse(file, source) {
        Ok(rb) => rb,
        Err(problems) => return problems,
    };
    let s = split(source);
    let yaml = s.yaml.unwrap_or_default();
    // Looked up once per key, not once per problem (a long `workflows` list has many).
    let key_lines = key_lines(yaml, s.yaml_line);
    let key_line = |key: &str| key_lines.get(key).copied().unwrap_or(s.yaml_line);
    let mut out = Vec::new();
    let mut problem = |line: usize, message: String| {
        out.push(Problem {
            file: file.to_owned(),
            line,
            message,
        })
    };
    let fm = &rb.front;
    if !is_valid_slug(&fm.id) {
        problem(key_line("id"), format!("id '{}' {SLUG_RULE}", fm.id));
    }
    if fm.title.trim().is_empty() {
        problem(key_line("title"), "title is empty".into());
    }
    if fm.vendor != "any" && !inv.vendors.iter().any(|v| v.id == fm.vendor) {
        problem(
            key_line("vendor"),
            format!("unknown vendor '{}' (use a vendor id or `any`)", fm.vendor),
        );
    }
    if fm.failure_modes.is_empty() {
        problem(
            key_line("failure_modes"),
            "failure_modes is empty: list throttled, unavailable and/or slow".into(),
        );
    }
    for w in &fm.workflows {
        if !inv.workflows.iter().any(|x| &x.id == w) {
            problem(key_line("workflows"), format!("unknown workflow '{w}'"));
        }
    }
    if let Some(owner) = &fm.owner {
        if !inv.rotations.iter().any(|r| &r.id == owner) {
            problem(key_line("owner"), format!("unknown rotation '{owner}'"));
        }
    }
    if let Some(date) = &fm.reviewed {
        if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
            problem(
                key_line("reviewed"),
                format!("reviewed '{date}' is not a YYYY-MM-DD date"),
            );
        }
    }
    for mode in &fm.failure_modes {
        let word = mode.to_string();
        if !rb.sections.iter().any(|t| t.to_lowercase().contains(&word)) {
            problem(
                key_line("failure_modes"),
                format!("failure mode '{word}' has no section: add a `## …` heading that names it"),
            );
        }
    }
    for step in rb.steps.iter().filter(|s| !s.pinned) {
        // A `{#…}` ending that split_pin refused: the author meant a pin but it is no slug.
        let text = step.text.trim_end();
        if let Some(open) = text.rfind("{#").filter(|_| text.ends_with('}')) {
            problem(
                step.line,
                format!(
                    "step id pin '{}' is not valid: the id {SLUG_RULE}",
                    &text[open..]
                ),
            );
        }
    }
    let mut pins: HashMap<&str, usize> = HashMap::new();
    for step in rb.steps.iter().filter(|s| s.pinned) {
        if let Some(first) = pins.insert(&step.id, step.line) {
            problem(
                step.line,
                format!("duplicate step id '{}' (first on line {first})", step.id),
            );
        }
    }
    let endpoints: HashSet<&str> = inv.endpoints.iter().map(|e| e.id.as_str()).collect();
    for (line, reference) in references(s.body, s.body_line) {
        match reference {
            Piece::Endpoint(id) | Piece::IfHealthy(id) if !endpoints.contains(id) => {
                problem(line, format!("unknown endpoint '{id}'"))
            }
            Piece::Unknown(r) => problem(
                line,
                format!("unknown reference {r}: use {{{{endpoint:ID}}}} or {{{{if-healthy:ID}}}}"),
            ),
            _ => {}
        }
    }
    out
}

/// Every `{{…}}` in `body` that the renderer treats as a reference (so not in code spans, code
/// blocks or raw HTML), with its file line.
fn references(body: &str, body_line: usize) -> Vec<(usize, Piece<'_>)> {
    let mut out = Vec::new();
    let mut in_code_block = false;
    let mut lines = LineCounter::new(body, body_line);
    let events = Parser::new_ext(body, markdown_options()).into_offset_iter();
    for (event, range) in TextMergeWithOffset::new(events) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(_) if !in_code_block => {
                // The source, not the event text: references are plain ASCII, so they appear
                // there verbatim, and their offsets give their lines.
                let source = &body[range.clone()];
                let mut offset = 0;
                for piece in pieces(source) {
                    let len = match piece {
                        Piece::Text(t) | Piece::Unknown(t) => t.len(),
                        Piece::Endpoint(id) => id.len() + "{{endpoint:}}".len(),
                        Piece::IfHealthy(id) => id.len() + "{{if-healthy:}}".len(),
                    };
                    if !matches!(piece, Piece::Text(_)) {
                        out.push((lines.line_at(range.start + offset), piece));
                    }
                    offset += len;
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `path` is a runbook: a `.md` file other than a README.
pub fn is_runbook_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        && !path
            .file_stem()
            .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// Every runbook file under `dir` (skipping hidden folders and entries the scan refuses), as
/// `/`-separated relative paths, sorted.
pub fn runbook_files(dir: &Path) -> Result<Vec<String>, RunbookError> {
    Ok(scan(dir)?.files.into_iter().map(|e| e.file).collect())
}

/// Problems in every runbook under `dir`, including ids used by two files and the entries
/// that could not be read; sorted by file and line, each once.
pub fn check_dir(dir: &Path, inv: &Inventory) -> Result<Vec<Problem>, RunbookError> {
    Ok(check_folder(dir, inv)?.0)
}

/// [`check_dir`], and how many runbook files were checked.
pub fn check_folder(dir: &Path, inv: &Inventory) -> Result<(Vec<Problem>, usize), RunbookError> {
    if !dir.is_dir() {
        return Err(RunbookError::not_found(
            super::Missing::Folder,
            dir.display().to_string(),
        ));
    }
    let found = scan(dir)?;
    let mut problems = found.problems;
    let mut ids: HashMap<String, String> = HashMap::new();
    for entry in &found.files {
        let source = match read_entry(entry) {
            Ok(source) => source,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        problems.extend(check_source(&entry.file, &source, inv));
        problems.extend(duplicate_id(&mut ids, &entry.file, &source));
    }
    problems.sort();
    problems.dedup();
    Ok((problems, found.files.len()))
}

/// A file's content as text, or the problem that it is not UTF-8 (one such file must not stop
/// the rest of the folder from being checked or indexed).
pub(crate) fn text_of(file: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    String::from_utf8(bytes).map_err(|_| Problem {
        file: file.to_owned(),
        line: 1,
        message: "not UTF-8 text: save the file as UTF-8".into(),
    })
}

/// The problem of a runbook whose id an earlier file (in sorted order) already uses; records
/// the id otherwise. `ids` maps id → first file.
pub(crate) fn duplicate_id(
    ids: &mut HashMap<String, String>,
    file: &str,
    source: &str,
) -> Option<Problem> {
    let (fm, yaml_line) = super::parse::front_matter(file, source).ok()?;
    match ids.get(&fm.id) {
        Some(first) => Some(Problem {
            file: file.to_owned(),
            line: split(source)
                .yaml
                .and_then(|y| key_line(y, yaml_line, "id"))
                .unwrap_or(1),
            message: format!("duplicate runbook id '{}' (also in {first})", fm.id),
        }),
        None => {
            ids.insert(fm.id, file.to_owned());
            None
        }
    }
}

#[cfg(test)]
mod tests;
