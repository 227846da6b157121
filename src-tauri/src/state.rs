//! What the shell hands to Tauri's `manage`: cheap-to-clone handles, no globals.

use std::sync::{Arc, Mutex};

use brownout_core::probe::monitor::Monitor;
use brownout_core::probe::secrets::SystemSecrets;
use brownout_core::runbook::watch::RunbookWatcher;
use brownout_core::simulator::{EmbeddedError, EmbeddedSimulator};
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
    /// The vendor simulator a simulated workspace probes, started the first time it is needed.
    pub simulator: EmbeddedSimulator,
    /// The probe monitor, once the window (or a command) started it.
    pub monitor: Arc<Mutex<Option<Monitor>>>,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            runbook_watcher: Arc::default(),
            secrets: Arc::new(SystemSecrets::os()),
            simulator: EmbeddedSimulator::default(),
            monitor: Arc::default(),
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

    /// Where the workspace's probes go: the embedded simulator's base URL
    /// (`http://127.0.0.1:PORT`, started on first use) when the workspace is simulated, `None`
    /// when probes go to the real vendors. Read the setting each time: it can change.
    pub fn simulated_base_url(&self) -> Result<Option<String>, EmbeddedError> {
        self.simulator.for_workspace(&self.workspace)
    }
}
