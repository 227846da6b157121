//! What the shell hands to Tauri's `manage`: cheap-to-clone handles, no globals.

use brownout_core::store::Store;
use brownout_core::Workspace;

#[derive(Clone)]
pub struct AppState {
    pub workspace: Workspace,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self { workspace }
    }

    pub fn store(&self) -> &Store {
        &self.workspace.store
    }
}
