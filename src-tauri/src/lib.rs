//! Brownout's desktop shell and CLI: thin adapters over `brownout-core`.
//!
//! Everything that needs the window sits behind the `gui` feature (on by default); without it
//! the crate is the headless CLI, with no GTK or WebKit linked.

pub mod cli;
pub mod error;
pub mod probing;
pub mod state;

#[cfg(feature = "gui")]
pub mod assets;
#[cfg(feature = "gui")]
pub mod bindings;
#[cfg(feature = "gui")]
pub mod commands;
#[cfg(feature = "gui")]
pub mod events;
#[cfg(feature = "gui")]
pub mod health_monitor;
#[cfg(feature = "gui")]
pub mod runbook_watch;
#[cfg(feature = "gui")]
pub mod window;

#[cfg(feature = "gui")]
use tauri::{Builder, Manager, Runtime};

pub use state::AppState;

#[cfg(feature = "gui")]
/// Registers state and every command on `builder`. Used by the real app and, with Tauri's mock
/// runtime, by the IPC tests, so both run the same command dispatch.
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .register_uri_scheme_protocol(assets::SCHEME, assets::handle)
        .invoke_handler(commands::list::handler())
}

#[cfg(feature = "gui")]
/// Opens the window and runs until it closes.
pub fn run_gui(state: AppState) -> Result<(), tauri::Error> {
    build_app(tauri::Builder::default(), state)
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let state = app.state::<AppState>();
            if let Err(e) = brownout_core::runbook::service::prepare(&state.workspace) {
                eprintln!("brownout: cannot index the runbooks folder: {e}");
            }
            runbook_watch::restart(app.handle());
            health_monitor::start(app.handle());
            Ok(window::create_main_window(app.handle())?)
        })
        .run(tauri::generate_context!())
}
