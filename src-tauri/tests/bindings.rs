//! The committed TypeScript IPC types must match the Rust types.
//! `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings` rewrites them.

use std::path::PathBuf;

use brownout_shell::bindings::{typescript, BINDINGS_PATH};

#[test]
fn bindings_match_the_rust_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(BINDINGS_PATH);
    let expected = typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{} is out of date with the Rust types; run `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings` and commit it",
        path.display()
    );
}
