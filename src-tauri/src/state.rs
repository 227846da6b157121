//! What the shell hands to Tauri's `manage`: cheap-to-clone handles, no globals.

use brownout_core::store::Store;
use brownout_core::Workspace;

#[derive(Clone)]
pub struct AppState {
    pub workspace: Workspace,
    /// Who is at the keyboard, for timeline entries.
    pub operator: String,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            operator: default_operator(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.workspace.store
    }
}

/// The OS user's name, used until the operator sets one.
pub fn default_operator() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "operator".into())
}
