use super::*;

/// A fresh folder holding `runbooks/img/` and, outside the runbooks, `secret.png`.
fn runbooks_beside_a_secret() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("runbooks");
    std::fs::create_dir_all(root.join("img")).unwrap();
    std::fs::write(dir.path().join("secret.png"), b"no").unwrap();
    (dir, root)
}

#[test]
fn serves_only_images_inside_the_folder() {
    let (dir, root) = runbooks_beside_a_secret();
    std::fs::write(root.join("img/flow chart.png"), b"png").unwrap();
    std::fs::write(root.join("openai.md"), b"# x").unwrap();
    let (p, kind) = resolve(&root, "/img/flow%20chart.png").unwrap();
    assert_eq!(kind, "image/png");
    assert!(p.ends_with("img/flow chart.png"));
    for bad in [
        "/../secret.png",
        "/img/../../secret.png",
        "/%2e%2e/secret.png",
        "/openai.md",
        "//etc/passwd",
        "/img/missing.png",
        "/",
        "/x.svg",
        "/a%00.png",
    ] {
        assert!(resolve(&root, bad).is_none(), "{bad}");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("secret.png"), root.join("link.png")).unwrap();
        assert!(
            resolve(&root, "/link.png").is_none(),
            "symlink escaping the folder"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_link_within_the_folder_is_served_by_the_same_rule_as_runbook_files() {
    let (dir, root) = runbooks_beside_a_secret();
    std::fs::write(root.join("img/flow.png"), b"png").unwrap();
    std::os::unix::fs::symlink(root.join("img"), root.join("pictures")).unwrap();
    std::os::unix::fs::symlink(dir.path(), root.join("up")).unwrap();
    let (p, _) = resolve(&root, "/pictures/flow.png").unwrap();
    assert_eq!(p, root.canonicalize().unwrap().join("img/flow.png"));
    assert!(resolve(&root, "/up/secret.png").is_none());
    assert!(brownout_core::runbook::files::contain(&root, "up/secret.png").is_err());
}
