//! The demo workspace shipped in the repo (`demo/inventory.yaml`), seeded into fresh databases.

use super::file::{parse, Format, ImportError};
use super::{replace_all, Inventory};
use crate::store::Store;

/// The demo inventory file's text.
pub const DEMO_INVENTORY: &str = include_str!("../../../../demo/inventory.yaml");

/// The demo inventory, parsed.
pub fn demo_inventory() -> Result<Inventory, ImportError> {
    parse("demo/inventory.yaml", DEMO_INVENTORY, Format::Yaml)
}

/// Writes the demo inventory into `store`.
pub fn seed(store: &Store) -> Result<(), ImportError> {
    replace_all(store, &demo_inventory()?)?;
    Ok(())
}
