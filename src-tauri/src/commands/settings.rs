use brownout_core::runbook::service;
use brownout_core::settings::{self, Settings};
use tauri::{AppHandle, Runtime, State};

use crate::{health_monitor, runbook_watch};

use crate::error::IpcError;
use crate::state::AppState;

pub async fn settings_get(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    Ok(settings::load(state.store(), state.workspace.dir())?)
}

/// Saves; a new runbooks folder is indexed and watched at once.
pub async fn settings_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    let saved = settings::save(state.store(), &settings)?;
    service::prepare(&state.workspace)?;
    runbook_watch::restart(&app);
    health_monitor::apply_routing(&state);
    Ok(saved)
}
