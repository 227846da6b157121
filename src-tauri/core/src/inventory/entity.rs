//! The one pattern every inventory item follows: a kind word, its place in the inventory file,
//! its validation, its storage and what refers to it. [`super::save`] and [`super::delete`]
//! are written once over this trait; adding a field to a kind touches its model, its storage and
//! its validation, never the save path.

use rusqlite::Connection;
use serde::Serialize;

use super::repo::{self, Table};
use super::validate::{self, KnownRefs};
use super::{Endpoint, FieldError, Inventory, Vendor, Workflow};
use crate::rotation::{self, Rotation};

/// A kind of inventory item: vendor, endpoint, workflow or rotation. `Serialize` lets rules
/// that hold for every field of every kind (in [`validate::item_errors`]) see the whole item.
pub trait Entity: Serialize + Sized {
    /// The word for one item in messages: `vendor`.
    const KIND: &'static str;
    /// The item's section of the inventory file: `vendors`.
    const SECTION: &'static str;

    fn id(&self) -> &str;
    /// This kind's list in a whole inventory.
    fn list(inv: &Inventory) -> &[Self];
    /// The item's own rules and its references to the ids in `known`. Callers go through
    /// [`validate::item_errors`], the one place validation runs.
    fn field_errors(&self, known: &KnownRefs) -> Vec<FieldError>;

    fn exists(conn: &Connection, id: &str) -> rusqlite::Result<bool>;
    fn insert(&self, conn: &Connection) -> rusqlite::Result<()>;
    /// Replaces the item stored as `original_id` (which may be renamed); rows changed.
    fn update(&self, conn: &Connection, original_id: &str) -> rusqlite::Result<usize>;
    /// Removes the item; rows removed.
    fn remove(conn: &Connection, id: &str) -> rusqlite::Result<usize>;
    /// What still refers to the item (`workflow support-chat`), so a delete can say what blocks it.
    fn users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>>;
}

impl Entity for Vendor {
    const KIND: &'static str = "vendor";
    const SECTION: &'static str = "vendors";
    fn id(&self) -> &str {
        &self.id
    }
    fn list(inv: &Inventory) -> &[Self] {
        &inv.vendors
    }
    fn field_errors(&self, _: &KnownRefs) -> Vec<FieldError> {
        validate::vendor_errors(self)
    }
    fn exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
        repo::exists(conn, Table::Vendors, id)
    }
    fn insert(&self, conn: &Connection) -> rusqlite::Result<()> {
        repo::insert_vendor(conn, self)
    }
    fn update(&self, conn: &Connection, original_id: &str) -> rusqlite::Result<usize> {
        repo::update_vendor(conn, original_id, self)
    }
    fn remove(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
        repo::delete(conn, Table::Vendors, id)
    }
    fn users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
        repo::vendor_users(conn, id)
    }
}

impl Entity for Endpoint {
    const KIND: &'static str = "endpoint";
    const SECTION: &'static str = "endpoints";
    fn id(&self) -> &str {
        &self.id
    }
    fn list(inv: &Inventory) -> &[Self] {
        &inv.endpoints
    }
    fn field_errors(&self, known: &KnownRefs) -> Vec<FieldError> {
        validate::endpoint_errors(self, known)
    }
    fn exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
        repo::exists(conn, Table::Endpoints, id)
    }
    fn insert(&self, conn: &Connection) -> rusqlite::Result<()> {
        repo::insert_endpoint(conn, self)
    }
    fn update(&self, conn: &Connection, original_id: &str) -> rusqlite::Result<usize> {
        repo::update_endpoint(conn, original_id, self)
    }
    fn remove(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
        repo::delete(conn, Table::Endpoints, id)
    }
    fn users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
        repo::endpoint_users(conn, id)
    }
}

impl Entity for Workflow {
    const KIND: &'static str = "workflow";
    const SECTION: &'static str = "workflows";
    fn id(&self) -> &str {
        &self.id
    }
    fn list(inv: &Inventory) -> &[Self] {
        &inv.workflows
    }
    fn field_errors(&self, known: &KnownRefs) -> Vec<FieldError> {
        validate::workflow_errors(self, known)
    }
    fn exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
        repo::exists(conn, Table::Workflows, id)
    }
    fn insert(&self, conn: &Connection) -> rusqlite::Result<()> {
        repo::insert_workflow(conn, self)
    }
    fn update(&self, conn: &Connection, original_id: &str) -> rusqlite::Result<usize> {
        repo::update_workflow(conn, original_id, self)
    }
    fn remove(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
        repo::delete(conn, Table::Workflows, id)
    }
    /// Nothing refers to a workflow (runbooks name workflows, but they live on disk).
    fn users(_: &Connection, _: &str) -> rusqlite::Result<Vec<String>> {
        Ok(Vec::new())
    }
}

/// Rotations keep their model, validation and tables in [`crate::rotation`]; the inventory only
/// knows which workflows they own.
impl Entity for Rotation {
    const KIND: &'static str = "rotation";
    const SECTION: &'static str = "rotations";
    fn id(&self) -> &str {
        &self.id
    }
    fn list(inv: &Inventory) -> &[Self] {
        &inv.rotations
    }
    fn field_errors(&self, _: &KnownRefs) -> Vec<FieldError> {
        rotation::rotation_errors(self)
    }
    fn exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
        rotation::exists(conn, id)
    }
    fn insert(&self, conn: &Connection) -> rusqlite::Result<()> {
        rotation::insert(conn, self)
    }
    fn update(&self, conn: &Connection, original_id: &str) -> rusqlite::Result<usize> {
        rotation::update(conn, original_id, self)
    }
    fn remove(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
        rotation::delete(conn, id)
    }
    fn users(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
        repo::rotation_users(conn, id)
    }
}
