//! A workspace for the command line whose probes go to the endpoints' own (loopback) servers:
//! a fresh workspace is the simulated demo, so simulation is switched off after the import.
// Each test crate uses only part of this file.
#![allow(dead_code)]

use std::path::PathBuf;

use super::binary::{brownout, text};

pub struct Setup {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// A workspace whose inventory is `inventory`, written to `inventory.FORMAT` (`yaml` or
/// `json`) and imported.
pub fn real_workspace(inventory: &str, format: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("probe.db");
    let file = dir.path().join(format!("inventory.{format}"));
    std::fs::write(&file, inventory).unwrap();
    let out = brownout(&db, &["inventory", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE settings SET value = 'false' WHERE key = 'simulated'",
            [],
        )
        .unwrap();
    Setup { dir, db }
}
