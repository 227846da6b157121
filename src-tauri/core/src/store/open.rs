//! Opening a database file: check the path, look at the file read-only, and only when it is
//! new or Brownout's take it over (schema, seed and WAL switch); when it cannot be written,
//! work on an in-memory copy instead.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::{ffi, Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use super::identity::{identify, Identity};
use super::{migrations, Opened, Store, StoreError, LATEST_VERSION};

/// How long an open waits for another process that holds the database (say, one creating
/// it right now) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Writes the first content of a new database, inside the transaction that creates its
/// schema, so a database is never left migrated but unseeded.
pub type Seed = dyn Fn(&Transaction) -> Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// How [`Store::open_with`] treats the path.
#[derive(Default)]
pub struct OpenOptions<'a> {
    /// Create the database's missing folders (right for the default location); otherwise a
    /// missing folder is refused.
    pub create_folders: bool,
    /// Never write to the file: work on an in-memory copy, as when it cannot be written.
    pub read_only: bool,
    /// The first content of a new database.
    pub seed: Option<&'a Seed>,
}

/// `path` for messages: control and bidirectional characters escaped, never printed raw.
pub fn shown(path: &Path) -> String {
    escaped(&path.display().to_string())
}

pub(super) fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || bidi {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

pub(super) fn open(
    path: &Path,
    options: &OpenOptions,
    target: i64,
) -> Result<(Store, Opened), StoreError> {
    let shown = shown(path);
    let exists = check_path(path, &shown, options.create_folders)?;
    if options.read_only {
        if !exists {
            return Err(no_new_database(&shown));
        }
        return snapshot(path, &shown);
    }
    if exists {
        // Look before touching: nothing is written to a file that is not Brownout's.
        match source(path, &shown).and_then(|c| identify(&c, &shown)) {
            Ok(_) => {}
            // A hot journal left by a crash: the writable open rolls it back, then looks again.
            Err(e) if needs_recovery(&e) => {}
            Err(e) => return Err(e),
        }
    }
    match open_writable(path, &shown, options.seed, target) {
        Err(e) if exists && cannot_write(&e) => snapshot(path, &shown),
        Err(e) if cannot_write(&e) => Err(StoreError::ReadOnly {
            path: shown,
            reason: "its folder cannot be written, so no database can be created there".into(),
        }),
        other => other,
    }
}

/// Refuses what cannot be a database file; says whether the file exists.
fn check_path(path: &Path, shown: &str, create_folders: bool) -> Result<bool, StoreError> {
    let bad = |reason: String| StoreError::BadPath {
        path: shown.to_owned(),
        reason,
    };
    let raw = path.to_string_lossy();
    if raw.is_empty() {
        return Err(bad("the path is empty".into()));
    }
    if raw == ":memory:" {
        return Err(bad(
            "':memory:' is not a file, and a workspace must outlive the process".into(),
        ));
    }
    if raw.chars().any(char::is_control) {
        return Err(bad("the path contains control characters".into()));
    }
    match std::fs::metadata(path) {
        // An empty file is a new database only where it was asked for, not at the end of a
        // link that may point anywhere.
        Ok(m) if m.is_file() && m.len() == 0 && is_link(path) => Err(bad(
            "it is a link to an empty file; give the file's own path to create a database there"
                .into(),
        )),
        Ok(m) if m.is_file() => Ok(true),
        Ok(m) if m.is_dir() => Err(bad("it is a folder".into())),
        Ok(_) => Err(bad("it is not a regular file".into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if path.symlink_metadata().is_ok() {
                return Err(bad("it is a link to a file that does not exist".into()));
            }
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if folder.is_dir() {
                Ok(false)
            } else if create_folders {
                std::fs::create_dir_all(folder).map_err(|source| StoreError::CreateDir {
                    path: shown.to_owned(),
                    source,
                })?;
                Ok(false)
            } else if folder.exists() {
                Err(bad(format!("{} is not a folder", self::shown(folder))))
            } else {
                Err(bad(format!(
                    "its folder {} does not exist",
                    self::shown(folder)
                )))
            }
        }
        Err(e) => Err(bad(e.to_string())),
    }
}

fn is_link(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
}

/// Opens the file for writing: a new or empty file gets schema and seed in one exclusive
/// transaction (others wait and then see the result), an older Brownout schema is migrated,
/// and only then does the journal switch to WAL.
fn open_writable(
    path: &Path,
    shown: &str,
    seed: Option<&Seed>,
    target: i64,
) -> Result<(Store, Opened), StoreError> {
    let db = |source| StoreError::Database {
        path: shown.to_owned(),
        source,
    };
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(db)?;
    if conn.is_readonly(rusqlite::MAIN_DB).map_err(db)? {
        return Err(StoreError::ReadOnly {
            path: shown.to_owned(),
            reason: "the file cannot be written".into(),
        });
    }
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db)?;
    // Per-connection settings; they write nothing to the file.
    // A timeline entry the operator saw as saved must survive power loss.
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(db)?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(db)?;
    let opened = match identify(&conn, shown)? {
        Identity::Brownout(v) if v >= target => Opened::Existing,
        _ => {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Exclusive)
                .map_err(db)?;
            // Again under the lock: another process may have created it meanwhile.
            let opened = match identify(&tx, shown)? {
                Identity::Empty => {
                    migrations::migrate(&tx, shown, 0, target)?;
                    crash_point("migrated");
                    if let Some(seed) = seed {
                        seed(&tx).map_err(|source| StoreError::Seed {
                            path: shown.to_owned(),
                            source,
                        })?;
                    }
                    crash_point("seeded");
                    Opened::Fresh
                }
                Identity::Brownout(v) => {
                    migrations::migrate(&tx, shown, v, target)?;
                    Opened::Existing
                }
            };
            tx.commit().map_err(db)?;
            crash_point("committed");
            opened
        }
    };
    // Only now, with the file known to be Brownout's, may its journal mode change.
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
        .map_err(db)?;
    Ok((Store::new(conn, Some(path.to_path_buf()), false), opened))
}

/// A read-only connection to the file that writes nothing beside it.
fn source(path: &Path, shown: &str) -> Result<Connection, StoreError> {
    let db = |source| StoreError::Database {
        path: shown.to_owned(),
        source,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let immutable = || -> Result<Connection, StoreError> {
        let conn =
            Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(db)?;
        count_schema(&conn, shown)?;
        Ok(conn)
    };
    // A WAL database with no changes in a -wal file is read exactly as immutable; opened
    // the ordinary way, a reader would leave -wal and -shm files behind (or, in a folder that
    // cannot be written, fail for want of them).
    if in_wal_mode(path) && !wal_holds(path) {
        return immutable();
    }
    let conn = Connection::open_with_flags(path, flags).map_err(db)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db)?;
    count_schema(&conn, shown)?;
    Ok(conn)
}

fn count_schema(conn: &Connection, shown: &str) -> Result<(), StoreError> {
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            Err(StoreError::NotBrownout {
                path: shown.to_owned(),
                reason: "it is not an SQLite database".into(),
            })
        }
        Err(source) => Err(StoreError::Database {
            path: shown.to_owned(),
            source,
        }),
    }
}

/// The file's header says WAL (format versions 2 at offsets 18 and 19).
fn in_wal_mode(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|_| {
            header.starts_with(b"SQLite format 3\0") && header[18] == 2 && header[19] == 2
        })
}

fn wal_holds(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

fn immutable_uri(path: &Path) -> String {
    use percent_encoding::{percent_encode, AsciiSet, NON_ALPHANUMERIC};
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'.')
        .remove(b'-')
        .remove(b'_');
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(absolute.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = absolute.to_string_lossy().replace('\\', "/").into_bytes();
    let encoded = percent_encode(&bytes, KEEP).to_string();
    let slash = if encoded.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{encoded}?immutable=1")
}

/// An in-memory copy of the file, migrated in memory if older: reads work, the runbook index
/// can be rebuilt, and every other change is refused. Nothing is written to disk.
fn snapshot(path: &Path, shown: &str) -> Result<(Store, Opened), StoreError> {
    let db = |source| StoreError::Database {
        path: shown.to_owned(),
        source,
    };
    let src = source(path, shown)?;
    let Identity::Brownout(version) = identify(&src, shown)? else {
        return Err(no_new_database(shown));
    };
    let mut mem = Connection::open_in_memory().map_err(db)?;
    Backup::new(&src, &mut mem)
        .and_then(|b| b.run_to_completion(1024, Duration::ZERO, None))
        .map_err(db)?;
    drop(src);
    mem.pragma_update(None, "foreign_keys", "ON").map_err(db)?;
    if version < LATEST_VERSION {
        let tx = mem
            .transaction_with_behavior(TransactionBehavior::Exclusive)
            .map_err(db)?;
        migrations::migrate(&tx, shown, version, LATEST_VERSION)?;
        tx.commit().map_err(db)?;
    }
    let refused = Arc::new(AtomicBool::new(false));
    mem.authorizer(Some(only_derived_writes(refused.clone())));
    let mut store = Store::new(mem, Some(path.to_path_buf()), true);
    store.refused = refused;
    Ok((store, Opened::Existing))
}

fn no_new_database(shown: &str) -> StoreError {
    StoreError::ReadOnly {
        path: shown.to_owned(),
        reason: "a new database cannot be created without writing".into(),
    }
}

/// Tables of the probe history: a sweep on a read-only copy records its samples in memory.
const PROBE_HISTORY_TABLES: &[&str] = &[
    "probe_samples",
    "probe_rollups",
    "probe_rollup_failures",
    "probe_state_changes",
];

/// In a read-only copy only derived data may change: the runbook index (`runbook_*` tables,
/// derived from the files) and the probe history (measured, not entered); a write to anything
/// the operator entered is refused and flagged.
fn only_derived_writes(
    refused: Arc<AtomicBool>,
) -> impl for<'r> FnMut(AuthContext<'r>) -> Authorization + Send + 'static {
    move |ctx| {
        let table = match ctx.action {
            AuthAction::Insert { table_name }
            | AuthAction::Delete { table_name }
            | AuthAction::Update { table_name, .. } => table_name,
            _ => return Authorization::Allow,
        };
        if table.starts_with("runbook_")
            || PROBE_HISTORY_TABLES.contains(&table)
            || ctx.database_name == Some("temp")
        {
            Authorization::Allow
        } else {
            refused.store(true, Ordering::SeqCst);
            Authorization::Deny
        }
    }
}

fn sqlite_source(e: &StoreError) -> Option<&rusqlite::Error> {
    match e {
        StoreError::Database { source, .. } | StoreError::Migration { source, .. } => Some(source),
        StoreError::Sqlite(source) => Some(source),
        _ => None,
    }
}

/// The failure of a writable open on a file or folder that cannot be written.
fn cannot_write(e: &StoreError) -> bool {
    matches!(e, StoreError::ReadOnly { .. })
        || sqlite_source(e).is_some_and(|s| {
            matches!(
                s.sqlite_error_code(),
                Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
            )
        })
}

/// A read-only look that found a crash's leftovers only a writer can undo.
fn needs_recovery(e: &StoreError) -> bool {
    sqlite_source(e).is_some_and(|s| match s {
        rusqlite::Error::SqliteFailure(f, _) => matches!(
            f.extended_code,
            ffi::SQLITE_READONLY_ROLLBACK | ffi::SQLITE_READONLY_RECOVERY
        ),
        _ => false,
    })
}

/// Test-only: the crash tests end the process here, at each step of a first open, exactly as
/// a `kill -9` would (no destructor, no SQLite clean-up).
#[cfg(debug_assertions)]
fn crash_point(step: &str) {
    if std::env::var_os("BROWNOUT_CRASH_AT").is_some_and(|v| v == step) {
        std::process::abort();
    }
}

#[cfg(not(debug_assertions))]
fn crash_point(_: &str) {}
