//! `brownout inventory import` and `export` as a user runs them, with hostile files and pipes
//! whose reader has gone.

use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod binary;
}

use support::binary::{brownout, command, text};

/// Waits for `child`, killing it (and failing) if it is still running after a minute: a hang
/// is the defect some of these tests guard against.
fn finish(mut child: Child) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("brownout did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

struct Workspace {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Workspace {
    /// A database seeded with the demo.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        let ws = Self { dir, db };
        assert!(ws.export().contains("workflows:\n- id: "));
        ws
    }

    fn export(&self) -> String {
        let out = brownout(&self.db, &["inventory", "export"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    }

    fn file(&self, name: &str, content: impl AsRef<[u8]>) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn import(&self, args: &[&str]) -> Output {
        let mut all = vec!["inventory", "import"];
        all.extend_from_slice(args);
        brownout(&self.db, &all)
    }

    /// Imports `file` watched by `finish`: its exit status and standard error.
    fn import_watched(&self, file: &str) -> (ExitStatus, String) {
        let mut child = command(&self.db, &["inventory", "import", file])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let status = finish(child);
        (status, std::io::read_to_string(stderr).unwrap())
    }
}

#[test]
fn an_empty_file_does_not_empty_the_inventory_unless_allowed() {
    let ws = Workspace::new();
    let before = ws.export();
    for (name, content) in [
        ("zero.yaml", ""),
        ("comments.yaml", "# nothing here yet\n# really\n"),
        ("dashes.yaml", "---\n"),
        ("braces.yaml", "{}\n"),
        ("lists.yaml", "vendors: []\nendpoints: []\n"),
        ("empty.json", "{}"),
    ] {
        let file = ws.file(name, content);
        let out = ws.import(&[&file]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!("{file} holds no vendors, endpoints, workflows or rotations: importing it would delete the whole current inventory (6 vendors, 8 endpoints, 5 workflows, 2 rotations); nothing was changed")),
            "{name}: {err}"
        );
        assert!(err.contains("--allow-empty"), "{err}");
        assert_eq!(ws.export(), before, "{name}");
    }
    let file = ws.file("zero.yaml", "");
    let out = ws.import(&["--allow-empty", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("vendors: 6 removed (anthropic, aws-bedrock, azure-openai, google, openai, self-hosted)\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with(&format!(
        "imported {file}: 0 vendors, 0 endpoints, 0 workflows, 0 rotations\n"
    )));
    assert_eq!(
        ws.export(),
        "vendors: []\nendpoints: []\nworkflows: []\nrotations: []\n"
    );
    // Now that it is empty, an empty file is no loss.
    assert_eq!(ws.import(&[&file]).status.code(), Some(0));
}

#[test]
fn import_prints_what_it_adds_changes_and_removes_and_dry_run_writes_nothing() {
    let ws = Workspace::new();
    let before = ws.export();
    // Rename a vendor, add one, and drop the doc-summaries workflow.
    let start = before.find("- id: doc-summaries\n").unwrap();
    let end = start + 1 + before[start + 1..].find("\n- id: ").unwrap();
    let edited = format!("{}{}", &before[..start], &before[end + 1..])
        .replace("  name: OpenAI\n", "  name: OpenAI (US)\n")
        .replace("endpoints:\n", "- id: acme\n  name: Acme AI\nendpoints:\n");
    let file = ws.file("edited.yaml", &edited);
    let expected = "vendors: 1 added (acme), 1 changed (openai)\nendpoints: no change\nworkflows: 1 removed (doc-summaries)\nrotations: no change\n";

    let out = ws.import(&["--dry-run", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{expected}dry run, nothing written: importing {file} would leave 7 vendors, 8 endpoints, 4 workflows, 2 rotations\n")
    );
    assert_eq!(ws.export(), before, "a dry run writes nothing");

    let out = ws.import(&[&file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{expected}imported {file}: 7 vendors, 8 endpoints, 4 workflows, 2 rotations\n")
    );
    assert!(ws.export().contains("- id: acme\n  name: Acme AI\n"));

    let out = ws.import(&[&file]);
    assert!(text(&out.stdout).starts_with("vendors: no change\nendpoints: no change\n"));
}

#[test]
fn endless_and_oversized_files_stop_at_the_limit() {
    let ws = Workspace::new();
    if Path::new("/dev/zero").exists() {
        let (status, err) = ws.import_watched("/dev/zero");
        assert_eq!(status.code(), Some(2));
        assert_eq!(
            err,
            "brownout: /dev/zero is larger than 4 MiB, the limit for an inventory file\n"
        );
    }
    let big = ws.file("big.yaml", format!("# {}\n", "x".repeat(4 * 1024 * 1024)));
    let out = ws.import(&[&big]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("big.yaml is larger than 4 MiB"));
}

#[test]
fn deep_nesting_and_alias_bombs_fail_fast_with_the_limit_named() {
    let ws = Workspace::new();
    let before = ws.export();
    let deep = ws.file("deep.yaml", "[".repeat(400 * 1024));
    let (status, err) = ws.import_watched(&deep);
    assert_eq!(status.code(), Some(2));
    assert_eq!(
        err,
        format!("brownout: {deep}:1: nested deeper than 64 levels, the limit\n")
    );

    // A valid file of 40 KB whose aliases would store 18 MB: each workflow repeats one set of
    // failure-mode texts of 72 KB.
    let long = "x".repeat(8000);
    let plan = format!(
        "      customer_impact: {long}\n      degradation: {long}\n      customer_message: {long}\n"
    );
    let bomb = |copies: usize| {
        let mut text = before.replacen(
            "workflows:\n",
            &format!(
                "workflows:\n- id: w0\n  name: W\n  criticality: low\n  primary: anthropic-haiku\n  failure_modes: &fm\n    throttled: &p\n{plan}    unavailable: *p\n    slow: *p\n"
            ),
            1,
        );
        let rotations = text.find("rotations:\n").unwrap();
        let more: String = (1..copies)
            .map(|i| format!("- id: w{i}\n  name: W\n  criticality: low\n  primary: anthropic-haiku\n  failure_modes: *fm\n"))
            .collect();
        text.insert_str(rotations, &more);
        text
    };
    let small = ws.file("few-aliases.yaml", bomb(5));
    let out = ws.import(&["--dry-run", &small]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let big = ws.file("bomb.yaml", bomb(250));
    let out = ws.import(&[&big]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr),
        format!("brownout: {big}: aliases expand it to more than 16 MiB, the limit\n")
    );
    assert_eq!(ws.export(), before);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let ws = Workspace::new();
    let before = ws.export();
    let file = ws.file("bom.yaml", format!("\u{feff}{before}"));
    let out = ws.import(&[&file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(ws.export(), before);
}

#[test]
fn secrets_are_refused_and_never_echoed() {
    let ws = Workspace::new();
    let before = ws.export();
    let key = "sk-ant-api03-Zx9Qw8Er7Ty6Ui5Op4";
    let file = ws.file(
        "leak.yaml",
        before
            .replacen(
                "credential: env:ANTHROPIC_API_KEY",
                &format!("credential: keyring:{key}"),
                1,
            )
            .replacen(
                "base_url: https://api.anthropic.com/v1",
                "base_url: https://api.anthropic.com/v1?api_key=Zx9Qw8Er7Ty6",
                1,
            ),
    );
    let out = ws.import(&[&file]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    for want in [
        "base_url: a URL here must not carry the query parameter `api_key`",
        "credential: must be a reference",
    ] {
        let want = format!("endpoints[0] 'anthropic-haiku': {want}");
        assert!(err.contains(&want), "{want:?} not in {err}");
    }
    assert!(!err.contains("Zx9Qw8"), "{err}");
    assert_eq!(ws.export(), before);
}

#[test]
fn control_characters_in_names_and_file_names_are_printed_escaped() {
    let ws = Workspace::new();
    let before = ws.export();
    let file = ws.file(
        "evil\u{1b}]0;title\u{7}.yaml",
        before.replacen("name: Anthropic\n", "name: \"Anthropic\\e[2J\\u202e\"\n", 1),
    );
    let out = ws.import(&[&file]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(!err.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{err:?}");
    assert!(err.contains("evil\\u{1b}]0;title\\u{7}.yaml:3: vendors[0] 'anthropic': name: contains the bidirectional control character U+202E"), "{err}");
}

#[test]
fn exported_yaml_quotes_what_yaml_1_1_would_misread() {
    let ws = Workspace::new();
    let before = ws.export();
    assert!(before.contains("  handoff: \"09:00\"\n"), "{before}");
    let edited = before
        .replacen("  name: OpenAI\n", "  name: \"yes\"\n", 1)
        .replacen("  name: Google Gemini\n", "  name: \"=\"\n", 1)
        .replacen("  name: Anthropic\n", "  name: \"2024-01-01\"\n", 1);
    let file = ws.file("tricky.yaml", &edited);
    assert_eq!(ws.import(&[&file]).status.code(), Some(0));
    let after = ws.export();
    for quoted in ["\"yes\"", "\"=\"", "\"2024-01-01\""] {
        assert!(
            after.contains(&format!("  name: {quoted}\n")),
            "{quoted}:\n{after}"
        );
    }
    let again = ws.file("again.yaml", &after);
    assert_eq!(ws.import(&[&again]).status.code(), Some(0));
    assert_eq!(ws.export(), after);
}

/// A pipe whose reader has already gone.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

#[test]
fn a_closed_stdout_ends_every_command_quietly_with_its_own_exit_code() {
    let ws = Workspace::new();
    let runbooks = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runbooks");
    let openai = runbooks.join("openai.md");
    let bad = ws.file("bad.json", "{\"vendors\": 3}");
    let good = ws.file("good.yaml", ws.export());
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["inventory", "export"], 0),
        (vec!["inventory", "export", "--format", "json"], 0),
        (vec!["inventory", "import", &good], 0),
        (vec!["inventory", "import", "--dry-run", &good], 0),
        (vec!["inventory", "import", &bad], 2),
        (vec!["audit"], 0),
        (vec!["audit", "--json"], 0),
        (vec!["runbook", "check", runbooks.to_str().unwrap()], 0),
        (vec!["runbook", "render", openai.to_str().unwrap()], 0),
        (vec!["--help"], 0),
    ];
    for (args, code) in &cases {
        let out = command(&ws.db, args)
            .stdout(closed_pipe())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(*code),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(
            !err.contains("pipe") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
        if *code == 0 && args[0] != "runbook" {
            assert_eq!(err, "", "{args:?}");
        }
    }
    // A failing audit keeps its exit code 1.
    let no_owner = ws.export().replacen(
        "  owner: support-ai\n  primary: openai-gpt-4o\n",
        "  primary: openai-gpt-4o\n",
        1,
    );
    let no_owner = ws.file("no-owner.yaml", no_owner);
    assert_eq!(ws.import(&[&no_owner]).status.code(), Some(0));
    let out = command(&ws.db, &["audit"])
        .stdout(closed_pipe())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    // `B inventory import bad.json 2>&1 | head -0`: stdout and stderr both closed.
    for (args, code) in &cases {
        let pipe = closed_pipe();
        let status = command(&ws.db, args)
            .stdout(pipe.try_clone().unwrap())
            .stderr(pipe)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(*code), "{args:?}");
    }
}
