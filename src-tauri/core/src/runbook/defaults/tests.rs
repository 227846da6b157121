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
    let compact = serde_json::to_string(&BTreeMap::from([("a.md", version_of("one"))])).unwrap();
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
            ..Default::default()
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

#[test]
fn a_shipped_name_that_links_outside_the_folder_is_left_alone() {
    let outside = tempfile::tempdir().unwrap();
    let theirs = outside.path().join("theirs.md");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    install_set(d, &[("a.md", "one")]).unwrap();
    // The installed file is replaced by a link to a file elsewhere that happens to hold the
    // installed version: updating it must neither write there nor replace the link.
    std::fs::write(&theirs, "one").unwrap();
    std::fs::remove_file(d.join("a.md")).unwrap();
    std::os::unix::fs::symlink(&theirs, d.join("a.md")).unwrap();
    let r = install_set(d, &[("a.md", "one v2")]).unwrap();
    assert_eq!(r.kept, ["a.md"]);
    assert!(d
        .join("a.md")
        .symlink_metadata()
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "one");
}
