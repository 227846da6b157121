// Every declared command gets an `allow-<command>` permission; capabilities/default.json
// (generated from the same declaration) grants exactly these to the main window.

/// Reads only the command names out of the declaration in src/commands/list.rs; the types
/// there are never resolved here.
macro_rules! ipc_surface {
    (
        commands {
            $( $module:ident :: $name:ident [ $($ctx:ident),* ] ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*
        }
        events {
            $( $payload:ident = $event:literal ; )*
        }
    ) => {
        &[$(stringify!($name)),*]
    };
}

#[cfg(feature = "gui")]
fn main() {
    let commands: &[&str] = include!("src/commands/list.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build script failed");
}

// The headless CLI has no window, so nothing to build for one.
#[cfg(not(feature = "gui"))]
fn main() {
    let _: &[&str] = include!("src/commands/list.rs");
}
