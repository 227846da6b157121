//! Brownout's desktop shell and CLI: thin adapters over `brownout-core`.

pub mod assets;
pub mod bindings;
pub mod cli;
pub mod commands;
pub mod error;
pub mod runbook_watch;
pub mod state;
pub mod window;

use tauri::{Builder, Manager, Runtime};

pub use state::AppState;

/// Registers state and every command on `builder`. Used by the real app and, with Tauri's mock
/// runtime, by the IPC tests, so both run the same command dispatch.
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .register_uri_scheme_protocol(assets::SCHEME, assets::handle)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::inventory::inventory_get,
            commands::inventory::vendor_save,
            commands::inventory::vendor_delete,
            commands::inventory::endpoint_save,
            commands::inventory::endpoint_delete,
            commands::inventory::workflow_save,
            commands::inventory::workflow_delete,
            commands::inventory::rotation_save,
            commands::inventory::rotation_delete,
            commands::audit::audit_run,
            commands::settings::settings_get,
            commands::settings::settings_save,
            commands::runbooks::runbook_list,
            commands::runbooks::runbook_open,
            commands::runbooks::runbook_preview,
            commands::runbooks::runbook_save,
            commands::runbooks::runbook_create,
            commands::runbooks::walkthrough_get,
            commands::runbooks::walkthrough_mark,
            commands::runbooks::walkthrough_reset,
            commands::runbooks::timeline_list,
        ])
}

/// Opens the window and runs until it closes.
pub fn run_gui(state: AppState) -> Result<(), tauri::Error> {
    build_app(tauri::Builder::default(), state)
        .setup(|app| {
            let state = app.state::<AppState>();
            if let Err(e) = brownout_core::runbook::service::prepare(&state.workspace) {
                eprintln!("brownout: cannot index the runbooks folder: {e}");
            }
            runbook_watch::restart(app.handle());
            Ok(window::create_main_window(app.handle())?)
        })
        .run(tauri::generate_context!())
}
