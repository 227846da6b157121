//! Versioned schema migrations. Each runs in its own IMMEDIATE transaction together with the
//! `user_version` bump, so a crash leaves the database at the previous version, never between.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only; never edit one
/// that has shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/0001_inventory.sql"),
    include_str!("sql/0002_incidents.sql"),
    include_str!("sql/0003_settings.sql"),
    include_str!("sql/0004_runbooks.sql"),
    include_str!("sql/0006_runbook_index_stat.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection, from: i64, to: i64) -> Result<(), StoreError> {
    for version in from..to {
        let sql = MIGRATIONS[version as usize];
        let next = version + 1;
        let wrap = |source| StoreError::Migration {
            version: next,
            source,
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(wrap)?;
        tx.execute_batch(sql).map_err(wrap)?;
        tx.pragma_update(None, "user_version", next).map_err(wrap)?;
        tx.commit().map_err(wrap)?;
    }
    Ok(())
}
