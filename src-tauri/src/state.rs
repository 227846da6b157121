//! What the shell hands to Tauri's `manage`: cheap-to-clone handles, no globals.

use std::sync::{Arc, Mutex};

use brownout_core::probe::secrets::SystemSecrets;
use brownout_core::runbook::watch::RunbookWatcher;
use brownout_core::store::Store;
use brownout_core::Workspace;

#[derive(Clone)]
pub struct AppState {
    pub workspace: Workspace,
    /// Watches the runbooks folder while the window is open.
    pub runbook_watcher: Arc<Mutex<Option<RunbookWatcher>>>,
    /// Where probes read credentials and where the UI stores keys: the environment and the OS
    /// keyring. Never the database.
    pub secrets: Arc<SystemSecrets>,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            runbook_watcher: Arc::default(),
            secrets: Arc::new(SystemSecrets::os()),
        }
    }

    /// The same, with other secrets (tests: the keyring crate's mock store).
    pub fn with_secrets(mut self, secrets: Arc<SystemSecrets>) -> Self {
        self.secrets = secrets;
        self
    }

    pub fn store(&self) -> &Store {
        &self.workspace.store
    }
}
