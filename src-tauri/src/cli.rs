//! The command line. With a subcommand Brownout runs headless (GTK is never initialised);
//! without one it opens the window.
//!
//! Exit codes: 0 success, 1 a finding or failed check, 2 bad usage, bad input or another error
//! (from the error's [`Code`](brownout_core::error::Code)).
//!
//! A subcommand opens the workspace database only when it needs it ([`WorkspaceOnDemand`]).

mod audit;
mod inventory;
mod oncall;
mod output;
mod rotation;
mod runbook;

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use brownout_core::error::Coded;
use brownout_core::store::Store;
use brownout_core::workspace::WorkspaceLocation;
use brownout_core::Workspace;
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "brownout", version)]
#[cfg_attr(
    feature = "gui",
    command(
        about = "Incident runbooks for teams whose products run on external AI model vendors.\n\nWithout a subcommand, opens the Brownout window."
    )
)]
#[cfg_attr(
    not(feature = "gui"),
    command(
        about = "Incident runbooks for teams whose products run on external AI model vendors.\n\nThis is the headless build: it has no window."
    )
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
    /// Who is on call for a rotation or a workflow; exits 1 when nobody is.
    #[command(subcommand)]
    Oncall(oncall::OnCallCommand),
    /// A rotation's schedule: its shifts over a range, or an iCalendar feed.
    #[command(subcommand)]
    Rotation(rotation::RotationCommand),
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

/// A core error: its own sentence, and the exit code its [`Code`] says.
impl<E: Coded> From<E> for Failure {
    fn from(e: E) -> Self {
        Self {
            message: e.to_string(),
            code: e.code().exit_code(),
        }
    }
}

/// The workspace database, opened the first time a subcommand needs it: checking a team's
/// files against their own inventory file never creates or touches a database.
pub struct WorkspaceOnDemand {
    location: WorkspaceLocation,
    opened: OnceCell<Workspace>,
}

impl WorkspaceOnDemand {
    pub fn new(location: WorkspaceLocation) -> Self {
        Self {
            location,
            opened: OnceCell::new(),
        }
    }

    pub fn get(&self) -> Result<&Workspace, Failure> {
        if let Some(ws) = self.opened.get() {
            return Ok(ws);
        }
        let ws = Workspace::open(&self.location)?;
        Ok(self.opened.get_or_init(|| ws))
    }
}

/// The inventory in `file`, held in an in-memory store (for indexing runbooks against it):
/// nothing on disk is created or changed.
pub fn inventory_in_memory(file: &Path) -> Result<Store, Failure> {
    let (store, _) = Store::open_in_memory()?;
    let options = brownout_core::inventory::file::ImportOptions {
        allow_empty: true,
        ..Default::default()
    };
    brownout_core::inventory::file::import(&store, file, options)?;
    Ok(store)
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
    let workspace = WorkspaceOnDemand::new(WorkspaceLocation { db: cli.db });
    let mut out = output::stdout();
    match cli.command {
        None => open_window(&workspace),
        Some(Command::Inventory(cmd)) => inventory::run(cmd, workspace.get()?, &mut out),
        Some(Command::Audit(args)) => audit::run(args, &workspace, &mut out),
        Some(Command::Runbook(cmd)) => runbook::run(cmd, &workspace, &mut out),
        Some(Command::Oncall(cmd)) => oncall::run(cmd, &workspace, &mut out),
        Some(Command::Rotation(cmd)) => rotation::run(cmd, &workspace, &mut out),
    }
}

#[cfg(feature = "gui")]
fn open_window(workspace: &WorkspaceOnDemand) -> Result<i32, Failure> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err(Failure::input(
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run a subcommand such as `brownout audit`, or see `brownout --help`",
        ));
    }
    let state = crate::state::AppState::new(workspace.get()?.clone());
    crate::run_gui(state).map_err(Failure::input)?;
    Ok(0)
}

#[cfg(not(feature = "gui"))]
fn open_window(_: &WorkspaceOnDemand) -> Result<i32, Failure> {
    Err(Failure::input(NO_WINDOW))
}

/// What the headless build says when asked for the window.
pub const NO_WINDOW: &str = "this build of brownout is the headless command line and has no window (built without the `gui` feature); run a subcommand such as `brownout audit` or `brownout runbook check`, or see `brownout --help`";
