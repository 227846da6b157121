//! The runbooks Brownout ships (the repo's `runbooks/` folder, embedded at build time), and
//! their installation into a workspace's runbooks folder without ever overwriting the user's
//! edits.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::files::{contain, write_atomically};
use super::library::version_of;
use super::RunbookError;

/// (file name, content) of every shipped runbook.
pub const SHIPPED: &[(&str, &str)] = &[
    ("openai.md", include_str!("../../../../runbooks/openai.md")),
    (
        "anthropic.md",
        include_str!("../../../../runbooks/anthropic.md"),
    ),
    (
        "google-gemini.md",
        include_str!("../../../../runbooks/google-gemini.md"),
    ),
    (
        "azure-openai.md",
        include_str!("../../../../runbooks/azure-openai.md"),
    ),
    (
        "aws-bedrock.md",
        include_str!("../../../../runbooks/aws-bedrock.md"),
    ),
    (
        "self-hosted.md",
        include_str!("../../../../runbooks/self-hosted.md"),
    ),
];

/// Remembers what was installed (file → version), so user edits and deletions are respected.
pub const MANIFEST: &str = ".brownout-defaults.json";

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct InstallReport {
    pub installed: Vec<String>,
    pub updated: Vec<String>,
    /// Changed by the user: left alone.
    pub kept: Vec<String>,
}

pub fn install(dir: &Path) -> Result<InstallReport, RunbookError> {
    install_set(dir, SHIPPED)
}

pub(crate) fn install_set(
    dir: &Path,
    shipped: &[(&str, &str)],
) -> Result<InstallReport, RunbookError> {
    std::fs::create_dir_all(dir).map_err(|e| RunbookError::io(dir, e))?;
    let manifest_path = dir.join(MANIFEST);
    let before: BTreeMap<String, String> = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => serde_json::from_str(&text).unwrap_or_default(),
        Err(_) => BTreeMap::new(),
    };
    let mut manifest = before.clone();
    let mut report = InstallReport::default();
    for (file, content) in shipped {
        // A link that leads outside the folder is the user's business: neither read nor
        // replaced. One inside is followed, and its target updated.
        let path = match contain(dir, file) {
            Ok(path) => path,
            Err(RunbookError::OutsideFolder(_)) => {
                report.kept.push(file.to_string());
                continue;
            }
            Err(e) => return Err(e),
        };
        let shipped_version = version_of(content);
        let on_disk = std::fs::read_to_string(&path).ok().map(|c| version_of(&c));
        match (on_disk, manifest.get(*file)) {
            // Never installed and not there: first run.
            (None, None) => report.installed.push(file.to_string()),
            // Installed once, then deleted by the user: stays deleted.
            (None, Some(_)) => continue,
            (Some(disk), _) if disk == shipped_version => {
                manifest.insert(file.to_string(), shipped_version);
                continue;
            }
            // Untouched since we installed it, and we ship a newer text.
            (Some(disk), Some(installed)) if disk == *installed => {
                report.updated.push(file.to_string())
            }
            // The user's own file, or their edit of ours.
            (Some(_), _) => {
                report.kept.push(file.to_string());
                continue;
            }
        }
        write_atomically(&path, content.as_bytes())?;
        manifest.insert(file.to_string(), shipped_version);
    }
    // Written only when it changed, so a start-up with nothing new writes nothing.
    if manifest != before || !manifest_path.exists() {
        let text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
        write_atomically(&manifest_path, text.as_bytes())?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests;
