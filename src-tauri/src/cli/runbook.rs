use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use brownout_core::health::UnprobedHealth;
use brownout_core::inventory::{self, Inventory};
use brownout_core::runbook::check::check_folder;
use brownout_core::runbook::files::read_text;
use brownout_core::runbook::model::escaped;
use brownout_core::runbook::render::render_runbook;
use brownout_core::runbook::{service, Problem};
use brownout_core::Workspace;
use clap::Subcommand;

use super::{Failure, WorkspaceOnDemand};

#[derive(Debug, Subcommand)]
pub enum RunbookCommand {
    /// Print a markdown file (front matter optional) as the sanitized HTML fragment the app shows.
    Render {
        /// The markdown file.
        file: PathBuf,
    },
    /// Check runbooks against the inventory; prints `FILE:LINE: message` per problem and exits 1
    /// when there is any.
    Check {
        /// The runbooks folder (default: the workspace's runbooks folder from settings).
        dir: Option<PathBuf>,
        /// Check against the inventory in FILE instead of the workspace's; no database is
        /// opened or created.
        #[arg(long, value_name = "FILE", requires = "dir")]
        inventory: Option<PathBuf>,
    },
}

pub fn run(
    cmd: RunbookCommand,
    ws: &WorkspaceOnDemand,
    out: &mut impl Write,
) -> Result<i32, Failure> {
    match cmd {
        RunbookCommand::Render { file } => render(&file, ws.get()?, out),
        RunbookCommand::Check {
            dir: Some(dir),
            inventory: Some(file),
        } => {
            let inv = inventory::load(&super::inventory_in_memory(&file)?)?;
            check_against(&dir, &inv, out)
        }
        RunbookCommand::Check { dir, .. } => check(dir, ws.get()?, out),
    }
}

fn inventory(ws: &Workspace) -> Result<Inventory, Failure> {
    inventory::load(&ws.store).map_err(Failure::input)
}

fn render(file: &Path, ws: &Workspace, out: &mut impl Write) -> Result<i32, Failure> {
    let source = read_text(file).map_err(|e| {
        Failure::input(format!(
            "cannot read {}: {e}",
            escaped(&file.display().to_string())
        ))
    })?;
    let endpoints: HashSet<String> = inventory(ws)?.endpoints.into_iter().map(|e| e.id).collect();
    // An arbitrary file has no runbooks folder to serve images from.
    let html = render_runbook(
        &source,
        None,
        &UnprobedHealth {
            known_endpoints: &endpoints,
        },
    );
    write!(out, "{html}").map_err(Failure::input)?;
    Ok(0)
}

fn check(dir: Option<PathBuf>, ws: &Workspace, out: &mut impl Write) -> Result<i32, Failure> {
    let dir = match dir {
        Some(d) => d,
        None => {
            // The workspace's own folder: make sure the shipped runbooks are there first.
            service::prepare(ws).map_err(Failure::input)?;
            service::folder(ws).map_err(Failure::input)?
        }
    };
    check_against(&dir, &inventory(ws)?, out)
}

fn check_against(dir: &Path, inv: &Inventory, out: &mut impl Write) -> Result<i32, Failure> {
    let (problems, files) = check_folder(dir, inv).map_err(Failure::input)?;
    for p in &problems {
        // Named from the folder given, as the user typed it; printed escaped like the rest.
        let shown = Problem {
            file: dir.join(&p.file).display().to_string(),
            ..p.clone()
        };
        writeln!(out, "{shown}").map_err(Failure::input)?;
    }
    super::output::note(format_args!(
        "{files} runbook(s) checked in {}: {} problem(s)",
        escaped(&dir.display().to_string()),
        problems.len()
    ));
    Ok(if problems.is_empty() { 0 } else { 1 })
}
