//! A CI pipeline checks a team's own files: `runbook check DIR --inventory FILE` and
//! `audit --inventory FILE --runbooks DIR` read the team's inventory file and runbooks folder
//! and never create or touch a database (here: none appears under an empty home).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod binary;
    pub mod findings;
}

use support::binary::{assert_fails_saying, text};
use support::findings::finding_kinds;

const INVENTORY: &str = r#"vendors:
- id: acme-ai
  name: Acme AI
endpoints:
- id: acme-large
  vendor: acme-ai
  name: Acme Large
  model: large-1
  base_url: https://api.acme.example/v1
  api_style: openai
  credential: env:ACME_API_KEY
  latency_slo_ms: 4000
workflows:
- id: invoice-reader
  name: Invoice reader
  description: Reads supplier invoices.
  criticality: critical
  customer_facing: true
  owner: finance-oncall
  primary: acme-large
  fallbacks: []
  failure_modes:
    throttled:
      customer_impact: Invoices wait.
      degradation: Queue them.
      customer_message: Invoices are delayed.
    unavailable:
      customer_impact: Invoices wait.
      degradation: Queue them.
      customer_message: Invoices are delayed.
    slow:
      customer_impact: Invoices wait.
      degradation: Queue them.
      customer_message: Invoices are delayed.
rotations:
- id: finance-oncall
  name: Finance on-call
  time_zone: UTC
  shift_hours: 24
  handoff: '09:00'
  members:
  - name: Ana
"#;

/// Valid against the team's inventory, not against the demo's.
const ACME_RUNBOOK: &str = "---\nid: acme-throttled\ntitle: Acme throttled\nvendor: acme-ai\nfailure_modes: [throttled]\nworkflows: [invoice-reader]\nowner: finance-oncall\n---\n# Acme throttled\n\n## Throttled\n\n- [ ] Check {{endpoint:acme-large}}\n";

/// Valid against the demo inventory, not against the team's.
const LEGACY_RUNBOOK: &str = "---\nid: legacy\ntitle: Legacy\nvendor: openai\nfailure_modes: [slow]\n---\n# Legacy\n\n## Slow\n\n- [ ] Wait\n";

struct Team {
    _dir: tempfile::TempDir,
    home: PathBuf,
    inventory: PathBuf,
    runbooks: PathBuf,
}

impl Team {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        std::fs::create_dir(&home).unwrap();
        let repo = dir.path().join("repo");
        let runbooks = repo.join("runbooks");
        std::fs::create_dir_all(&runbooks).unwrap();
        let inventory = repo.join("inventory.yaml");
        std::fs::write(&inventory, INVENTORY).unwrap();
        std::fs::write(runbooks.join("acme.md"), ACME_RUNBOOK).unwrap();
        std::fs::write(runbooks.join("legacy.md"), LEGACY_RUNBOOK).unwrap();
        Self {
            _dir: dir,
            home,
            inventory,
            runbooks,
        }
    }

    /// The binary with an empty home and no database named anywhere.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_brownout"))
            .args(args)
            .env("HOME", &self.home)
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env_remove("BROWNOUT_DB")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap()
    }

    /// A run that must end with exit code 1: problems found.
    fn run_finding_problems(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        out
    }

    fn inventory_arg(&self) -> &str {
        self.inventory.to_str().unwrap()
    }

    fn runbooks_arg(&self) -> &str {
        self.runbooks.to_str().unwrap()
    }

    /// Everything the run left in the home folder.
    fn home_contents(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                }
                found.push(path);
            }
        }
        let mut found = Vec::new();
        walk(&self.home, &mut found);
        found
    }
}

#[test]
fn runbook_check_uses_the_team_inventory_and_creates_no_database() {
    let team = Team::new();
    let (runbooks, inventory) = (team.runbooks_arg(), team.inventory_arg());
    let out = team.run_finding_problems(&["runbook", "check", runbooks, "--inventory", inventory]);
    let stdout = text(&out.stdout);
    let legacy = team.runbooks.join("legacy.md");
    assert_eq!(
        stdout,
        format!(
            "{}:4: unknown vendor 'openai' (use a vendor id or `any`)\n",
            legacy.display()
        ),
        "only the runbook written for another inventory has a problem"
    );
    assert_eq!(team.home_contents(), Vec::<PathBuf>::new());
}

#[test]
fn without_the_inventory_flag_the_workspace_database_is_used() {
    // The other side of the test above: the same check without --inventory opens (and here
    // creates) the default database, so the empty home above means something.
    let team = Team::new();
    let out = team.run_finding_problems(&["runbook", "check", team.runbooks_arg()]);
    assert!(
        text(&out.stdout).contains("acme.md:4: unknown vendor 'acme-ai'"),
        "{}",
        text(&out.stdout)
    );
    let db = team.home.join(".local/share/brownout/brownout.db");
    assert!(db.is_file(), "{:?}", team.home_contents());
}

#[test]
fn audit_reports_the_team_inventory_with_its_runbooks_and_creates_no_database() {
    let team = Team::new();
    let out = team.run_finding_problems(&[
        "audit",
        "--json",
        "--inventory",
        team.inventory_arg(),
        "--runbooks",
        team.runbooks_arg(),
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found = finding_kinds(&report);
    found.sort();
    assert_eq!(
        found,
        [
            ("no_fallback".to_owned(), "invoice-reader".to_owned()),
            ("no_runbook".to_owned(), "invoice-reader".to_owned()),
            // finance-oncall has Ana alone: low, tied to no workflow.
            ("single_member_rotation".to_owned(), String::new()),
        ],
        "{report}"
    );
    // The team's runbook covers `throttled`; the finding names only what is missing.
    let no_runbook = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "no_runbook")
        .unwrap();
    let message = no_runbook["message"].as_str().unwrap();
    assert!(
        message.contains("unavailable")
            && message.contains("slow")
            && !message.contains("throttled"),
        "{message}"
    );
    assert_eq!(team.home_contents(), Vec::<PathBuf>::new());
    // Nothing was written beside the team's files either.
    let mut beside: Vec<_> = std::fs::read_dir(team.inventory.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    beside.sort();
    assert_eq!(beside, ["inventory.yaml", "runbooks"]);
}

#[test]
fn a_broken_inventory_file_is_bad_input_and_creates_no_database() {
    let team = Team::new();
    std::fs::write(&team.inventory, "vendors: [").unwrap();
    let out = team.run(&["audit", "--inventory", team.inventory_arg()]);
    assert_fails_saying(&out, 2, "inventory.yaml");
    assert_eq!(team.home_contents(), Vec::<PathBuf>::new());
}

#[test]
fn the_file_flags_need_their_partners() {
    let team = Team::new();
    // `runbook check --inventory` needs the folder to check; `audit --runbooks` needs the
    // inventory the runbooks are counted against.
    for args in [
        vec!["runbook", "check", "--inventory", team.inventory_arg()],
        vec!["audit", "--runbooks", team.runbooks_arg()],
    ] {
        let out = team.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("required"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(team.home_contents(), Vec::<PathBuf>::new());
    }
}
