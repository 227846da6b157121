//! The inventory: vendors, endpoints, workflows and their rotations, stored in SQLite and
//! round-tripped through a human-editable file.
//!
//! Public surface: [`load`], the `save_*`/`delete_*` functions, [`replace_all`], the file
//! functions in [`file`], the demo in [`demo`], and validation in [`validate`].

pub mod demo;
pub mod file;
mod model;
mod repo;
pub mod validate;

pub use model::*;
pub use validate::{FieldError, KnownRefs};

use repo::Table;

use crate::rotation;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    #[error("{kind} '{id}' is invalid: {}", describe(.errors))]
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

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The whole inventory, each list ordered by id.
pub fn load(store: &Store) -> Result<Inventory, InventoryError> {
    store.read(|c| {
        Ok(Inventory {
            vendors: repo::load_vendors(c)?,
            endpoints: repo::load_endpoints(c)?,
            workflows: repo::load_workflows(c)?,
            rotations: rotation::load_all(c)?,
        })
    })
}

fn refs(store: &Store) -> Result<KnownRefs, InventoryError> {
    Ok(KnownRefs::of(&load(store)?))
}

fn invalid(kind: &'static str, id: &str, errors: Vec<FieldError>) -> Result<(), InventoryError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(InventoryError::Invalid {
            kind,
            id: id.to_owned(),
            errors,
        })
    }
}

/// Creates (`original_id` = None) or updates (possibly renaming) one item, shared by every kind.
fn save(
    store: &Store,
    kind: &'static str,
    original_id: Option<&str>,
    id: &str,
    exists: impl Fn(&rusqlite::Connection, &str) -> rusqlite::Result<bool>,
    insert: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<()>,
    update: impl FnOnce(&rusqlite::Connection, &str) -> rusqlite::Result<usize>,
) -> Result<(), InventoryError> {
    store.write(|tx| {
        let renamed_onto_other = original_id.is_none_or(|o| o != id);
        if renamed_onto_other && exists(tx, id)? {
            return Err(InventoryError::Invalid {
                kind,
                id: id.to_owned(),
                errors: vec![FieldError {
                    field: "id".into(),
                    message: format!("a {kind} with id '{id}' already exists"),
                }],
            });
        }
        match original_id {
            None => insert(tx)?,
            Some(original) => {
                if update(tx, original)? == 0 {
                    return Err(InventoryError::NotFound {
                        kind,
                        id: original.to_owned(),
                    });
                }
            }
        }
        Ok(())
    })
}

pub fn save_vendor(
    store: &Store,
    original_id: Option<&str>,
    v: Vendor,
) -> Result<Vendor, InventoryError> {
    invalid("vendor", &v.id, validate::vendor_errors(&v))?;
    save(
        store,
        "vendor",
        original_id,
        &v.id,
        |c, id| repo::exists(c, Table::Vendors, id),
        |c| repo::insert_vendor(c, &v),
        |c, o| repo::update_vendor(c, o, &v),
    )?;
    Ok(v)
}

pub fn save_endpoint(
    store: &Store,
    original_id: Option<&str>,
    e: Endpoint,
) -> Result<Endpoint, InventoryError> {
    invalid(
        "endpoint",
        &e.id,
        validate::endpoint_errors(&e, &refs(store)?),
    )?;
    save(
        store,
        "endpoint",
        original_id,
        &e.id,
        |c, id| repo::exists(c, Table::Endpoints, id),
        |c| repo::insert_endpoint(c, &e),
        |c, o| repo::update_endpoint(c, o, &e),
    )?;
    Ok(e)
}

pub fn save_workflow(
    store: &Store,
    original_id: Option<&str>,
    w: Workflow,
) -> Result<Workflow, InventoryError> {
    invalid(
        "workflow",
        &w.id,
        validate::workflow_errors(&w, &refs(store)?),
    )?;
    save(
        store,
        "workflow",
        original_id,
        &w.id,
        |c, id| repo::exists(c, Table::Workflows, id),
        |c| repo::insert_workflow(c, &w),
        |c, o| repo::update_workflow(c, o, &w),
    )?;
    Ok(w)
}

pub fn save_rotation(
    store: &Store,
    original_id: Option<&str>,
    r: Rotation,
) -> Result<Rotation, InventoryError> {
    invalid("rotation", &r.id, validate::rotation_errors(&r))?;
    save(
        store,
        "rotation",
        original_id,
        &r.id,
        rotation::exists,
        |c| rotation::insert(c, &r),
        |c, o| rotation::update(c, o, &r),
    )?;
    Ok(r)
}

fn delete(
    store: &Store,
    kind: &'static str,
    id: &str,
    users: impl Fn(&rusqlite::Connection, &str) -> rusqlite::Result<Vec<String>>,
    remove: impl Fn(&rusqlite::Connection, &str) -> rusqlite::Result<usize>,
) -> Result<(), InventoryError> {
    store.write(|tx| {
        let used_by = users(tx, id)?;
        if !used_by.is_empty() {
            return Err(InventoryError::InUse {
                kind,
                id: id.to_owned(),
                used_by,
            });
        }
        if remove(tx, id)? == 0 {
            return Err(InventoryError::NotFound {
                kind,
                id: id.to_owned(),
            });
        }
        Ok(())
    })
}

pub fn delete_vendor(store: &Store, id: &str) -> Result<(), InventoryError> {
    delete(store, "vendor", id, repo::vendor_users, |c, id| {
        repo::delete(c, Table::Vendors, id)
    })
}

pub fn delete_endpoint(store: &Store, id: &str) -> Result<(), InventoryError> {
    delete(store, "endpoint", id, repo::endpoint_users, |c, id| {
        repo::delete(c, Table::Endpoints, id)
    })
}

pub fn delete_workflow(store: &Store, id: &str) -> Result<(), InventoryError> {
    delete(
        store,
        "workflow",
        id,
        |_, _| Ok(vec![]),
        |c, id| repo::delete(c, Table::Workflows, id),
    )
}

pub fn delete_rotation(store: &Store, id: &str) -> Result<(), InventoryError> {
    delete(
        store,
        "rotation",
        id,
        repo::rotation_users,
        rotation::delete,
    )
}

/// Replaces the whole inventory with `inv`, atomically. `inv` must already be valid
/// (see [`validate::inventory_issues`]); the database's constraints are the last line.
pub fn replace_all(store: &Store, inv: &Inventory) -> Result<(), InventoryError> {
    store.write(|tx| {
        repo::clear_all(tx)?;
        rotation::delete_all(tx)?;
        for v in &inv.vendors {
            repo::insert_vendor(tx, v)?;
        }
        for e in &inv.endpoints {
            repo::insert_endpoint(tx, e)?;
        }
        for r in &inv.rotations {
            rotation::insert(tx, r)?;
        }
        for w in &inv.workflows {
            repo::insert_workflow(tx, w)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests;
