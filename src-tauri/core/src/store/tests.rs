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

/// The files in `dir` and the bytes of `file`: what "left untouched" means.
fn untouched(dir: &Path, file: &Path) -> (Vec<u8>, Vec<String>) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (std::fs::read(file).unwrap_or_default(), names)
}

fn not_brownout(setup: &str, wal: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempdir().unwrap();
    let path = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&path).unwrap();
    if wal {
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
    }
    c.execute_batch(setup).unwrap();
    drop(c);
    (dir, path)
}

#[test]
fn files_that_are_not_brownout_databases_are_refused_untouched() {
    let brownout_v3_tables = {
        let dir = tempdir().unwrap();
        let (store, _) = Store::open_at_version(&dir.path().join("v3.db"), 3).unwrap();
        store
            .read(|c| {
                let sql: Vec<String> = c
                    .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL")?
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                Ok::<_, StoreError>(sql.join(";\n"))
            })
            .unwrap()
    };
    let cases = [
        (
            "another application's tables",
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');".to_owned(),
            "tables of its own",
        ),
        (
            "another application's tables at a Brownout version",
            "CREATE TABLE notes (body TEXT); PRAGMA user_version = 3;".to_owned(),
            "not Brownout's at schema version 3",
        ),
        (
            "Brownout's version-3 tables plus one of its own",
            format!("{brownout_v3_tables}; CREATE TABLE extra (x); PRAGMA user_version = 3;"),
            "not Brownout's at schema version 3",
        ),
        (
            "Brownout's version-3 tables at version 2",
            format!("{brownout_v3_tables}; PRAGMA user_version = 2;"),
            "not Brownout's at schema version 2",
        ),
        ("a negative version", "PRAGMA user_version = -1;".to_owned(), "negative (-1)"),
        (
            "a negative version with tables",
            "CREATE TABLE t (x); PRAGMA user_version = -2147483648;".to_owned(),
            "negative",
        ),
        (
            "another application's marker",
            "PRAGMA application_id = 7;".to_owned(),
            "another application's file (application_id 0x7)",
        ),
        (
            "an unmarked version no Brownout made",
            "PRAGMA user_version = 9;".to_owned(),
            "schema version 9 without the Brownout marker",
        ),
    ];
    for wal in [false, true] {
        for (what, setup, reason) in &cases {
            let (dir, path) = not_brownout(setup, wal);
            let before = untouched(dir.path(), &path);
            let err = Store::open(&path)
                .err()
                .unwrap_or_else(|| panic!("{what} opened"));
            let msg = err.to_string();
            assert!(
                matches!(err, StoreError::NotBrownout { .. }),
                "{what}: {msg}"
            );
            assert!(
                msg.contains(&path.display().to_string()) && msg.contains(reason),
                "{what}: {msg}"
            );
            assert_eq!(untouched(dir.path(), &path), before, "{what} (wal: {wal})");
            // Read-only opening looks the same way.
            let err = Store::open_with(
                &path,
                &OpenOptions {
                    read_only: true,
                    ..Default::default()
                },
            );
            assert!(matches!(err, Err(StoreError::NotBrownout { .. })), "{what}");
        }
    }

    let dir = tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all\n".repeat(100)).unwrap();
    let before = untouched(dir.path(), &text);
    let msg = Store::open(&text).err().unwrap().to_string();
    assert!(msg.contains("not an SQLite database"), "{msg}");
    assert_eq!(untouched(dir.path(), &text), before);
}

#[test]
fn bad_paths_are_refused_naming_the_path() {
    let dir = tempdir().unwrap();
    let explicit = OpenOptions::default();
    let refused = |path: &Path, reason: &str| {
        let err = Store::open_with(path, &explicit).err().expect("refused");
        let msg = err.to_string();
        assert!(matches!(err, StoreError::BadPath { .. }), "{msg}");
        assert!(msg.contains(reason), "{msg}");
        assert!(
            !msg.chars().any(char::is_control),
            "raw control character in {msg:?}"
        );
        msg
    };
    refused(Path::new(":memory:"), "':memory:' is not a file");
    refused(Path::new(""), "empty");
    let msg = refused(&dir.path().join("a\u{1b}[31m\nb.db"), "control characters");
    assert!(msg.contains("a\\u{1b}[31m\\u{a}b.db"), "{msg}");
    let missing = dir.path().join("missing/x.db");
    let msg = refused(&missing, "does not exist");
    assert!(msg.contains(&missing.display().to_string()), "{msg}");
    assert!(!dir.path().join("missing").exists());
    refused(dir.path(), "it is a folder");
    #[cfg(unix)]
    {
        let link = dir.path().join("dangling.db");
        std::os::unix::fs::symlink(dir.path().join("nowhere.db"), &link).unwrap();
        refused(&link, "link to a file that does not exist");
        assert!(!dir.path().join("nowhere.db").exists());
        let target = dir.path().join("elsewhere.db");
        std::fs::write(&target, b"").unwrap();
        let link = dir.path().join("to-empty.db");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        refused(&link, "link to an empty file");
        assert_eq!(std::fs::metadata(&target).unwrap().len(), 0);
        refused(Path::new("/dev/null"), "not a regular file");
    }
    // The default location gets its folders; an empty file is a new database.
    let (_, opened) = Store::open(&missing).unwrap();
    assert_eq!(opened, Opened::Fresh);
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let (store, opened) = Store::open_with(&empty, &explicit).unwrap();
    assert_eq!(opened, Opened::Fresh);
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

/// The seed commits with the schema: a failed seed leaves an empty file that the next open
/// creates and seeds again.
#[test]
fn a_failed_seed_leaves_no_schema_behind() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("s.db");
    let failing = |_: &Transaction| -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        Err("the demo could not be written".into())
    };
    let err = Store::open_with(
        &path,
        &OpenOptions {
            seed: Some(&failing),
            ..Default::default()
        },
    )
    .err()
    .expect("seed failure reported");
    assert!(matches!(err, StoreError::Seed { .. }), "{err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    let c = rusqlite::Connection::open(&path).unwrap();
    let (version, tables): (i64, i64) = c
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), count(*) FROM sqlite_schema",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((version, tables), (0, 0));
    drop(c);
    let seeded = |tx: &Transaction| -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        tx.execute("INSERT INTO vendors (id, name) VALUES ('demo', 'Demo')", [])?;
        Ok(())
    };
    let (store, opened) = Store::open_with(
        &path,
        &OpenOptions {
            seed: Some(&seeded),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(opened, Opened::Fresh);
    let n: i64 = store
        .read(|c| {
            Ok::<_, StoreError>(c.query_row("SELECT count(*) FROM vendors", [], |r| r.get(0))?)
        })
        .unwrap();
    assert_eq!(n, 1);
}

fn renamed(mut inv: crate::inventory::Inventory) -> crate::inventory::Inventory {
    inv.vendors.iter_mut().for_each(|v| v.name.push_str(" B"));
    inv.endpoints.iter_mut().for_each(|e| e.name.push_str(" B"));
    inv.workflows.iter_mut().for_each(|w| w.name.push_str(" B"));
    inv.rotations.iter_mut().for_each(|r| r.name.push_str(" B"));
    inv
}

/// A load spanning four tables sees one snapshot while another connection replaces the
/// whole inventory over and over.
#[test]
fn reads_spanning_tables_see_one_snapshot() {
    use crate::inventory;
    let dir = tempdir().unwrap();
    let path = dir.path().join("busy.db");
    let a = inventory::demo::demo_inventory().unwrap();
    let b = renamed(a.clone());
    let (writer, _) = Store::open(&path).unwrap();
    inventory::replace_all(&writer, &a).unwrap();
    let (reader, _) = Store::open(&path).unwrap();
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let thread = {
        let (a, b, done) = (a.clone(), b.clone(), done.clone());
        std::thread::spawn(move || {
            for i in 0..300 {
                inventory::replace_all(&writer, if i % 2 == 0 { &b } else { &a }).unwrap();
            }
            done.store(true, Ordering::SeqCst);
        })
    };
    let mut loads = 0;
    while !done.load(Ordering::SeqCst) {
        let seen = inventory::load(&reader).unwrap();
        assert!(
            seen == a || seen == b,
            "load {loads} mixed the two inventories"
        );
        loads += 1;
    }
    thread.join().unwrap();
    assert!(loads > 0);
}

/// A database that cannot be written opens as an in-memory copy: everything reads, an older
/// schema is migrated in memory, the runbook index can be rebuilt, every other change is
/// refused naming the database, and the file and its folder stay as they were.
#[test]
fn a_read_only_copy_reads_everything_and_refuses_changes() {
    use crate::workspace::{Workspace, WorkspaceLocation};
    use crate::{inventory, settings};
    let dir = tempdir().unwrap();
    let path = dir.path().join("ro.db");
    let location = WorkspaceLocation {
        db: Some(path.clone()),
    };
    drop(Workspace::open(&location).unwrap());
    std::fs::create_dir(dir.path().join("runbooks")).unwrap();
    std::fs::write(
        dir.path().join("runbooks/openai.md"),
        "---\nid: openai\ntitle: OpenAI\nvendor: openai\n---\n# OpenAI\n\n- [ ] Check the status page\n",
    )
    .unwrap();
    let before = untouched(dir.path(), &path);

    let ws = Workspace::open_read_only(&location).unwrap();
    assert!(ws.store.is_read_only());
    let demo = inventory::demo::demo_inventory().unwrap();
    assert_eq!(inventory::load(&ws.store).unwrap(), demo);
    // The index is derived data: it is rebuilt in memory.
    crate::runbook::service::refresh(&ws).unwrap();
    let coverage = crate::runbook::service::audit_context(&ws).unwrap();
    assert!(coverage.runbook_coverage.is_some());

    let err = inventory::replace_all(&ws.store, &renamed(demo.clone())).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("read-only") && msg.contains(&path.display().to_string()),
        "{msg}"
    );
    let err =
        inventory::delete::<inventory::Workflow>(&ws.store, &demo.workflows[0].id).unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    let mut s = settings::load(&ws.store, ws.dir()).unwrap();
    s.operator = "Ana".into();
    let err = settings::save(&ws.store, &s).unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    let err = ws
        .store
        .write(|tx| {
            tx.execute(
                "INSERT INTO incidents (vendor_id, failure_mode, title, declared_at) VALUES ('openai', 'slow', 't', 'now')",
                [],
            )?;
            Ok::<_, StoreError>(())
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert_eq!(
        inventory::load(&ws.store).unwrap(),
        demo,
        "nothing changed in memory"
    );
    drop(ws);
    assert_eq!(
        untouched(dir.path(), &path),
        before,
        "nothing written to disk"
    );

    // An older schema is migrated in the copy only.
    let old = dir.path().join("v3.db");
    drop(Store::open_at_version(&old, 3).unwrap());
    let (store, _) = Store::open_with(
        &old,
        &OpenOptions {
            read_only: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    drop(store);
    let c = rusqlite::Connection::open(&old).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 3, "the file keeps its version");

    // A new database cannot be made read-only.
    let err = Store::open_with(
        &dir.path().join("new.db"),
        &OpenOptions {
            read_only: true,
            ..Default::default()
        },
    )
    .err()
    .unwrap();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
}

mod probe_config;
