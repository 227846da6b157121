//! The headless CLI as a user runs it: real binary, no display, exit codes 0/1/2.

use std::path::{Path, PathBuf};
use std::process::Command;

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod binary;
}

use support::binary::{assert_fails_saying, brownout, text};

/// A fresh folder and the path of a database (not yet made) in it.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    (dir, db)
}

#[test]
fn help_lists_every_subcommand() {
    let out = Command::new(env!("CARGO_BIN_EXE_brownout"))
        .arg("--help")
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for sub in [
        "inventory",
        "audit",
        "runbook",
        "oncall",
        "rotation",
        "simulate",
    ] {
        assert!(
            help.contains(&format!("\n  {sub} ")),
            "--help lacks {sub}:\n{help}"
        );
    }
}

#[test]
fn export_prints_the_seeded_demo_and_round_trips() {
    let (dir, db) = scratch();
    let out = brownout(&db, &["inventory", "export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["workflows"].as_array().unwrap().len(), 5);
    let file = dir.path().join("inv.json");
    std::fs::write(&file, &out.stdout).unwrap();
    let db2 = dir.path().join("y.db");
    let imp = brownout(&db2, &["inventory", "import", file.to_str().unwrap()]);
    assert_eq!(imp.status.code(), Some(0), "{}", text(&imp.stderr));
    assert!(text(&imp.stdout).contains("5 workflows"));
    let again = brownout(&db2, &["inventory", "export", "--format", "json"]);
    assert_eq!(again.stdout, out.stdout);
    let yaml = brownout(&db2, &["inventory", "export"]);
    assert!(text(&yaml.stdout).starts_with("vendors:\n"));
}

#[test]
fn broken_import_is_rejected_precisely_and_changes_nothing() {
    let (dir, db) = scratch();
    let before = brownout(&db, &["inventory", "export"]).stdout;
    let broken = text(&before).replace("primary: anthropic-sonnet", "primary: anthropic-opus");
    let line = broken
        .lines()
        .position(|l| l.contains("anthropic-opus"))
        .unwrap()
        + 1;
    let file = dir.path().join("broken.yaml");
    std::fs::write(&file, broken).unwrap();
    let out = brownout(&db, &["inventory", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("broken.yaml:{line}: workflows[1] 'reply-drafting': primary: unknown endpoint 'anthropic-opus'")),
        "{err}"
    );
    assert_eq!(brownout(&db, &["inventory", "export"]).stdout, before);
}

#[test]
fn audit_exit_code_follows_critical_findings() {
    let (dir, db) = scratch();
    let out = brownout(&db, &["audit"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("doc-summaries"));
    let inv = text(&brownout(&db, &["inventory", "export"]).stdout);
    // Drop support-chat's (critical) owner.
    let broken = inv.replacen(
        "  owner: support-ai\n  primary: openai-gpt-4o\n",
        "  primary: openai-gpt-4o\n",
        1,
    );
    assert_ne!(broken, inv);
    let file = dir.path().join("inv.yaml");
    std::fs::write(&file, broken).unwrap();
    assert_eq!(
        brownout(&db, &["inventory", "import", file.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let out = brownout(&db, &["audit", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["fails"], true);
    assert_eq!(report["findings"][0]["kind"], "no_owner");
    assert_eq!(report["findings"][0]["workflow"], "support-chat");
}

#[test]
fn bad_usage_and_newer_database_exit_2() {
    let (dir, db) = scratch();
    let out = brownout(&db, &["inventory", "export", "--format", "toml"]);
    assert_fails_saying(&out, 2, "toml");
    let future = dir.path().join("future.db");
    rusqlite::Connection::open(&future)
        .unwrap()
        // A newer Brownout's database carries Brownout's marker.
        .execute_batch("PRAGMA user_version = 99; PRAGMA application_id = 1112690519;")
        .unwrap();
    let out = brownout(&future, &["audit"]);
    assert_fails_saying(&out, 2, "newer Brownout");
}

#[test]
fn window_without_a_display_is_a_clear_error() {
    let (_dir, db) = scratch();
    let out = brownout(&db, &[]);
    assert_fails_saying(&out, 2, "no display");
}

fn repo_runbooks() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../runbooks")
}

#[test]
fn runbook_check_passes_on_the_shipped_runbooks_and_names_lines_on_broken_ones() {
    let (dir, db) = scratch();
    let shipped = repo_runbooks();
    let out = brownout(&db, &["runbook", "check", shipped.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("6 runbook(s) checked"),
        "{}",
        text(&out.stderr)
    );

    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    let openai = std::fs::read_to_string(shipped.join("openai.md")).unwrap();
    std::fs::write(
        broken.join("openai.md"),
        openai.replace("vendor: openai", "vendor: open-ai").replace(
            "{{endpoint:anthropic-sonnet}}",
            "{{endpoint:anthropic-opus}}",
        ),
    )
    .unwrap();
    std::fs::write(broken.join("copy.md"), &openai).unwrap();
    std::fs::write(broken.join("no-front.md"), "# Just a title\n").unwrap();
    let out = brownout(&db, &["runbook", "check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let p = |f: &str| broken.join(f).display().to_string();
    let sonnet_line = openai
        .lines()
        .position(|l| l.contains("{{endpoint:anthropic-sonnet}}"))
        .unwrap()
        + 1;
    for want in [
        format!("{}:4: unknown vendor 'open-ai'", p("openai.md")),
        format!(
            "{}:{sonnet_line}: unknown endpoint 'anthropic-opus'",
            p("openai.md")
        ),
        format!("{}:1: missing front matter", p("no-front.md")),
        format!(
            "{}:2: duplicate runbook id 'openai-degraded' (also in copy.md)",
            p("openai.md")
        ),
    ] {
        assert!(stdout.contains(&want), "missing {want:?} in:\n{stdout}");
    }
}

#[test]
fn runbook_check_without_a_folder_uses_the_workspace_runbooks() {
    let (dir, db) = scratch();
    let out = brownout(&db, &["runbook", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        dir.path().join("runbooks/openai.md").is_file(),
        "defaults installed on first run"
    );
    let out = brownout(&db, &["runbook", "check", "/no/such/folder"]);
    assert_fails_saying(&out, 2, "/no/such/folder");
}

/// Markdown that is not a runbook, with a script link, raw HTML and an endpoint reference.
const NOTES: &str = "# Notes\n\nSee [status](https://status.openai.com), not [this](javascript:alert(1)).\n\n<img src=x onerror=alert(1)>\n\n- [ ] Use {{endpoint:anthropic-haiku}}\n";

#[test]
fn runbook_render_prints_sanitized_html_for_any_markdown() {
    let (dir, db) = scratch();
    let file = dir.path().join("notes.md");
    std::fs::write(&file, NOTES).unwrap();
    let out = brownout(&db, &["runbook", "render", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    for want in [
        "<h1 id=\"h-notes\">Notes</h1>",
        "href=\"https://status.openai.com\"",
        "&lt;img src=x onerror=alert(1)&gt;",
        "data-endpoint=\"anthropic-haiku\" data-health=\"unknown\"",
    ] {
        assert!(html.contains(want), "{want:?} not in {html}");
    }
    assert!(!html.contains("javascript:"), "{html}");
    let missing = brownout(&db, &["runbook", "render", "/no/such.md"]);
    assert_fails_saying(&missing, 2, "/no/such.md");
}

#[test]
fn runbook_check_reports_bad_entries_escaped_and_checks_everything_else() {
    use std::os::unix::ffi::OsStrExt;
    let (dir, db) = scratch();
    let folder = dir.path().join("runbooks");
    std::fs::create_dir(&folder).unwrap();
    let openai = std::fs::read_to_string(repo_runbooks().join("openai.md")).unwrap();
    std::fs::write(
        folder.join("later.md"),
        openai
            .replace("id: openai-degraded", "id: later")
            .replace("vendor: openai", "vendor: open-ai"),
    )
    .unwrap();
    // A name that forges a line of output and sets the terminal title.
    std::fs::write(
        folder.join("a\nx.md:1: all good\u{1b}]0;owned\u{7}.md"),
        "# no front",
    )
    .unwrap();
    std::fs::write(
        folder.join(std::ffi::OsStr::from_bytes(b"caf\xe9.md")),
        &openai,
    )
    .unwrap();
    let outside = dir.path().join("private.md");
    std::fs::write(&outside, &openai).unwrap();
    std::os::unix::fs::symlink(&outside, folder.join("leak.md")).unwrap();
    let out = brownout(&db, &["runbook", "check", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    let p = |f: &str| folder.join(f).display().to_string();
    for want in [
        format!(
            "{}:1: missing front matter",
            p("a\\u{a}x.md:1: all good\\u{1b}]0;owned\\u{7}.md")
        ),
        format!("{}: the name is not UTF-8", p("caf\u{fffd}.md")),
        format!("{}:4: unknown vendor 'open-ai'", p("later.md")),
        format!(
            "{}: a link that leads outside the runbooks folder",
            p("leak.md")
        ),
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(&want)),
            "missing {want:?} in {stdout}"
        );
    }
}

#[test]
fn audit_goes_on_past_entries_of_the_runbooks_folder_that_cannot_be_read() {
    let (dir, db) = scratch();
    let first = brownout(&db, &["audit", "--json"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let runbooks = dir.path().join("runbooks");
    assert!(runbooks.join("openai.md").is_file());
    // A link to itself and a folder link to itself: both fail to open, even for root.
    std::os::unix::fs::symlink("loop.md", runbooks.join("loop.md")).unwrap();
    std::os::unix::fs::symlink("sub", runbooks.join("sub")).unwrap();
    let again = brownout(&db, &["audit", "--json"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert_eq!(
        text(&again.stdout),
        text(&first.stdout),
        "the same findings"
    );
}
