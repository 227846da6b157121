use std::io::Write;
use std::path::PathBuf;

use brownout_core::inventory::file::{self, Format, ImportOptions};
use brownout_core::inventory::text_rules::escape;
use brownout_core::Workspace;
use clap::{Subcommand, ValueEnum};

use super::Failure;

#[derive(Debug, Subcommand)]
pub enum InventoryCommand {
    /// Print the whole inventory.
    Export {
        #[arg(long, value_enum, default_value_t = FormatArg::Yaml)]
        format: FormatArg,
    },
    /// Validate FILE (YAML, or JSON for *.json) and make it the whole inventory, all or
    /// nothing; prints what it adds, changes and removes.
    Import {
        file: PathBuf,
        /// Print what the import would add, change and remove, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Allow a file without any vendor, endpoint, workflow or rotation to empty the
        /// inventory.
        #[arg(long)]
        allow_empty: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Yaml,
    Json,
}

pub fn run(cmd: InventoryCommand, ws: &Workspace, out: &mut impl Write) -> Result<i32, Failure> {
    match cmd {
        InventoryCommand::Export { format } => {
            let format = match format {
                FormatArg::Yaml => Format::Yaml,
                FormatArg::Json => Format::Json,
            };
            let text = file::export(&ws.store, format).map_err(Failure::input)?;
            out.write_all(text.as_bytes()).map_err(Failure::input)?;
        }
        InventoryCommand::Import {
            file: path,
            dry_run,
            allow_empty,
        } => {
            let options = ImportOptions {
                dry_run,
                allow_empty,
            };
            let plan = file::import(&ws.store, &path, options).map_err(Failure::input)?;
            for kind in plan.kinds() {
                writeln!(out, "{kind}").map_err(Failure::input)?;
            }
            let name = escape(&path.display().to_string()).into_owned();
            if dry_run {
                writeln!(
                    out,
                    "dry run, nothing written: importing {name} would leave {}",
                    plan.result
                )
            } else {
                writeln!(out, "imported {name}: {}", plan.result)
            }
            .map_err(Failure::input)?;
        }
    }
    Ok(0)
}
