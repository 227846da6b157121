//! The demo workspace shipped in the repo (`demo/inventory.yaml`), seeded into fresh databases.

use super::file::{parse, Format, ImportError};
use super::{replace_all, replace_all_in, Inventory};
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

/// Writes the demo inventory inside `tx`: the store seeds a new database this way, in the
/// transaction that creates its schema.
pub fn seed_in(tx: &rusqlite::Transaction) -> Result<(), ImportError> {
    replace_all_in(tx, &demo_inventory()?)?;
    Ok(())
}
