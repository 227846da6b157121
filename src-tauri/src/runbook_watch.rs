//! Keeps the runbook index in step with the folder while the window is open, and tells the UI
//! (`runbooks-changed`) when files changed on disk, e.g. after a `git pull`: the runbook list, the
//! open runbook, and the audit and dashboard (whose runbook coverage comes from the index)
//! reload on it.

use brownout_core::runbook::service;
use brownout_core::runbook::watch::watch;
use brownout_core::runbook::SyncReport;
use tauri::{AppHandle, Manager, Runtime};

use crate::commands::Event;
use crate::events::RunbooksChanged;
use crate::state::AppState;

/// The files a sync changed, sorted.
fn changed(report: SyncReport) -> Vec<String> {
    let mut files: Vec<String> = [report.added, report.updated, report.removed].concat();
    files.sort();
    files
}

/// (Re)starts watching the runbooks folder named in settings; the previous watcher stops.
pub fn restart<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let watcher = service::folder(&state.workspace).and_then(|dir| {
        std::fs::create_dir_all(&dir)
            .map_err(|e| brownout_core::runbook::RunbookError::Watch(e.to_string()))?;
        let ws = state.workspace.clone();
        let handle = app.clone();
        watch(&dir, move |seen| {
            let files = match service::refresh(&ws) {
                // Nothing new to the index, yet the files did change: the app's own save may
                // have indexed another writer's version that landed just after it, so the
                // open editor must still compare versions (its own save's echo is ignored).
                Ok(report) if report.is_empty() => seen,
                Ok(report) => changed(report),
                Err(e) => {
                    eprintln!("brownout: cannot re-index runbooks: {e}");
                    seen
                }
            };
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
