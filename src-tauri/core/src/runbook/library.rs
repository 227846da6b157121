//! The runbook library: an index of the runbooks folder in SQLite, kept in step with the files,
//! with full-text search (FTS5) and the coverage the audit needs.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::check::check_source;
use super::front_matter::split;
use super::parse::front_matter;
use super::scan::{read_entry, scan, Entry};
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

/// The ids a runbook check looks up in the inventory, as one digest: a file's problem count
/// holds while this is unchanged.
fn inventory_key(inv: &Inventory) -> String {
    let mut h = Sha256::new();
    let lists: [Vec<&str>; 4] = [
        inv.vendors.iter().map(|v| v.id.as_str()).collect(),
        inv.endpoints.iter().map(|e| e.id.as_str()).collect(),
        inv.workflows.iter().map(|w| w.id.as_str()).collect(),
        inv.rotations.iter().map(|r| r.id.as_str()).collect(),
    ];
    for mut list in lists {
        list.sort_unstable();
        for id in list {
            h.update(id.as_bytes());
            h.update([0]);
        }
        h.update([1]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A modification time this close to now may yet be shared by a later write of the same
/// size (file systems keep coarse times): such a file is read again on the next sync.
const RACY_NS: i64 = 2_000_000_000;

/// One file as the index holds it.
struct Indexed {
    /// Empty when the row is damaged: it is then indexed again whatever the file's state.
    hash: String,
    size: Option<i64>,
    modified_ns: Option<i64>,
    checked_against: Option<String>,
    runbook_id: Option<String>,
    own_problems: i64,
    problems: i64,
}

/// What a sync does with one file of the folder.
enum Change {
    /// Size and time as indexed: nothing to read.
    Same,
    /// Read again, the same text checked against the same inventory: new size and time only.
    Touched,
    /// Checked again: a new problem count (the inventory changed).
    Rechecked { own_problems: i64 },
    /// New or changed content (or unreadable: `text` is `None`).
    Content {
        hash: String,
        text: Option<String>,
        own_problems: i64,
        runbook_id: Option<String>,
    },
}

/// Brings the index in step with the folder: new and changed files are (re)indexed, vanished
/// ones dropped. A file whose size and modification time are unchanged is not read; one whose
/// content is unchanged is not parsed again unless the inventory changed (its problem count
/// depends on it). Nothing is written when nothing changed.
pub fn sync(store: &Store, dir: &Path, inv: &Inventory) -> Result<SyncReport, RunbookError> {
    let files = if dir.is_dir() {
        scan(dir)?.files
    } else {
        Vec::new()
    };
    let known: HashMap<String, Indexed> = store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT file, hash, size, modified_ns, checked_against, runbook_id, own_problems, problems,
             failure_modes FROM runbook_files",
        )?;
        let rows = stmt.query_map([], |r| {
            let modes: String = r.get(8)?;
            // A row whose data cannot be read is indexed again from its file.
            let damaged = serde_json::from_str::<Vec<FailureMode>>(&modes).is_err();
            Ok((
                r.get(0)?,
                Indexed {
                    hash: if damaged { String::new() } else { r.get(1)? },
                    size: r.get(2)?,
                    modified_ns: r.get(3)?,
                    checked_against: r.get(4)?,
                    runbook_id: r.get(5)?,
                    own_problems: r.get(6)?,
                    problems: r.get(7)?,
                },
            ))
        })?;
        Ok::<_, RunbookError>(rows.collect::<Result<_, _>>()?)
    })?;
    let key = inventory_key(inv);
    let now_ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    let mut changes: Vec<(&Entry, Change)> = Vec::with_capacity(files.len());
    for entry in &files {
        let old = known.get(&entry.file);
        let size = i64::try_from(entry.size).unwrap_or(i64::MAX);
        let same_key = old.is_some_and(|o| o.checked_against.as_deref() == Some(key.as_str()));
        if same_key
            && old.is_some_and(|o| {
                !o.hash.is_empty()
                    && o.size == Some(size)
                    && o.modified_ns == Some(entry.modified_ns)
            })
        {
            changes.push((entry, Change::Same));
            continue;
        }
        let text = match read_entry(entry) {
            Ok(text) => Ok(text),
            // Deleted between the walk and the read: it is simply gone.
            Err(_) if !entry.path.exists() => continue,
            Err(problem) => Err(problem),
        };
        let hash = match &text {
            Ok(text) => version_of(text),
            Err(_) => String::new(),
        };
        let same_text = old.is_some_and(|o| o.hash == hash) && !hash.is_empty();
        changes.push((
            entry,
            match text {
                Ok(_) if same_text && same_key => Change::Touched,
                Ok(text) if same_text => Change::Rechecked {
                    own_problems: check_source(&entry.file, &text, inv).len() as i64,
                },
                Ok(text) => Change::Content {
                    hash,
                    own_problems: check_source(&entry.file, &text, inv).len() as i64,
                    runbook_id: front_matter(&entry.file, &text).ok().map(|(fm, _)| fm.id),
                    text: Some(text),
                },
                Err(_) => Change::Content {
                    hash,
                    text: None,
                    own_problems: 1,
                    runbook_id: None,
                },
            },
        ));
    }
    let files = changes;
    // A runbook id an earlier file (in sorted order) already uses counts against the later
    // file, as `check_dir` reports it; it needs every file's id, changed or not.
    let mut first_of_id: HashSet<&str> = HashSet::new();
    let mut totals = Vec::with_capacity(files.len());
    for (entry, change) in &files {
        let old = known.get(&entry.file);
        let (id, own) = match change {
            Change::Content {
                runbook_id,
                own_problems,
                ..
            } => (runbook_id.as_deref(), *own_problems),
            Change::Rechecked { own_problems } => {
                (old.and_then(|o| o.runbook_id.as_deref()), *own_problems)
            }
            Change::Same | Change::Touched => (
                old.and_then(|o| o.runbook_id.as_deref()),
                old.map_or(0, |o| o.own_problems),
            ),
        };
        let duplicate = id.is_some_and(|id| !first_of_id.insert(id));
        totals.push(own + i64::from(duplicate));
    }
    let present: HashSet<&str> = files.iter().map(|(e, _)| e.file.as_str()).collect();
    let removed: Vec<&String> = known
        .keys()
        .filter(|f| !present.contains(f.as_str()))
        .collect();
    let unchanged = removed.is_empty()
        && files.iter().zip(&totals).all(|((e, c), total)| {
            matches!(c, Change::Same) && known.get(&e.file).is_some_and(|o| o.problems == *total)
        });
    if unchanged {
        return Ok(SyncReport::default());
    }
    store.write(|tx| {
        let mut report = SyncReport::default();
        for file in removed {
            tx.execute("DELETE FROM runbook_files WHERE file = ?", [file])?;
            tx.execute("DELETE FROM runbook_search WHERE file = ?", [file])?;
            report.removed.push(file.clone());
        }
        for ((entry, change), problems) in files.iter().zip(&totals) {
            let size = i64::try_from(entry.size).unwrap_or(i64::MAX);
            // A time too close to now is not trusted: the next sync reads the file again.
            let modified = (entry.modified_ns < now_ns - RACY_NS).then_some(entry.modified_ns);
            match change {
                Change::Same => {
                    tx.execute(
                        "UPDATE runbook_files SET problems = ? WHERE file = ? AND problems != ?",
                        params![problems, entry.file, problems],
                    )?;
                }
                Change::Touched | Change::Rechecked { .. } => {
                    let own = match change {
                        Change::Rechecked { own_problems } => Some(*own_problems),
                        _ => None,
                    };
                    tx.execute(
                        "UPDATE runbook_files SET size = ?, modified_ns = ?, checked_against = ?,
                         own_problems = coalesce(?, own_problems), problems = ? WHERE file = ?",
                        params![size, modified, key, own, problems, entry.file],
                    )?;
                }
                Change::Content {
                    hash,
                    text,
                    own_problems,
                    ..
                } => {
                    match known.get(&entry.file) {
                        Some(_) => report.updated.push(entry.file.clone()),
                        None => report.added.push(entry.file.clone()),
                    }
                    let source = text.as_deref().unwrap_or_default();
                    index_content(
                        tx,
                        &entry.file,
                        source,
                        &Stat {
                            hash,
                            size,
                            modified,
                            key: &key,
                            own_problems: *own_problems,
                            problems: *problems,
                        },
                    )?;
                }
            }
        }
        Ok(report)
    })
}

/// What the index records about a file besides its content.
struct Stat<'a> {
    hash: &'a str,
    size: i64,
    modified: Option<i64>,
    key: &'a str,
    own_problems: i64,
    problems: i64,
}

fn index_content(
    tx: &rusqlite::Transaction,
    file: &str,
    source: &str,
    stat: &Stat,
) -> Result<(), RunbookError> {
    let fm = front_matter(file, source).ok().map(|(fm, _)| fm);
    let title = fm
        .as_ref()
        .map(|f| f.title.clone())
        .unwrap_or_else(|| file.to_owned());
    tx.execute(
        "INSERT OR REPLACE INTO runbook_files
         (file, runbook_id, title, vendor, failure_modes, workflows, owner, reviewed, hash, problems,
          size, modified_ns, checked_against, own_problems)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params![
            file,
            fm.as_ref().map(|f| &f.id),
            title,
            fm.as_ref().map(|f| &f.vendor),
            to_json(&fm.as_ref().map_or(&[][..], |f| &f.failure_modes[..])),
            to_json(&fm.as_ref().map_or(&[][..], |f| &f.workflows[..])),
            fm.as_ref().and_then(|f| f.owner.clone()),
            fm.as_ref().and_then(|f| f.reviewed.clone()),
            stat.hash,
            stat.problems,
            stat.size,
            stat.modified,
            stat.key,
            stat.own_problems,
        ],
    )?;
    tx.execute("DELETE FROM runbook_search WHERE file = ?", [file])?;
    tx.execute(
        "INSERT INTO runbook_search (file, title, body) VALUES (?, ?, ?)",
        params![file, title, searchable(split(source).body)],
    )?;
    Ok(())
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

/// The failure modes the index holds for `file`; data that cannot be read is an error, never
/// an empty list (which would make the audit report a gap that is not there, or hide one).
fn failure_modes(file: &str, json: &str) -> Result<Vec<FailureMode>, RunbookError> {
    serde_json::from_str(json).map_err(|e| RunbookError::DamagedIndex {
        file: file.to_owned(),
        detail: format!("failure modes {json:?} cannot be read ({e})"),
    })
}

fn summary(
    r: &rusqlite::Row,
    snippet: Option<String>,
) -> rusqlite::Result<(RunbookSummary, String)> {
    Ok((
        RunbookSummary {
            file: r.get(0)?,
            id: r.get(1)?,
            title: r.get(2)?,
            vendor: r.get(3)?,
            failure_modes: Vec::new(),
            problems: r.get(5)?,
            snippet,
        },
        r.get(4)?,
    ))
}

/// Rows of [`summary`] with their failure modes read.
fn summaries(
    rows: impl Iterator<Item = rusqlite::Result<(RunbookSummary, String)>>,
) -> Result<Vec<RunbookSummary>, RunbookError> {
    rows.map(|row| {
        let (mut s, modes) = row?;
        s.failure_modes = failure_modes(&s.file, &modes)?;
        Ok(s)
    })
    .collect()
}

/// Runbooks matching `q`: by relevance for text searches, else by title.
pub fn search(store: &Store, q: &RunbookQuery) -> Result<Vec<RunbookSummary>, RunbookError> {
    let text = q.text.as_deref().and_then(fts_query);
    let vendor = q.vendor.as_deref().filter(|v| !v.is_empty());
    let mode = q.failure_mode;
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
                summaries(rows)?
            }
            None => {
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM runbook_files f WHERE {filters}
                     ORDER BY f.title COLLATE NOCASE, f.file"
                );
                let mut stmt = c.prepare_cached(&sql)?;
                let rows = stmt.query_map(params![vendor, mode], |r| summary(r, None))?;
                summaries(rows)?
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
            "SELECT file, vendor, failure_modes FROM runbook_files WHERE runbook_id IS NOT NULL AND vendor IS NOT NULL",
        )?;
        let mut out: HashMap<String, HashSet<FailureMode>> = HashMap::new();
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (file, vendor, modes) = row?;
            out.entry(vendor)
                .or_default()
                .extend(failure_modes(&file, &modes)?);
        }
        Ok(out)
    })
}

#[cfg(test)]
mod tests;
