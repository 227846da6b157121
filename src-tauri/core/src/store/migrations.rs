//! Versioned schema migrations. They run inside the caller's transaction together with each
//! `user_version` bump, so a crash leaves the database at the version it had before the open,
//! never between.

use rusqlite::Connection;

use super::StoreError;

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only; never edit one
/// that has shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/0001_inventory.sql"),
    include_str!("sql/0002_incidents.sql"),
    include_str!("sql/0003_settings.sql"),
    include_str!("sql/0004_runbooks.sql"),
    include_str!("sql/0005_application_id.sql"),
    include_str!("sql/0006_runbook_index_stat.sql"),
    include_str!("sql/0007_probe_history.sql"),
    include_str!("sql/0008_probe_config.sql"),
    include_str!("sql/0009_rotation_schedules.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// The last version made before databases carried the application marker: an unmarked
/// database is Brownout's only at one of these versions, with exactly their tables.
pub(super) const LAST_UNMARKED_VERSION: i64 = 4;

/// Runs migrations `from..to` on `tx`, which must be a transaction the caller commits.
pub(super) fn migrate(tx: &Connection, path: &str, from: i64, to: i64) -> Result<(), StoreError> {
    let from = usize::try_from(from).unwrap_or(MIGRATIONS.len());
    let to = usize::try_from(to).unwrap_or(0).min(MIGRATIONS.len());
    for (version, sql) in MIGRATIONS.iter().enumerate().take(to).skip(from) {
        let next = version as i64 + 1;
        let wrap = |source| StoreError::Migration {
            path: path.to_owned(),
            version: next,
            source,
        };
        tx.execute_batch(sql).map_err(wrap)?;
        tx.pragma_update(None, "user_version", next).map_err(wrap)?;
    }
    Ok(())
}
