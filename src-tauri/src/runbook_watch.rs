//! Keeps the runbook index in step with the folder while the window is open, and tells the UI
//! (`runbooks-changed`) when files change on disk, e.g. after a `git pull`.

use brownout_core::runbook::service;
use brownout_core::runbook::watch::watch;
use tauri::{AppHandle, Manager, Runtime};

use crate::commands::Event;
use crate::events::RunbooksChanged;
use crate::state::AppState;

/// (Re)starts watching the runbooks folder named in settings; the previous watcher stops.
pub fn restart<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let watcher = service::folder(&state.workspace).and_then(|dir| {
        std::fs::create_dir_all(&dir)
            .map_err(|e| brownout_core::runbook::RunbookError::Watch(e.to_string()))?;
        let ws = state.workspace.clone();
        let handle = app.clone();
        watch(&dir, move |files| {
            if let Err(e) = service::refresh(&ws) {
                eprintln!("brownout: cannot re-index runbooks: {e}");
            }
            let _ = RunbooksChanged { files }.emit(&handle);
        })
    });
    let mut slot = state
        .runbook_watcher
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    *slot = match watcher {
        Ok(w) => Some(w),
        Err(e) => {
            eprintln!("brownout: runbook changes on disk will not show until a restart: {e}");
            None
        }
    };
}
