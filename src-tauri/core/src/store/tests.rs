use super::*;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use tempfile::tempdir;

#[test]
fn fresh_database_is_migrated_with_pragmas() {
    let dir = tempdir().unwrap();
    let (store, opened) = Store::open(&dir.path().join("nested/b.db")).unwrap();
    assert_eq!(opened, Opened::Fresh);
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    store
        .read(|c| {
            let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
            let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            assert_eq!(mode, "wal");
            assert_eq!(sync, 2, "synchronous=FULL");
            assert_eq!(fk, 1);
            Ok::<_, StoreError>(())
        })
        .unwrap();
    drop(store);
    let (_, opened) = Store::open(&dir.path().join("nested/b.db")).unwrap();
    assert_eq!(opened, Opened::Existing);
}

/// Every migration applies from an empty database and from each earlier version, keeping data.
#[test]
fn migrates_from_every_earlier_version() {
    for start in 0..=LATEST_VERSION {
        let dir = tempdir().unwrap();
        let path = dir.path().join("m.db");
        let (store, _) = Store::open_at_version(&path, start).unwrap();
        assert_eq!(store.schema_version().unwrap(), start);
        if start >= 1 {
            store
                .write(|tx| {
                    tx.execute("INSERT INTO vendors (id, name) VALUES ('v', 'V')", [])?;
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        }
        drop(store);
        let (store, _) = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            LATEST_VERSION,
            "from {start}"
        );
        store
            .read(|c| {
                let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
                assert_eq!(ok, "ok");
                let fk_problems: i64 =
                    c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                        r.get(0)
                    })?;
                assert_eq!(fk_problems, 0);
                if start >= 1 {
                    let n: i64 = c.query_row("SELECT count(*) FROM vendors", [], |r| r.get(0))?;
                    assert_eq!(n, 1, "data kept when migrating from {start}");
                }
                let marker: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
                assert_eq!(marker, APPLICATION_ID, "marked when migrating from {start}");
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(&format!(
            "CREATE TABLE t (x); PRAGMA user_version = 999; PRAGMA application_id = {APPLICATION_ID};"
        ))
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    let msg = err.to_string();
    assert!(matches!(err, StoreError::NewerSchema { found: 999, .. }));
    assert!(
        msg.contains("newer Brownout") && msg.contains("untouched"),
        "{msg}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "file unchanged");
    assert!(!dir.path().join("future.db-wal").exists());
}

#[test]
fn failed_write_rolls_back() {
    let (store, _) = Store::open_in_memory().unwrap();
    let res: Result<(), StoreError> = store.write(|tx| {
        tx.execute("INSERT INTO vendors (id, name) VALUES ('a', 'A')", [])?;
        tx.execute("INSERT INTO vendors (id, name) VALUES ('a', 'again')", [])?;
        Ok(())
    });
    assert!(res.is_err());
    let n: i64 = store
        .read(|c| {
            Ok::<_, StoreError>(c.query_row("SELECT count(*) FROM vendors", [], |r| r.get(0))?)
        })
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_broken_migration_leaves_the_previous_version() {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    // Make migration 1 fail half-way: its first table already exists.
    conn.execute_batch("CREATE TABLE endpoints (x);").unwrap();
    let tx = conn.transaction().unwrap();
    let err = migrations::migrate(&tx, "m.db", 0, LATEST_VERSION).unwrap_err();
    drop(tx);
    assert!(
        matches!(err, StoreError::Migration { version: 1, .. }),
        "{err}"
    );
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 0);
    let vendors: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'vendors'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        vendors, 0,
        "the vendors table of the failed migration was rolled back"
    );
}

/// A database made at `version` with the vendor openai in it, opened again so that it
/// migrates to the latest version; the directory holding it goes with the store.
fn migrated_from(version: i64) -> (tempfile::TempDir, Store) {
    let dir = tempdir().unwrap();
    let path = dir.path().join(format!("v{version}.db"));
    let (store, _) = Store::open_at_version(&path, version).unwrap();
    let add_openai = "INSERT INTO vendors (id, name) VALUES ('openai', 'OpenAI')";
    store
        .write(|tx| {
            tx.execute(add_openai, [])?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
    drop(store);
    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    (dir, store)
}

/// 0004: the runbook index (with its FTS5 table, so FTS5 must be compiled into the bundled
/// SQLite) and walk-through progress, added to a version-3 database with data in it.
#[test]
fn runbook_tables_arrive_on_a_version_3_database() {
    let (_dir, store) = migrated_from(3);
    store
        .write(|tx| {
            let fts5: bool =
                tx.query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                    r.get(0)
                })?;
            assert!(fts5, "bundled SQLite without FTS5");
            tx.execute(
                "INSERT INTO runbook_files (file, runbook_id, title, vendor, hash)
                 VALUES ('openai.md', 'openai', 'OpenAI', 'openai', 'h')",
                [],
            )?;
            tx.execute(
                "INSERT INTO runbook_search (file, title, body) VALUES ('openai.md', 'OpenAI', 'Retry-After on 429s')",
                [],
            )?;
            let hit: String = tx.query_row(
                "SELECT file FROM runbook_search WHERE runbook_search MATCH '\"429s\"'",
                [],
                |r| r.get(0),
            )?;
            assert_eq!(hit, "openai.md");
            let defaults: (String, String, i64) = tx.query_row(
                "SELECT failure_modes, workflows, problems FROM runbook_files",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            assert_eq!(defaults, ("[]".into(), "[]".into(), 0));
            tx.execute(
                "INSERT INTO walk_steps (runbook_id, step_id, state, actor, updated_at)
                 VALUES ('openai', 'confirm', 'done', 'ana', '2026-11-24T10:00:00Z')",
                [],
            )?;
            let bad = tx.execute(
                "INSERT INTO walk_steps (runbook_id, step_id, state, actor, updated_at)
                 VALUES ('openai', 'other', 'finished', 'ana', '2026-11-24T10:00:00Z')",
                [],
            );
            assert!(bad.is_err(), "a state outside the four is refused");
            let vendors: i64 = tx.query_row("SELECT count(*) FROM vendors", [], |r| r.get(0))?;
            assert_eq!(vendors, 1, "version-3 data kept");
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

/// 0007: the probe history, added to a version-6 database with data in it; health values
/// are checked, and a rollup's failures go with it.
#[test]
fn probe_history_tables_arrive_on_a_version_6_database() {
    let (_dir, store) = migrated_from(6);
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO probe_samples (endpoint_id, at_s, reason, latency_ms)
                 VALUES ('gpt', 1795000000, 'ok', 120)",
                [],
            )?;
            let rolled_up: i64 =
                tx.query_row("SELECT rolled_up FROM probe_samples", [], |r| r.get(0))?;
            assert_eq!(rolled_up, 0, "a new sample is not yet rolled up");
            tx.execute(
                "INSERT INTO probe_state_changes (endpoint_id, at_s, from_health, to_health, reason)
                 VALUES ('gpt', 1795000000, 'unknown', 'healthy', 'ok')",
                [],
            )?;
            let bad = tx.execute(
                "INSERT INTO probe_state_changes (endpoint_id, at_s, from_health, to_health, reason)
                 VALUES ('gpt', 1795000000, 'unknown', 'fine', 'ok')",
                [],
            );
            assert!(bad.is_err(), "a health outside the four is refused");
            tx.execute(
                "INSERT INTO probe_rollups (endpoint_id, hour_s, samples, latency_p50_ms,
                    latency_p95_ms, latency_max_ms)
                 VALUES ('gpt', 1794999600, 2, 100, 200, 200)",
                [],
            )?;
            tx.execute(
                "INSERT INTO probe_rollup_failures (endpoint_id, hour_s, reason, samples)
                 VALUES ('gpt', 1794999600, 'throttled', 1)",
                [],
            )?;
            let orphan = tx.execute(
                "INSERT INTO probe_rollup_failures (endpoint_id, hour_s, reason, samples)
                 VALUES ('gpt', 1, 'throttled', 1)",
                [],
            );
            assert!(orphan.is_err(), "failures belong to a rollup");
            tx.execute("DELETE FROM probe_rollups", [])?;
            let left: i64 =
                tx.query_row("SELECT count(*) FROM probe_rollup_failures", [], |r| {
                    r.get(0)
                })?;
            assert_eq!(left, 0, "a rollup's failures go with it");
            let vendors: i64 = tx.query_row("SELECT count(*) FROM vendors", [], |r| r.get(0))?;
            assert_eq!(vendors, 1, "version-6 data kept");
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

mod opening;
mod probe_config;
