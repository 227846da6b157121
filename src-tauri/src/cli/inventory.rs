use std::io::Write;
use std::path::PathBuf;

use brownout_core::inventory::file::{self, Format};
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
    /// Validate FILE (YAML, or JSON for *.json) and make it the inventory, all or nothing.
    Import { file: PathBuf },
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
        InventoryCommand::Import { file: path } => {
            let summary = file::import(&ws.store, &path).map_err(Failure::input)?;
            writeln!(out, "imported {}: {summary}", path.display()).map_err(Failure::input)?;
        }
    }
    Ok(0)
}
