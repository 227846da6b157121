//! What the shell hands to Tauri's `manage`: cheap-to-clone handles, no globals.

use std::sync::{Arc, Mutex};

use brownout_core::probe::monitor::Monitor;
use brownout_core::runbook::watch::RunbookWatcher;
use brownout_core::store::Store;
use brownout_core::Workspace;

#[derive(Clone)]
pub struct AppState {
    pub workspace: Workspace,
    /// Watches the runbooks folder while the window is open.
    pub runbook_watcher: Arc<Mutex<Option<RunbookWatcher>>>,
    /// The probe monitor, once the window (or a command) started it.
    pub monitor: Arc<Mutex<Option<Monitor>>>,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            runbook_watcher: Arc::default(),
            monitor: Arc::default(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.workspace.store
    }
}
