//! Opening files: foreign databases refused untouched, bad paths, an atomic first seed, one
//! snapshot per read, and read-only copies.

use super::*;

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
