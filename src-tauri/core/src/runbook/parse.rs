//! Reading a runbook: front matter, `##` sections, and task-list steps with stable ids.

use std::collections::HashMap;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::front_matter::split;
use super::model::{FrontMatter, ParsedRunbook, Problem, Step};
use super::refs::{pieces, split_pin, Piece};
use super::render::{markdown_options, step_conditions};
use crate::slug::{slugify, slugify_words};

/// Steps before any `##` heading belong to this section.
pub const GENERAL_SECTION: &str = "General";

/// Lines of byte offsets in one text, asked in (mostly) increasing order: each question
/// counts only the newlines since the previous one, so a whole file costs one pass instead of
/// one pass per question.
pub(crate) struct LineCounter<'a> {
    text: &'a [u8],
    /// The last offset asked about, and its line.
    at: usize,
    line: usize,
    first_line: usize,
}

impl<'a> LineCounter<'a> {
    /// Lines of `text` are numbered from `first_line`.
    pub(crate) fn new(text: &'a str, first_line: usize) -> Self {
        Self {
            text: text.as_bytes(),
            at: 0,
            line: first_line,
            first_line,
        }
    }

    /// 1-based line of byte `offset`.
    pub(crate) fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            // Out of order: start over (never happens for parser events, which go forward).
            self.at = 0;
            self.line = self.first_line;
        }
        self.line += self.text[self.at..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = offset;
        self.line
    }
}

/// Front matter keys, in the order the README lists them.
pub const KEYS: [&str; 7] = [
    "id",
    "title",
    "vendor",
    "failure_modes",
    "workflows",
    "owner",
    "reviewed",
];
/// Keys every runbook must have.
pub const REQUIRED_KEYS: [&str; 4] = ["id", "title", "vendor", "failure_modes"];

/// File line of the top-level `key:` in front matter `yaml` that starts on `yaml_line`.
pub(crate) fn key_line(yaml: &str, yaml_line: usize, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| yaml_line + i)
}

/// File line of every top-level `key:` in front matter `yaml` that starts on `yaml_line` (the
/// first, for a key written twice).
pub(crate) fn key_lines(yaml: &str, yaml_line: usize) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    for (i, l) in yaml.lines().enumerate() {
        if let Some((key, _)) = l.split_once(':') {
            if !key.is_empty() && !key.starts_with([' ', '\t', '#', '-']) {
                out.entry(key.trim_end()).or_insert(yaml_line + i);
            }
        }
    }
    out
}

/// Parses the front matter; problems carry file lines. Unknown and missing keys are each a
/// problem of their own, so one look at the list shows everything to fix.
pub fn front_matter(file: &str, source: &str) -> Result<(FrontMatter, usize), Vec<Problem>> {
    let s = split(source);
    let problem = |line, message: String| Problem {
        file: file.to_owned(),
        line,
        message,
    };
    let Some(yaml) = s.yaml else {
        let msg = if s.unterminated {
            "front matter is not closed: add a line `---` after it"
        } else {
            "missing front matter: start the file with `---`, the keys id, title, vendor, failure_modes, then `---`"
        };
        return Err(vec![problem(1, msg.into())]);
    };
    let yaml_error = |e: serde_yaml_ng::Error| {
        let line = e
            .location()
            .map_or(s.yaml_line, |l| s.yaml_line + l.line().saturating_sub(1));
        let msg = e.to_string();
        // serde_yaml_ng appends " at line N column M"; the line is already ours.
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        vec![problem(line, format!("front matter: {msg}"))]
    };
    // The closing `---`: where a missing key would go.
    let closing_line = s.body_line - 1;
    let value: serde_yaml_ng::Value = crate::yaml::from_str_bounded(yaml).map_err(yaml_error)?;
    let keys: Vec<String> = match &value {
        serde_yaml_ng::Value::Mapping(m) => m
            .keys()
            .map(|k| match k {
                serde_yaml_ng::Value::String(s) => s.clone(),
                other => serde_yaml_ng::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            })
            .collect(),
        serde_yaml_ng::Value::Null => Vec::new(),
        _ => {
            return Err(vec![problem(
                s.yaml_line,
                "front matter must be `key: value` lines (id, title, vendor, failure_modes, …)"
                    .into(),
            )])
        }
    };
    let mut problems = Vec::new();
    // Lines of all keys in one pass: one search per unknown key would be quadratic.
    let lines = key_lines(yaml, s.yaml_line);
    for key in keys.iter().filter(|k| !KEYS.contains(&k.as_str())) {
        problems.push(problem(
            lines.get(key.as_str()).copied().unwrap_or(s.yaml_line),
            format!(
                "unknown front matter key '{key}' (known keys: {})",
                KEYS.join(", ")
            ),
        ));
    }
    for key in REQUIRED_KEYS
        .iter()
        .filter(|k| !keys.iter().any(|x| x == *k))
    {
        problems.push(problem(
            closing_line,
            format!("front matter is missing the required key '{key}'"),
        ));
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    // Keys are right; what is left are wrong values, which serde locates.
    crate::yaml::from_str_bounded::<FrontMatter>(yaml)
        .map(|fm| (fm, s.yaml_line))
        .map_err(yaml_error)
}

/// Sections and steps of a markdown body.
pub fn steps(body: &str, body_line: usize) -> (Vec<String>, Vec<Step>) {
    let mut sections = Vec::new();
    let mut steps = Vec::new();
    let mut section = GENERAL_SECTION.to_owned();
    let mut heading: Option<String> = None;
    // (text start, line, the text as read: what the id is made of)
    let mut open_step: Option<(usize, usize, String)> = None;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut lines = LineCounter::new(body, body_line);
    let mut finish = |(start, line, plain): (usize, usize, String),
                      end: usize,
                      section: &str,
                      steps: &mut Vec<Step>| {
        let raw = body[start..end.max(start)].trim();
        let (text, pin) = split_pin(raw);
        // Read as the renderer reads them, so the walk and the page agree on a step.
        let conditions = step_conditions(text);
        let mut endpoints: Vec<String> = Vec::new();
        for piece in pieces(text) {
            match piece {
                Piece::Endpoint(id) if !endpoints.iter().any(|e| e == id) => {
                    endpoints.push(id.to_owned())
                }
                _ => {}
            }
        }
        let id = match pin {
            Some(p) => p.to_owned(),
            None => {
                let base = format!(
                    "{}/{}",
                    non_empty(slugify(section), "section"),
                    non_empty(slugify_words(&id_words(&plain), 8), "step")
                );
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                if *n == 1 {
                    base
                } else {
                    format!("{base}-{n}")
                }
            }
        };
        steps.push(Step {
            id,
            section: section.to_owned(),
            text: text.to_owned(),
            line,
            endpoints,
            conditions,
            pinned: pin.is_some(),
        });
    };
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                section = heading.take().unwrap_or_default().trim().to_owned();
                sections.push(section.clone());
            }
            Event::TaskListMarker(_) => {
                let line = lines.line_at(range.start);
                open_step = Some((range.end, line, String::new()));
            }
            Event::Text(t) | Event::Code(t) if open_step.is_some() => {
                if let Some((_, _, plain)) = open_step.as_mut() {
                    plain.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak if open_step.is_some() => {
                if let Some((_, _, plain)) = open_step.as_mut() {
                    plain.push(' ');
                }
            }
            // The step's text runs to the end of its paragraph, or to a nested list.
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                if let Some(open) = open_step.take() {
                    finish(open, range.end, &section, &mut steps);
                }
            }
            Event::Start(Tag::List(_)) => {
                if let Some(open) = open_step.take() {
                    finish(open, range.start, &section, &mut steps);
                }
            }
            _ => {}
        }
    }
    (sections, steps)
}

/// The words a step's id is made of: its text as read (no markup, link targets or pin), with
/// each `{{endpoint:ID}}` as its ID and `{{if-healthy:…}}` conditions left out.
fn id_words(plain: &str) -> String {
    let (plain, _) = split_pin(plain);
    let words: Vec<&str> = pieces(plain)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Unknown(t) => t,
            Piece::Endpoint(id) => id,
            Piece::IfHealthy(_) => "",
        })
        .collect();
    words.join(" ")
}

fn non_empty(s: String, fallback: &str) -> String {
    if s.is_empty() {
        fallback.to_owned()
    } else {
        s
    }
}

/// Parses a whole runbook file. Fails only when the front matter cannot be read.
pub fn parse(file: &str, source: &str) -> Result<ParsedRunbook, Vec<Problem>> {
    let (front, _) = front_matter(file, source)?;
    let s = split(source);
    let (sections, steps) = steps(s.body, s.body_line);
    Ok(ParsedRunbook {
        file: file.to_owned(),
        front,
        sections,
        steps,
    })
}

#[cfg(test)]
mod tests;
