use std::os::unix::fs::symlink;

use super::*;

const GOOD: &str = "---\nid: a\ntitle: A\nvendor: any\nfailure_modes: [slow]\n---\n## Slow\n";

fn files(scan: &Scan) -> Vec<&str> {
    scan.files.iter().map(|e| e.file.as_str()).collect()
}

fn problems(scan: &Scan) -> Vec<String> {
    scan.problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_name_that_is_not_utf8_is_a_problem_and_the_rest_is_scanned() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"bad-\xff\x1b[31m.md");
    std::fs::write(dir.path().join(bad), GOOD).unwrap();
    // Not a runbook: no business of the check, whatever its name.
    std::fs::write(
        dir.path().join(std::ffi::OsStr::from_bytes(b"x\xff.png")),
        b"",
    )
    .unwrap();
    let found = scan(dir.path()).unwrap();
    assert_eq!(files(&found), ["good.md"]);
    assert_eq!(
        problems(&found),
        ["bad-\u{fffd}\\u{1b}[31m.md: the name is not UTF-8: rename it; it was not checked"]
    );
}

#[test]
fn entries_that_cannot_be_read_are_problems_and_never_hide_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("team")).unwrap();
    std::fs::write(root.join("team/good.md"), GOOD).unwrap();
    std::fs::write(root.join("z.md"), GOOD).unwrap();
    // A link to itself: opening it fails (ELOOP), even for root.
    symlink("loop.md", root.join("loop.md")).unwrap();
    // A subfolder that cannot be entered, the same way.
    symlink("cycle", root.join("cycle")).unwrap();
    // A link to nothing.
    symlink("gone.md", root.join("dangling.md")).unwrap();
    // A named pipe: reading it would block forever.
    let fifo = root.join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let found = scan(root).unwrap();
    assert_eq!(files(&found), ["team/good.md", "z.md"]);
    let got = problems(&found);
    assert_eq!(got.len(), 4, "{got:#?}");
    for (file, says) in [
        ("cycle", "a link that leads nowhere readable"),
        ("dangling.md", "a link that leads nowhere readable"),
        ("loop.md", "a link that leads nowhere readable"),
        ("pipe.md", "not a regular file"),
    ] {
        assert!(
            got.iter()
                .any(|p| p.starts_with(&format!("{file}: {says}"))),
            "{file}: {got:#?}"
        );
    }
}

/// Only where permissions are enforced (not as root, who reads anything): a folder that
/// cannot be listed.
#[test]
fn a_folder_without_permission_is_a_problem_when_permissions_apply() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("x.md"), GOOD).unwrap();
    std::fs::write(dir.path().join("ok.md"), GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let enforced = std::fs::read_dir(&locked).is_err();
    let found = scan(dir.path()).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(files(&found).contains(&"ok.md"));
    if enforced {
        assert_eq!(files(&found), ["ok.md"]);
        assert!(
            problems(&found)[0].starts_with("locked: cannot read this folder"),
            "{:?}",
            found.problems
        );
    } else {
        assert_eq!(files(&found), ["locked/x.md", "ok.md"]);
    }
}

#[test]
fn links_inside_the_folder_are_followed_and_links_that_leave_it_are_problems() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), GOOD).unwrap();
    std::fs::create_dir(outside.path().join("notes")).unwrap();
    std::fs::write(outside.path().join("notes/n.md"), GOOD).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("real")).unwrap();
    std::fs::write(root.join("real/a.md"), GOOD).unwrap();
    symlink(root.join("real/a.md"), root.join("alias.md")).unwrap();
    symlink(root.join("real"), root.join("shared")).unwrap();
    // A link back up: walked once, not forever.
    symlink(root, root.join("real/up")).unwrap();
    symlink(outside.path().join("secret.md"), root.join("leak.md")).unwrap();
    symlink(outside.path().join("notes"), root.join("notes")).unwrap();
    let found = scan(root).unwrap();
    assert_eq!(files(&found), ["alias.md", "real/a.md", "shared/a.md"]);
    let got = problems(&found);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].starts_with("leak.md: a link that leads outside the runbooks folder"));
    assert!(got[1].starts_with("notes: a link that leads outside the runbooks folder"));
    let alias = &found.files[0];
    assert_eq!(
        alias.path,
        root.canonicalize().unwrap().join("real/a.md"),
        "read from its target"
    );
}

#[test]
fn a_file_over_the_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.md");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(MAX_RUNBOOK_BYTES + 1).unwrap();
    std::fs::write(dir.path().join("ok.md"), GOOD).unwrap();
    let found = scan(dir.path()).unwrap();
    let err = read_entry(&found.files[0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "big.md: the file is larger than 8 MiB, the most a runbook may be: split it; it was not read"
    );
    assert_eq!(read_entry(&found.files[1]).unwrap(), GOOD);
}
