//! The runbooks Brownout ships (the repo's `runbooks/` folder, embedded at build time), and
//! their installation into a workspace's runbooks folder without ever overwriting the user's
//! edits.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::files::write_atomically;
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
        let path = dir.join(file);
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
mod tests {
    use super::*;
    use crate::inventory::demo::demo_inventory;

    #[test]
    fn installs_once_and_respects_user_changes_and_deletions() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let v1 = [("a.md", "one"), ("b.md", "two"), ("c.md", "three")];
        let r = install_set(d, &v1).unwrap();
        assert_eq!(r.installed, ["a.md", "b.md", "c.md"]);
        std::fs::write(d.join("a.md"), "user edit").unwrap();
        std::fs::remove_file(d.join("b.md")).unwrap();
        let v2 = [
            ("a.md", "one v2"),
            ("b.md", "two v2"),
            ("c.md", "three v2"),
            ("d.md", "four"),
        ];
        let r = install_set(d, &v2).unwrap();
        assert_eq!(r.kept, ["a.md"]);
        assert_eq!(r.updated, ["c.md"]);
        assert_eq!(r.installed, ["d.md"]);
        assert_eq!(
            std::fs::read_to_string(d.join("a.md")).unwrap(),
            "user edit"
        );
        assert!(!d.join("b.md").exists(), "a deleted default stays deleted");
        assert_eq!(std::fs::read_to_string(d.join("c.md")).unwrap(), "three v2");
        assert_eq!(
            install_set(d, &v2).unwrap(),
            InstallReport {
                kept: vec!["a.md".into()],
                ..Default::default()
            }
        );
    }

    #[test]
    fn a_start_with_nothing_new_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        install_set(dir.path(), &[("a.md", "one")]).unwrap();
        // Same content, other layout: it stays as is when nothing changed.
        let manifest = dir.path().join(MANIFEST);
        let compact =
            serde_json::to_string(&BTreeMap::from([("a.md", version_of("one"))])).unwrap();
        std::fs::write(&manifest, &compact).unwrap();
        install_set(dir.path(), &[("a.md", "one")]).unwrap();
        assert_eq!(std::fs::read_to_string(&manifest).unwrap(), compact);
    }

    #[test]
    fn a_file_the_user_had_before_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "theirs").unwrap();
        let r = install_set(dir.path(), &[("a.md", "ours")]).unwrap();
        assert_eq!(r.kept, ["a.md"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
            "theirs"
        );
    }

    #[test]
    fn shipped_runbooks_cover_every_critical_demo_workflow_in_the_audit() {
        use crate::audit::{audit_inventory, AuditContext, FindingKind};
        let dir = tempfile::tempdir().unwrap();
        install(dir.path()).unwrap();
        let (store, _) = crate::store::Store::open_in_memory().unwrap();
        let inv = demo_inventory().unwrap();
        super::super::library::sync(&store, dir.path(), &inv).unwrap();
        let coverage = super::super::library::coverage(&store).unwrap();
        for vendor in &inv.vendors {
            assert_eq!(
                coverage.get(&vendor.id).map(|m| m.len()),
                Some(3),
                "vendor {} lacks a mode",
                vendor.id
            );
        }
        let findings = audit_inventory(
            &inv,
            &AuditContext {
                runbook_coverage: Some(coverage),
            },
        );
        let gaps: Vec<_> = findings
            .iter()
            .filter(|f| f.kind == FindingKind::NoRunbook)
            .collect();
        assert!(gaps.is_empty(), "{gaps:#?}");
    }

    #[test]
    fn shipped_runbooks_pass_the_check_against_the_demo() {
        let dir = tempfile::tempdir().unwrap();
        install(dir.path()).unwrap();
        let problems = super::super::check_dir(dir.path(), &demo_inventory().unwrap()).unwrap();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(text.is_empty(), "{text:#?}");
        assert_eq!(
            super::super::check::runbook_files(dir.path())
                .unwrap()
                .len(),
            6
        );
    }
}
