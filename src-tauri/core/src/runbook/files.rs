//! Runbook files on disk: safe names, atomic saves, and conflict detection.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::library::version_of;
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

/// `file` inside `dir`, if it is a plain relative `.md` path without `..` or hidden parts.
pub fn resolve(dir: &Path, file: &str) -> Result<PathBuf, RunbookError> {
    let bad = || RunbookError::BadPath(file.to_owned());
    let rel = Path::new(file);
    let plain = rel.components().all(|c| match c {
        Component::Normal(p) => !p.to_string_lossy().starts_with('.'),
        _ => false,
    });
    if file.is_empty() || file.contains('\\') || !plain || !super::check::is_runbook_file(rel) {
        return Err(bad());
    }
    Ok(dir.join(rel))
}

pub fn read(dir: &Path, file: &str) -> Result<Document, RunbookError> {
    let path = resolve(dir, file)?;
    let content = std::fs::read_to_string(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            RunbookError::not_found(super::Missing::File, file)
        } else {
            RunbookError::io(&path, e)
        }
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
    let disk = match std::fs::read_to_string(&path) {
        Ok(c) => Some(version_of(&c)),
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
        if dir.join(&file).exists() {
            continue;
        }
        return save(dir, &file, &template(&id, title, vendor), None);
    }
    unreachable!("some file name is free")
}

#[cfg(test)]
mod tests;
