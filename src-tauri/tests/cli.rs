//! The headless CLI as a user runs it: real binary, no display, exit codes 0/1/2.

use std::path::Path;
use std::process::{Command, Output};

fn brownout(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brownout"))
        .arg("--db")
        .arg(db)
        .args(args)
        // Headless: no display at all, so any GTK initialisation would fail loudly.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("BROWNOUT_DB")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
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
    for sub in ["inventory", "audit", "runbook"] {
        assert!(
            help.contains(&format!("\n  {sub} ")),
            "--help lacks {sub}:\n{help}"
        );
    }
}

#[test]
fn export_prints_the_seeded_demo_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
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
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
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
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
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
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = brownout(&db, &["inventory", "export", "--format", "toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("toml"));
    let future = dir.path().join("future.db");
    rusqlite::Connection::open(&future)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let out = brownout(&future, &["audit"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("newer Brownout"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn window_without_a_display_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = brownout(&dir.path().join("x.db"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no display"),
        "{}",
        text(&out.stderr)
    );
}
