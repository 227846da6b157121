//! The command line. With a subcommand Brownout runs headless (GTK is never initialised);
//! without one it opens the window.
//!
//! Exit codes: 0 success, 1 a finding or failed check, 2 bad usage or bad input.

mod audit;
mod inventory;
mod output;
mod runbook;

use std::path::PathBuf;

use brownout_core::workspace::{WorkspaceError, WorkspaceLocation};
use brownout_core::Workspace;
use clap::{Parser, Subcommand};

use crate::state::AppState;

#[derive(Debug, Parser)]
#[command(
    name = "brownout",
    version,
    about = "Incident runbooks for teams whose products run on external AI model vendors.\n\nWithout a subcommand, opens the Brownout window."
)]
pub struct Cli {
    /// The workspace database (default: brownout.db in the platform's data directory).
    #[arg(long, global = true, env = "BROWNOUT_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Export or import the inventory (vendors, endpoints, workflows, rotations) as a file.
    #[command(subcommand)]
    Inventory(inventory::InventoryCommand),
    /// List what each workflow is missing before the next vendor incident; exits 1 when a
    /// critical workflow has a finding.
    Audit(audit::AuditArgs),
    /// Render or check markdown runbooks.
    #[command(subcommand)]
    Runbook(runbook::RunbookCommand),
}

/// Why a command failed: the sentence for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: i32,
}

impl Failure {
    /// Bad usage or bad input: exit 2.
    pub fn input(e: impl std::fmt::Display) -> Self {
        Self {
            message: e.to_string(),
            code: 2,
        }
    }
}

impl From<WorkspaceError> for Failure {
    fn from(e: WorkspaceError) -> Self {
        Self::input(e)
    }
}

/// Runs the CLI with the process's arguments and returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(f) => {
            output::note(format_args!("brownout: {}", f.message));
            f.code
        }
    }
}

fn run(cli: Cli) -> Result<i32, Failure> {
    let location = WorkspaceLocation { db: cli.db };
    let workspace = Workspace::open(&location)?;
    let mut out = output::stdout();
    match cli.command {
        None => {
            if cfg!(target_os = "linux")
                && std::env::var_os("DISPLAY").is_none()
                && std::env::var_os("WAYLAND_DISPLAY").is_none()
            {
                return Err(Failure::input(
                    "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run a subcommand such as `brownout audit`, or see `brownout --help`",
                ));
            }
            crate::run_gui(AppState::new(workspace)).map_err(Failure::input)?;
            Ok(0)
        }
        Some(Command::Inventory(cmd)) => inventory::run(cmd, &workspace, &mut out),
        Some(Command::Audit(args)) => audit::run(args, &workspace, &mut out),
        Some(Command::Runbook(cmd)) => runbook::run(cmd, &workspace, &mut out),
    }
}
