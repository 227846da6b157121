//! The workspace database as processes meet it: first opens racing, crashes during the first
//! open, exports while imports run, files that are not Brownout's, bad paths and read-only
//! databases. Every test runs the real binary.

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};

// Helpers shared by this folder's test crates (see the README's Layout).
mod support {
    pub mod binary;
}

use support::binary::{brownout, command, text};

/// The demo inventory as a fresh database exports it.
fn demo_export(dir: &Path) -> Vec<u8> {
    let out = brownout(&dir.join("reference.db"), &["inventory", "export"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    out.stdout
}

/// What `path` holds (length and a hash of its bytes), with the names of the files in its
/// folder (SQLite keeps its -wal, -shm and -journal files there).
fn snapshot(path: &Path) -> (usize, u64, Vec<String>) {
    use std::hash::{Hash, Hasher};
    let dir = path.parent().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let bytes = std::fs::read(path).unwrap();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    (bytes.len(), hasher.finish(), names)
}

/// Reopened after whatever happened, the database holds the whole demo and its audit finds
/// what the demo is missing (an unseeded database would say "No findings").
fn assert_seeded(db: &Path, demo: &[u8], what: &str) {
    let out = brownout(db, &["inventory", "export"]);
    assert_eq!(out.status.code(), Some(0), "{what}: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout), text(demo), "{what}: export after reopen");
    let audit = brownout(db, &["audit"]);
    assert!(
        !text(&audit.stdout).contains("No findings"),
        "{what}: audit of an unseeded database: {}",
        text(&audit.stdout)
    );
}

#[test]
fn twenty_first_opens_at_once_all_print_the_seeded_demo() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_export(dir.path());
    for round in 0..2 {
        let db = dir.path().join(format!("new-{round}.db"));
        let children: Vec<Child> = (0..20)
            .map(|_| {
                command(&db, &["inventory", "export"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for (i, child) in children.into_iter().enumerate() {
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}, process {i}: {}",
                text(&out.stderr)
            );
            assert_eq!(
                text(&out.stdout),
                text(&demo),
                "round {round}, process {i} exported something else"
            );
        }
    }
}

/// The demo grown to 600 workflows (copies under new ids), its names ending in `suffix`: two
/// suffixes give two inventories an export mixing them differs from, and the size makes a
/// read long enough for an import to land in the middle of it if it is not one snapshot.
fn grown(demo_json: &[u8], suffix: &str) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(demo_json).unwrap();
    for list in ["vendors", "endpoints", "workflows", "rotations"] {
        for item in v[list].as_array_mut().unwrap() {
            let name = item["name"].as_str().unwrap().to_owned();
            item["name"] = format!("{name}{suffix}").into();
        }
    }
    let workflows = v["workflows"].as_array_mut().unwrap();
    let originals = workflows.clone();
    for i in 0..120 {
        for w in &originals {
            let mut copy = w.clone();
            copy["id"] = format!("{}-{i:03}", w["id"].as_str().unwrap()).into();
            workflows.push(copy);
        }
    }
    serde_json::to_vec_pretty(&v).unwrap()
}

#[test]
fn exports_taken_while_imports_run_are_each_one_whole_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    let demo = brownout(&db, &["inventory", "export", "--format", "json"]).stdout;
    let (a, b) = (grown(&demo, ""), grown(&demo, " B"));
    let (file_a, file_b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    std::fs::write(&file_a, &a).unwrap();
    std::fs::write(&file_b, &b).unwrap();
    // What each inventory exports as once imported (the file is not byte-for-byte an export).
    let import = |file: &PathBuf| {
        let out = brownout(&db, &["inventory", "import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    };
    import(&file_b);
    let export_b = brownout(&db, &["inventory", "export", "--format", "json"]).stdout;
    import(&file_a);
    let export_a = brownout(&db, &["inventory", "export", "--format", "json"]).stdout;
    assert_ne!(export_a, export_b);

    let importer = {
        let (db, file_a, file_b) = (db.clone(), file_a.clone(), file_b.clone());
        std::thread::spawn(move || {
            for i in 0..30 {
                let file = if i % 2 == 0 { &file_b } else { &file_a };
                let out = brownout(&db, &["inventory", "import", file.to_str().unwrap()]);
                assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            }
        })
    };
    let mut exports = 0;
    while !importer.is_finished() && exports < 400 {
        let out = brownout(&db, &["inventory", "export", "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            out.stdout == export_a || out.stdout == export_b,
            "export {exports} mixes the two inventories:\n{}",
            text(&out.stdout)
        );
        exports += 1;
    }
    importer.join().unwrap();
    assert!(exports > 0);
}

#[test]
fn a_crash_at_each_step_of_the_first_open_leaves_a_database_that_reopens_seeded() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_export(dir.path());
    for step in ["migrated", "seeded", "committed"] {
        let db = dir.path().join(format!("crash-{step}.db"));
        let out = command(&db, &["inventory", "export"])
            .env("BROWNOUT_CRASH_AT", step)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            None,
            "the process was to die at {step}: {}",
            text(&out.stderr)
        );
        assert!(db.exists(), "{step}: the database file was created");
        assert_seeded(&db, &demo, step);
    }
}

#[test]
fn first_opens_killed_at_various_moments_leave_a_database_that_reopens_seeded() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_export(dir.path());
    // Kill moments spread from the moment the file appears (the open has begun) over the
    // next 40% of the time a whole first open takes on this machine; where each lands varies
    // from run to run, the outcome must not.
    let started = std::time::Instant::now();
    let out = brownout(&dir.path().join("calibration.db"), &["inventory", "export"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let whole = started.elapsed();
    for k in 0..16u32 {
        let db = dir.path().join(format!("killed-{k}.db"));
        let mut child = command(&db, &["inventory", "export"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        while !db.exists() && child.try_wait().unwrap().is_none() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let after = whole * k / 40;
        std::thread::sleep(after);
        let _ = child.kill(); // SIGKILL; it may have finished already
        child.wait().unwrap();
        assert_seeded(&db, &demo, &format!("killed {after:?} into the first open"));
    }
}

fn assert_refused_untouched(db: &Path, what: &str, expected: &str) {
    let before = snapshot(db);
    for args in [&["inventory", "export"][..], &["audit"]] {
        let out = brownout(db, args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{what}: {err}");
        assert!(
            err.contains(&db.display().to_string()) && err.contains(expected),
            "{what}: {err}"
        );
        assert_eq!(snapshot(db), before, "{what}: file or folder changed");
    }
}

#[test]
fn files_that_are_not_brownout_databases_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();

    // Each file in a folder of its own, so that the snapshot sees SQLite's side files.
    let sqlite_file = |relative: &str, sql: &str| {
        let path = dir.path().join(relative);
        std::fs::create_dir(path.parent().unwrap()).unwrap();
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(sql).unwrap();
        path
    };
    let other_app_tables = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
         CREATE TABLE tags (note INTEGER, tag TEXT);
         INSERT INTO notes (body) VALUES ('groceries'), ('call Ana');
         INSERT INTO tags VALUES (1, 'home');
         PRAGMA user_version = 3;";
    for (relative, sql, what, expected) in [
        (
            "other/notes.db",
            other_app_tables,
            "another application's file",
            "not a Brownout database",
        ),
        (
            "negative/n.db",
            "PRAGMA user_version = -5;",
            "negative user_version",
            "negative",
        ),
        (
            "marked/m.db",
            "PRAGMA application_id = 1234;",
            "another application's marker",
            "another application",
        ),
    ] {
        assert_refused_untouched(&sqlite_file(relative, sql), what, expected);
    }

    let text_file = dir.path().join("text").join("readme.db");
    std::fs::create_dir(text_file.parent().unwrap()).unwrap();
    std::fs::write(
        &text_file,
        "these are not the pages you are looking for\n".repeat(200),
    )
    .unwrap();
    assert_refused_untouched(&text_file, "a text file", "not an SQLite database");
}

#[test]
fn database_paths_are_checked_and_named_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |db: &Path, expected: &str, named: &str| {
        let out = brownout(db, &["inventory", "export"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", db.display());
        assert!(
            err.contains(expected) && err.contains(named),
            "{}: {err}",
            db.display()
        );
        assert!(
            !err.chars().any(|c| c.is_control() && c != '\n'),
            "raw control character in {err:?}"
        );
    };
    refused(
        Path::new(":memory:"),
        "':memory:' is not a file",
        ":memory:",
    );
    let missing = dir.path().join("no-such-folder").join("x.db");
    refused(&missing, "does not exist", &missing.display().to_string());
    assert!(
        !dir.path().join("no-such-folder").exists(),
        "folder created"
    );
    let control = dir.path().join("evil\u{1b}]0;pwned\u{7}\n.db");
    refused(
        &control,
        "control characters",
        "evil\\u{1b}]0;pwned\\u{7}\\u{a}.db",
    );
    assert!(!control.exists());
    refused(
        dir.path(),
        "it is a folder",
        &dir.path().display().to_string(),
    );

    // An empty file at the path asked for is a new database.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let out = brownout(&empty, &["inventory", "export"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), text(&demo_export(dir.path())));
}

/// Read-only use. The tests run as root here, which permission bits do not stop, so the
/// binary runs as `nobody` then: the database and its folder belong to root and cannot be
/// written by it. As any other user, the permission bits alone do it.
#[cfg(unix)]
mod read_only {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;

    fn is_root() -> bool {
        std::fs::metadata("/proc/self")
            .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
            .unwrap_or(false)
    }

    fn as_reader(db: &Path, args: &[&str]) -> Output {
        let mut c = command(db, args);
        if is_root() {
            c.uid(65534).gid(65534).env("HOME", "/nonexistent");
        }
        c.output().unwrap()
    }

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn export_and_audit_work_on_a_database_that_cannot_be_written() {
        let top = tempfile::tempdir().unwrap();
        chmod(top.path(), 0o755);
        let demo = demo_export(top.path());
        // Three ways of being unwritable: the file, the folder, both.
        for (name, file_mode, dir_mode) in [
            ("file", 0o444, 0o777),
            ("folder", 0o666, 0o555),
            ("both", 0o444, 0o555),
        ] {
            let dir = top.path().join(name);
            std::fs::create_dir(&dir).unwrap();
            let db = dir.join("ro.db");
            // Made and indexed while writable, as a real workspace would be.
            let out = brownout(&db, &["audit"]);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            let audit_before = out.stdout;
            chmod(&db, file_mode);
            chmod(&dir, dir_mode);
            // The runbooks folder stays writable: whether default runbooks are installed into
            // an unwritable folder is the runbooks service's concern; this test is about the
            // database.
            chmod(&dir.join("runbooks"), 0o777);
            let before = snapshot(&db);

            let out = as_reader(&db, &["inventory", "export"]);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
            assert_eq!(text(&out.stdout), text(&demo), "{name}");
            let out = as_reader(&db, &["audit"]);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
            assert_eq!(text(&out.stdout), text(&audit_before), "{name}");

            let file = top.path().join("inv.yaml");
            std::fs::write(&file, &demo).unwrap();
            chmod(&file, 0o644);
            let out = as_reader(&db, &["inventory", "import", file.to_str().unwrap()]);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name}: {err}");
            assert!(
                err.contains("read-only") && err.contains(&db.display().to_string()),
                "{name}: {err}"
            );
            assert_eq!(snapshot(&db), before, "{name}: nothing written");
            chmod(&dir, 0o755);
        }
    }

    #[test]
    fn no_new_database_is_made_in_a_folder_that_cannot_be_written() {
        let top = tempfile::tempdir().unwrap();
        chmod(top.path(), 0o755);
        let dir = top.path().join("locked");
        std::fs::create_dir(&dir).unwrap();
        chmod(&dir, 0o555);
        let db = dir.join("new.db");
        let out = as_reader(&db, &["inventory", "export"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("cannot be written") && err.contains(&db.display().to_string()),
            "{err}"
        );
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        chmod(&dir, 0o755);
    }
}
