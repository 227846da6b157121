//! The committed generated files (TypeScript types and client, the window's capability) must
//! match the IPC declaration. `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings`
//! rewrites them.

use std::path::PathBuf;

use brownout_shell::bindings::files;

#[test]
fn generated_files_match_the_declaration() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let update = std::env::var_os("UPDATE_BINDINGS").is_some();
    let mut stale = Vec::new();
    for file in files() {
        let path = root.join(file.path);
        if update {
            std::fs::write(&path, &file.text).unwrap();
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != file.text {
            stale.push(file.path);
        }
    }
    assert!(
        stale.is_empty(),
        "out of date with the IPC declaration: {}; run `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings` and commit them",
        stale.join(", ")
    );
}
