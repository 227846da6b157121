//! The runbook library: an index of the runbooks folder in SQLite, kept in step with the files,
//! with full-text search (FTS5) and the coverage the audit needs.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::check::{check_source, duplicate_id, runbook_files, text_of};
use super::front_matter::split;
use super::parse::front_matter;
use super::RunbookError;
use crate::inventory::{FailureMode, Inventory};
use crate::store::Store;

/// What the list shows for one runbook file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RunbookSummary {
    pub file: String,
    /// `None` while the front matter cannot be read.
    #[ts(optional)]
    pub id: Option<String>,
    pub title: String,
    #[ts(optional)]
    pub vendor: Option<String>,
    pub failure_modes: Vec<FailureMode>,
    pub problems: u32,
    /// For text searches: matching words wrapped in U+0002 … U+0003 (plain text, no markup).
    #[ts(optional)]
    pub snippet: Option<String>,
}

/// A list request; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RunbookQuery {
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
    /// Matches runbooks for this vendor and those for `any`.
    #[serde(default)]
    #[ts(optional)]
    pub vendor: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub failure_mode: Option<FailureMode>,
}

/// What a sync changed, as relative file paths.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub removed: Vec<String>,
}

impl SyncReport {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// Hex sha256 of a runbook's content: its version for conflict checks.
pub fn version_of(content: &str) -> String {
    version_of_bytes(content.as_bytes())
}

pub(crate) fn version_of_bytes(content: &[u8]) -> String {
    Sha256::digest(content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Brings the index in step with the folder: new and changed files are (re)indexed, vanished
/// ones dropped, and every problem count refreshed against `inv`. One write transaction.
pub fn sync(store: &Store, dir: &Path, inv: &Inventory) -> Result<SyncReport, RunbookError> {
    let files = if dir.is_dir() {
        runbook_files(dir)?
    } else {
        Vec::new()
    };
    // (file, content hash, text or why it is not text, problem count); in sorted file order,
    // so a duplicate id counts against the later file, as `check_dir` reports it.
    let mut read = Vec::with_capacity(files.len());
    let mut ids = HashMap::new();
    for file in files {
        let path = dir.join(&file);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            // Deleted between listing and reading: it is simply gone.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(RunbookError::io(&path, e)),
        };
        let hash = version_of_bytes(&bytes);
        let text = text_of(&file, bytes);
        let problems = match &text {
            Ok(source) => {
                check_source(&file, source, inv).len()
                    + usize::from(duplicate_id(&mut ids, &file, source).is_some())
            }
            Err(_) => 1,
        };
        read.push((file, hash, text.ok(), problems as i64));
    }
    store.write(|tx| {
        let mut report = SyncReport::default();
        let known: HashMap<String, String> = tx
            .prepare("SELECT file, hash FROM runbook_files")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let present: HashSet<&str> = read.iter().map(|(f, ..)| f.as_str()).collect();
        for file in known.keys().filter(|f| !present.contains(f.as_str())) {
            tx.execute("DELETE FROM runbook_files WHERE file = ?", [file])?;
            tx.execute("DELETE FROM runbook_search WHERE file = ?", [file])?;
            report.removed.push(file.clone());
        }
        for (file, hash, source, problems) in &read {
            match known.get(file) {
                Some(h) if h == hash => {
                    tx.execute(
                        "UPDATE runbook_files SET problems = ? WHERE file = ?",
                        params![problems, file],
                    )?;
                    continue;
                }
                Some(_) => report.updated.push(file.clone()),
                None => report.added.push(file.clone()),
            }
            let source = source.as_deref().unwrap_or_default();
            let fm = front_matter(file, source).ok().map(|(fm, _)| fm);
            let title = fm
                .as_ref()
                .map(|f| f.title.clone())
                .unwrap_or_else(|| file.clone());
            tx.execute(
                "INSERT OR REPLACE INTO runbook_files
                 (file, runbook_id, title, vendor, failure_modes, workflows, owner, reviewed, hash, problems)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                params![
                    file,
                    fm.as_ref().map(|f| &f.id),
                    title,
                    fm.as_ref().map(|f| &f.vendor),
                    to_json(&fm.as_ref().map_or(&[][..], |f| &f.failure_modes[..])),
                    to_json(&fm.as_ref().map_or(&[][..], |f| &f.workflows[..])),
                    fm.as_ref().and_then(|f| f.owner.clone()),
                    fm.as_ref().and_then(|f| f.reviewed.clone()),
                    hash,
                    problems,
                ],
            )?;
            tx.execute("DELETE FROM runbook_search WHERE file = ?", [file])?;
            tx.execute(
                "INSERT INTO runbook_search (file, title, body) VALUES (?, ?, ?)",
                params![file, title, searchable(split(source).body)],
            )?;
        }
        Ok(report)
    })
}

/// Snippets mark matches with U+0002/U+0003; the same characters in a file would fake a match.
fn searchable(body: &str) -> String {
    body.replace([SNIPPET_START, SNIPPET_END], "")
}

/// Around each match in [`RunbookSummary::snippet`].
pub const SNIPPET_START: char = '\u{2}';
pub const SNIPPET_END: char = '\u{3}';

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Turns what a person types into an FTS5 query that cannot be a syntax error: every word
/// quoted, all required, the last one as a prefix (so results follow typing).
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (last, rest) = words.split_last()?;
    let mut q: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    q.push(format!("\"{last}\"*"));
    Some(q.join(" "))
}

const SUMMARY_COLUMNS: &str =
    "f.file, f.runbook_id, f.title, f.vendor, f.failure_modes, f.problems";

fn summary(r: &rusqlite::Row, snippet: Option<String>) -> rusqlite::Result<RunbookSummary> {
    let modes: String = r.get(4)?;
    Ok(RunbookSummary {
        file: r.get(0)?,
        id: r.get(1)?,
        title: r.get(2)?,
        vendor: r.get(3)?,
        failure_modes: serde_json::from_str(&modes).unwrap_or_default(),
        problems: r.get(5)?,
        snippet,
    })
}

/// Runbooks matching `q`: by relevance for text searches, else by title.
pub fn search(store: &Store, q: &RunbookQuery) -> Result<Vec<RunbookSummary>, RunbookError> {
    let text = q.text.as_deref().and_then(fts_query);
    let vendor = q.vendor.as_deref().filter(|v| !v.is_empty());
    let mode = q.failure_mode.map(|m| m.as_str());
    let filters = "(?1 IS NULL OR f.vendor = ?1 OR f.vendor = 'any')
         AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(f.failure_modes) WHERE value = ?2))";
    store.read(|c| {
        let rows = match &text {
            Some(fts) => {
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS}, snippet(runbook_search, 2, char(2), char(3), '…', 12)
                     FROM runbook_search s JOIN runbook_files f ON f.file = s.file
                     WHERE runbook_search MATCH ?3 AND {filters}
                     ORDER BY bm25(runbook_search, 0.0, 5.0, 1.0) LIMIT 200"
                );
                let mut stmt = c.prepare_cached(&sql)?;
                let rows = stmt.query_map(params![vendor, mode, fts], |r| summary(r, r.get(6)?))?;
                rows.collect::<Result<Vec<_>, _>>()?
            }
            None => {
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM runbook_files f WHERE {filters}
                     ORDER BY f.title COLLATE NOCASE, f.file"
                );
                let mut stmt = c.prepare_cached(&sql)?;
                let rows = stmt.query_map(params![vendor, mode], |r| summary(r, None))?;
                rows.collect::<Result<Vec<_>, _>>()?
            }
        };
        Ok(rows)
    })
}

/// The file that holds runbook `id`, if indexed.
pub fn file_of(store: &Store, id: &str) -> Result<Option<String>, RunbookError> {
    store.read(|c| {
        Ok(c.query_row(
            "SELECT file FROM runbook_files WHERE runbook_id = ? ORDER BY file LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
    })
}

/// Vendor id (or `any`) → failure modes some runbook covers, for the audit.
pub fn coverage(store: &Store) -> Result<HashMap<String, HashSet<FailureMode>>, RunbookError> {
    store.read(|c| {
        let mut stmt = c.prepare(
            "SELECT vendor, failure_modes FROM runbook_files WHERE runbook_id IS NOT NULL AND vendor IS NOT NULL",
        )?;
        let mut out: HashMap<String, HashSet<FailureMode>> = HashMap::new();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (vendor, modes) = row?;
            let modes: Vec<FailureMode> = serde_json::from_str(&modes).unwrap_or_default();
            out.entry(vendor).or_default().extend(modes);
        }
        Ok(out)
    })
}

#[cfg(test)]
mod tests;
