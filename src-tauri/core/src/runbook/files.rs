//! Runbook files on disk: safe names, atomic saves, and conflict detection.

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::library::{version_of, version_of_bytes};
use super::scan::MAX_RUNBOOK_BYTES;
use super::RunbookError;
use crate::slug::slugify;

/// A runbook file's content and the version it was read at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Document {
    /// Relative to the runbooks folder, `/`-separated.
    pub file: String,
    pub content: String,
    /// sha256 of `content`; a save must name the version it edited.
    pub version: String,
}

/// `file` inside `dir`, if it is a plain relative `.md` path without `..` or hidden parts,
/// that stays inside `dir` (see [`contain`]).
pub fn resolve(dir: &Path, file: &str) -> Result<PathBuf, RunbookError> {
    let bad = || RunbookError::BadPath(file.to_owned());
    let rel = Path::new(file);
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    if hidden || !super::check::is_runbook_file(rel) {
        return Err(bad());
    }
    contain(dir, file)
}

/// The one rule for a path inside the runbooks folder, used by everything that opens, saves
/// or serves a file there: `rel` is relative, with only plain parts (no `..`, no root, no
/// backslash), and no symbolic link on the way leads outside `root` or to nothing. Returns
/// the real path (a link inside the folder resolved to its target, so a save writes the
/// target and keeps the link); for a path that does not exist yet, its real folder joined
/// with the rest.
pub fn contain(root: &Path, rel: &str) -> Result<PathBuf, RunbookError> {
    let plain = !rel.is_empty()
        && !rel.contains(['\\', '\0'])
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        return Err(RunbookError::BadPath(rel.to_owned()));
    }
    let root = match root.canonicalize() {
        Ok(root) => root,
        // Nothing in a folder that does not exist yet can lead anywhere.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(root.join(rel)),
        Err(e) => return Err(RunbookError::io(root, e)),
    };
    let full = root.join(rel);
    // The deepest part of the path that exists: everything up to it must resolve inside.
    let mut existing = full.as_path();
    loop {
        match existing.symlink_metadata() {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                existing = existing.parent().unwrap_or(&root);
            }
            Err(e) => return Err(RunbookError::io(existing, e)),
        }
    }
    let outside = || RunbookError::OutsideFolder(rel.to_owned());
    let real = existing.canonicalize().map_err(|_| outside())?;
    if !real.starts_with(&root) {
        return Err(outside());
    }
    let rest = full.strip_prefix(existing).unwrap_or(Path::new(""));
    Ok(if rest.as_os_str().is_empty() {
        real
    } else {
        real.join(rest)
    })
}

/// Reads a runbook's text from `path`, refusing a file larger than [`MAX_RUNBOOK_BYTES`]
/// (without reading past the limit) or one that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, RunbookError> {
    let io = |e| RunbookError::io(path, e);
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_RUNBOOK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_RUNBOOK_BYTES {
        return Err(RunbookError::TooLarge {
            file: path.display().to_string(),
            limit: MAX_RUNBOOK_BYTES,
        });
    }
    String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

pub fn read(dir: &Path, file: &str) -> Result<Document, RunbookError> {
    let path = resolve(dir, file)?;
    let content = read_text(&path).map_err(|e| match e {
        RunbookError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            RunbookError::not_found(super::Missing::File, file)
        }
        RunbookError::TooLarge { limit, .. } => RunbookError::TooLarge {
            file: file.to_owned(),
            limit,
        },
        other => other,
    })?;
    Ok(Document {
        file: file.to_owned(),
        version: version_of(&content),
        content,
    })
}

/// Saves `content` if the file on disk is still at `base_version` (`None`: the file must not
/// exist yet). Otherwise nothing is written and the caller gets `Conflict`. The write goes to
/// a temporary file in the same folder, is synced, then renamed over the old one.
pub fn save(
    dir: &Path,
    file: &str,
    content: &str,
    base_version: Option<&str>,
) -> Result<Document, RunbookError> {
    let path = resolve(dir, file)?;
    if content.len() as u64 > MAX_RUNBOOK_BYTES {
        return Err(RunbookError::TooLarge {
            file: file.to_owned(),
            limit: MAX_RUNBOOK_BYTES,
        });
    }
    // The version of what is there, whatever its size or encoding: only an exact match saves.
    let disk = match std::fs::read(&path) {
        Ok(c) => Some(version_of_bytes(&c)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(RunbookError::io(&path, e)),
    };
    if disk.as_deref() != base_version {
        return Err(RunbookError::Conflict {
            file: file.to_owned(),
            disk_version: disk.unwrap_or_default(),
        });
    }
    write_atomically(&path, content.as_bytes())?;
    Ok(Document {
        file: file.to_owned(),
        content: content.to_owned(),
        version: version_of(content),
    })
}

/// Prefix of the temporary files a save writes; the watcher ignores them.
pub const TEMP_PREFIX: &str = ".brownout-save-";

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), RunbookError> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(|e| RunbookError::io(folder, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(folder)
        .map_err(|e| RunbookError::io(folder, e))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| RunbookError::io(tmp.path(), e))?;
    tmp.persist(path)
        .map_err(|e| RunbookError::io(path, e.error))?;
    // The rename itself must reach the disk too.
    if let Ok(d) = std::fs::File::open(folder) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// `text` as a YAML scalar: plain when it reads back unchanged, else double-quoted (a JSON
/// string is a valid YAML one), so a title like `OpenAI: quota # 2` stays one string.
fn yaml_scalar(text: &str) -> String {
    match serde_yaml_ng::from_str::<serde_yaml_ng::Value>(text) {
        Ok(serde_yaml_ng::Value::String(s)) if s == text => text.to_owned(),
        _ => serde_json::Value::String(text.to_owned()).to_string(),
    }
}

/// The starter every new runbook gets: front matter filled in, one section per failure mode.
pub fn template(id: &str, title: &str, vendor: &str) -> String {
    format!(
        "---
id: {id}
title: {title_yaml}
vendor: {vendor_yaml}
failure_modes: [throttled, unavailable, slow]
workflows: []
reviewed: {today}
---
# {title}

## Confirm

- [ ] Check the live probes and the vendor's status page
- [ ] Compare error rates and latency with the usual for this hour

## Throttled (429s, quota)

- [ ] Note the `Retry-After` header and which limit was hit (requests, tokens, spend)
- [ ] Shift traffic to the next healthy fallback

## Unavailable (5xx, timeouts)

- [ ] Shift traffic to the next healthy fallback
- [ ] Post the customer message for affected workflows

## Slow (latency above the SLO)

- [ ] Compare p95 latency with the endpoint's SLO
- [ ] Lower timeouts or move latency-sensitive workflows to the fallback

## Step back

- [ ] When probes are healthy for 15 minutes, return traffic gradually
",
        title_yaml = yaml_scalar(title),
        vendor_yaml = yaml_scalar(vendor),
        today = chrono::Utc::now().format("%Y-%m-%d")
    )
}

/// Creates a new runbook from the template, in a file named after the title (made unique).
pub fn create_from_template(
    dir: &Path,
    title: &str,
    vendor: &str,
) -> Result<Document, RunbookError> {
    let title = title.trim();
    if title.is_empty() || title.contains(['\n', '\r']) {
        return Err(RunbookError::Invalid(vec![super::Problem {
            file: String::new(),
            line: 0,
            message: "a new runbook needs a one-line title".into(),
        }]));
    }
    let base = match slugify(title) {
        s if s.is_empty() => "runbook".to_owned(),
        s => s,
    };
    let vendor = if vendor.trim().is_empty() {
        "any"
    } else {
        vendor.trim()
    };
    std::fs::create_dir_all(dir).map_err(|e| RunbookError::io(dir, e))?;
    for n in 1.. {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let file = format!("{id}.md");
        // Any entry counts as taken, a link that leads nowhere too.
        if dir.join(&file).symlink_metadata().is_ok() {
            continue;
        }
        return save(dir, &file, &template(&id, title, vendor), None);
    }
    unreachable!("some file name is free")
}

#[cfg(test)]
mod tests;
