//! The real `brownout` binary as the tests run it: against a named database, with no display
//! and none of the environment that would point it elsewhere.

// Each test crate that declares this module uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `brownout --db DB ARGS…`, not yet started. Headless: with no display at all, any GTK
/// initialisation would fail loudly.
pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brownout"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("BROWNOUT_DB")
        .env_remove("BROWNOUT_CRASH_AT");
    c
}

/// Runs `brownout --db DB ARGS…` to the end.
pub fn brownout(db: &Path, args: &[&str]) -> Output {
    command(db, args).output().unwrap()
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Asserts that the run ended with `code` and that its standard error says `needle`.
pub fn assert_fails_saying(out: &Output, code: i32, needle: &str) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert!(stderr.contains(needle), "{needle:?} not in:\n{stderr}");
}
