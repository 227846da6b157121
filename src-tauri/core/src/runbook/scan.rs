//! Walking the runbooks folder: every runbook file in it, and a problem for every entry that
//! cannot be taken in (a name that is not UTF-8, a link that leaves the folder or leads
//! nowhere, something that is not a regular file, a folder or file that cannot be read). One
//! bad entry never hides the rest.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::check::is_runbook_file;
use super::model::Problem;
use super::RunbookError;

/// The largest runbook file read, in bytes. Real runbooks are a few KB; this keeps one
/// mistaken file (a log, a dump) from stalling the check, the index and the app.
pub const MAX_RUNBOOK_BYTES: u64 = 8 * 1024 * 1024;

/// One runbook file found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Relative to the folder, `/`-separated, as the folder shows it (a link's own name).
    pub file: String,
    /// Where its content is (the target of a link inside the folder).
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (0 when the system has none).
    pub modified_ns: i64,
}

/// What a walk of the folder found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Sorted by file.
    pub files: Vec<Entry>,
    /// Entries that were left out, each with why.
    pub problems: Vec<Problem>,
}

fn entry_problem(file: String, message: impl Into<String>) -> Problem {
    Problem {
        file,
        line: 0,
        message: message.into(),
    }
}

fn modified_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

struct Walk {
    root: PathBuf,
    /// Real paths of the folders being walked, outermost first: a link back up to one of them
    /// must not loop forever.
    open: Vec<PathBuf>,
    out: Scan,
}

impl Walk {
    fn folder(&mut self, real: &Path, rel: &str) {
        if self.open.iter().any(|p| p == real) {
            return;
        }
        self.open.push(real.to_path_buf());
        self.entries(real, rel);
        self.open.pop();
    }

    fn entries(&mut self, real: &Path, rel: &str) {
        let shown = |name: &str| {
            if rel.is_empty() {
                name.to_owned()
            } else {
                format!("{rel}/{name}")
            }
        };
        let entries = match std::fs::read_dir(real) {
            Ok(entries) => entries,
            Err(e) if rel.is_empty() => {
                self.out.problems.push(entry_problem(
                    ".".into(),
                    format!("cannot read the runbooks folder: {e}"),
                ));
                return;
            }
            Err(e) => {
                self.out.problems.push(entry_problem(
                    rel.to_owned(),
                    format!("cannot read this folder: {e}; its runbooks were not checked"),
                ));
                return;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.out.problems.push(entry_problem(
                        if rel.is_empty() {
                            ".".into()
                        } else {
                            rel.to_owned()
                        },
                        format!("cannot list this folder to the end: {e}"),
                    ));
                    break;
                }
            };
            let os_name = entry.file_name();
            if os_name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = real.join(&os_name);
            let Some(name) = os_name.to_str() else {
                // Only names that matter: a runbook file or a folder that may hold some.
                let folder = entry.file_type().is_ok_and(|t| t.is_dir());
                if folder || is_runbook_file(&path) {
                    self.out.problems.push(entry_problem(
                        shown(&os_name.to_string_lossy()),
                        "the name is not UTF-8: rename it; it was not checked",
                    ));
                }
                continue;
            };
            let file = shown(name);
            let kind = match entry.file_type() {
                Ok(kind) => kind,
                Err(e) => {
                    self.out
                        .problems
                        .push(entry_problem(file, format!("cannot be read: {e}")));
                    continue;
                }
            };
            let (target, meta) = if kind.is_symlink() {
                match self.link(&path, &file) {
                    Some(found) => found,
                    None => continue,
                }
            } else {
                match std::fs::metadata(&path) {
                    Ok(meta) => (path, meta),
                    Err(e) => {
                        self.out
                            .problems
                            .push(entry_problem(file, format!("cannot be read: {e}")));
                        continue;
                    }
                }
            };
            if meta.is_dir() {
                self.folder(&target, &file);
            } else if !is_runbook_file(Path::new(name)) {
                // Images and notes beside the runbooks are none of the check's business.
                continue;
            } else if meta.is_file() {
                self.out.files.push(Entry {
                    file,
                    path: target,
                    size: meta.len(),
                    modified_ns: modified_ns(&meta),
                });
            } else {
                self.out.problems.push(entry_problem(
                    file,
                    "not a regular file (a pipe, socket or device): not read",
                ));
            }
        }
    }

    /// Where the link at `path` leads, if it stays inside the folder; a problem otherwise
    /// (for entries that could be runbooks or folders).
    fn link(&mut self, path: &Path, file: &str) -> Option<(PathBuf, std::fs::Metadata)> {
        let matters = |meta: Option<&std::fs::Metadata>| {
            meta.is_some_and(|m| m.is_dir())
                || is_runbook_file(path)
                || (meta.is_none() && path.extension().is_none())
        };
        match path.canonicalize() {
            Ok(target) if target.starts_with(&self.root) => match std::fs::metadata(&target) {
                Ok(meta) => Some((target, meta)),
                Err(e) => {
                    self.out.problems.push(entry_problem(
                        file.to_owned(),
                        format!("cannot be read: {e}"),
                    ));
                    None
                }
            },
            Ok(target) => {
                if matters(std::fs::metadata(&target).ok().as_ref()) {
                    self.out.problems.push(entry_problem(
                        file.to_owned(),
                        format!(
                            "a link that leads outside the runbooks folder (to {}): not followed",
                            target.display()
                        ),
                    ));
                }
                None
            }
            Err(e) => {
                if matters(None) {
                    self.out.problems.push(entry_problem(
                        file.to_owned(),
                        format!("a link that leads nowhere readable ({e}): not followed"),
                    ));
                }
                None
            }
        }
    }
}

/// Walks `dir` (skipping hidden entries). Fails only when `dir` itself is not a folder that
/// can be found; everything below it that cannot be taken in is a problem of the scan.
pub fn scan(dir: &Path) -> Result<Scan, RunbookError> {
    let root = dir.canonicalize().map_err(|e| RunbookError::io(dir, e))?;
    let mut walk = Walk {
        root: root.clone(),
        open: Vec::new(),
        out: Scan::default(),
    };
    walk.folder(&root, "");
    walk.out.files.sort_by(|a, b| a.file.cmp(&b.file));
    walk.out.problems.sort();
    walk.out.problems.dedup();
    Ok(walk.out)
}

/// The text of a runbook file found by [`scan`], or the problem that keeps it from being read:
/// too large, unreadable, or not UTF-8.
pub fn read_entry(entry: &Entry) -> Result<String, Problem> {
    let problem = |message: String| Problem {
        file: entry.file.clone(),
        line: 0,
        message,
    };
    let too_large = || {
        problem(format!(
            "the file is larger than {} MiB, the most a runbook may be: split it; it was not read",
            MAX_RUNBOOK_BYTES / (1024 * 1024)
        ))
    };
    if entry.size > MAX_RUNBOOK_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(entry.size as usize);
    std::fs::File::open(&entry.path)
        // One more byte than allowed tells a file that grew past the limit since the walk.
        .and_then(|f| f.take(MAX_RUNBOOK_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| problem(format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_RUNBOOK_BYTES {
        return Err(too_large());
    }
    super::check::text_of(&entry.file, bytes)
}

#[cfg(test)]
mod tests;
