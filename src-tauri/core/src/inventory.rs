//! The inventory: vendors, endpoints, workflows and their rotations, stored in SQLite and
//! round-tripped through a human-editable file.
//!
//! Public surface: [`load`], [`save`] and [`delete`] for any [`Entity`] (vendor, endpoint,
//! workflow, rotation), [`replace_all`], the file functions in [`file`], the demo in [`demo`],
//! and validation in [`validate`]. Rotations keep their model and tables in [`crate::rotation`];
//! they are re-exported here because the inventory file holds them.

pub mod demo;
mod entity;
pub mod file;
mod model;
mod repo;
pub mod secrets;
pub mod text_rules;
pub mod validate;

pub use entity::Entity;
pub use model::*;
pub use validate::{FieldError, KnownRefs};

use crate::rotation;
pub use crate::rotation::{Rotation, RotationMember};
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    #[error("{kind} '{id}' is invalid: {}", crate::field_error::describe(.errors))]
    Invalid {
        kind: &'static str,
        id: String,
        errors: Vec<FieldError>,
    },
    #[error("there is no {kind} '{id}'")]
    NotFound { kind: &'static str, id: String },
    #[error("{kind} '{id}' is still used by {}; change those first", .used_by.join(", "))]
    InUse {
        kind: &'static str,
        id: String,
        used_by: Vec<String>,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl crate::error::Coded for InventoryError {
    fn code(&self) -> crate::error::Code {
        use crate::error::Code;
        match self {
            InventoryError::Invalid { .. } => Code::Invalid,
            InventoryError::NotFound { .. } => Code::NotFound,
            InventoryError::InUse { .. } => Code::InUse,
            InventoryError::Store(e) => crate::error::Coded::code(e),
        }
    }
}

impl From<rusqlite::Error> for InventoryError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}

/// The whole inventory, each list ordered by id.
pub fn load(store: &Store) -> Result<Inventory, InventoryError> {
    store.read(|c| Ok(load_in(c)?))
}

pub(crate) fn load_in(c: &rusqlite::Connection) -> rusqlite::Result<Inventory> {
    Ok(Inventory {
        vendors: repo::load_vendors(c)?,
        endpoints: repo::load_endpoints(c)?,
        workflows: repo::load_workflows(c)?,
        rotations: rotation::load_all(c)?,
    })
}

/// Creates (`original_id` = None) or updates (possibly renaming) one item of any kind.
pub fn save<E: Entity>(
    store: &Store,
    original_id: Option<&str>,
    item: E,
) -> Result<E, InventoryError> {
    store.write(|tx| {
        let known = KnownRefs::of(&load_in(tx)?);
        let errors = validate::item_errors(&item, &known);
        if !errors.is_empty() {
            return Err(invalid::<E>(item.id(), errors));
        }
        let id = item.id();
        if original_id != Some(id) && E::exists(tx, id)? {
            let taken =
                FieldError::new("id", format!("a {} with id '{id}' already exists", E::KIND));
            return Err(invalid::<E>(id, vec![taken]));
        }
        match original_id {
            None => item.insert(tx)?,
            Some(original) if item.update(tx, original)? == 0 => {
                return Err(not_found::<E>(original));
            }
            Some(_) => {}
        }
        Ok(())
    })?;
    Ok(item)
}

/// Deletes one item of any kind, refused while anything still refers to it.
pub fn delete<E: Entity>(store: &Store, id: &str) -> Result<(), InventoryError> {
    store.write(|tx| {
        let used_by = E::users(tx, id)?;
        if !used_by.is_empty() {
            return Err(InventoryError::InUse {
                kind: E::KIND,
                id: id.to_owned(),
                used_by,
            });
        }
        if E::remove(tx, id)? == 0 {
            return Err(not_found::<E>(id));
        }
        Ok(())
    })
}

fn invalid<E: Entity>(id: &str, errors: Vec<FieldError>) -> InventoryError {
    InventoryError::Invalid {
        kind: E::KIND,
        id: text_rules::printable(id),
        errors,
    }
}

fn not_found<E: Entity>(id: &str) -> InventoryError {
    InventoryError::NotFound {
        kind: E::KIND,
        id: id.to_owned(),
    }
}

/// Replaces the whole inventory with `inv`, atomically. `inv` must already be valid
/// (see [`validate::inventory_issues`]); the database's constraints are the last line.
pub fn replace_all(store: &Store, inv: &Inventory) -> Result<(), InventoryError> {
    store.write(|tx| replace_all_in(tx, inv))
}

/// [`replace_all`] inside the caller's transaction (the store seeds a new database in the
/// same transaction as its schema).
pub(crate) fn replace_all_in(
    tx: &rusqlite::Transaction,
    inv: &Inventory,
) -> Result<(), InventoryError> {
    repo::clear_all(tx)?;
    rotation::delete_all(tx)?;
    // Referenced kinds first, so every reference finds its target.
    insert_all::<Vendor>(tx, inv)?;
    insert_all::<Endpoint>(tx, inv)?;
    insert_all::<Rotation>(tx, inv)?;
    insert_all::<Workflow>(tx, inv)
}

fn insert_all<E: Entity>(
    conn: &rusqlite::Connection,
    inv: &Inventory,
) -> Result<(), InventoryError> {
    for item in E::list(inv) {
        item.insert(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
