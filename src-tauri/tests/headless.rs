//! The headless CLI (`cargo build -p brownout --no-default-features`, put at
//! `target/headless/brownout` by scripts/build-headless.sh) runs on a CI runner without GTK or
//! WebKit: its dynamic libraries include neither, and it says it has no window.

use std::path::PathBuf;
use std::process::Command;

/// Libraries that belong to the window and must not be linked into the headless CLI.
const WINDOW_LIBS: [&str; 4] = ["libwebkit", "libgtk", "libjavascriptcore", "libsoup"];

fn headless_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("BROWNOUT_HEADLESS_BIN") {
        return path.into();
    }
    // target/debug/brownout → target/headless/brownout
    let app = PathBuf::from(env!("CARGO_BIN_EXE_brownout"));
    let target = app
        .parent()
        .and_then(|p| p.parent())
        .expect("the binary lives in <target>/<profile>/");
    target.join("headless").join("brownout")
}

fn linked_libraries(bin: &std::path::Path) -> String {
    let out = Command::new("ldd")
        .arg(bin)
        .output()
        .expect("ldd must be installed to check the headless build");
    assert!(out.status.success(), "ldd {} failed", bin.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn window_libraries(ldd: &str) -> Vec<&str> {
    ldd.lines()
        .filter(|l| WINDOW_LIBS.iter().any(|lib| l.contains(lib)))
        .map(str::trim)
        .collect()
}

#[test]
fn headless_cli_links_no_gtk_or_webkit() {
    let bin = headless_binary();
    assert!(
        bin.is_file(),
        "the headless CLI is missing at {}: build it with `bash scripts/build-headless.sh` (scripts/test.sh does this before the tests)",
        bin.display()
    );
    let ldd = linked_libraries(&bin);
    let found = window_libraries(&ldd);
    assert!(
        found.is_empty(),
        "the headless CLI links window libraries:\n{}",
        found.join("\n")
    );
    println!("{}:\n{ldd}", bin.display());

    let out = Command::new(&bin)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("BROWNOUT_DB", "/nonexistent/never-opened.db")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has no window"), "{err}");
    let help = Command::new(&bin).arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("runbook"));
}

/// The check above can fail: the app with its window links WebKit and GTK.
#[cfg(feature = "gui")]
#[test]
fn the_library_check_sees_webkit_in_the_app() {
    let ldd = linked_libraries(std::path::Path::new(env!("CARGO_BIN_EXE_brownout")));
    let found = window_libraries(&ldd);
    assert!(
        found.iter().any(|l| l.contains("libwebkit")) && found.iter().any(|l| l.contains("libgtk")),
        "{ldd}"
    );
}
