use brownout_core::settings::{self, Settings};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    Ok(settings::load(state.store(), state.workspace.dir())?)
}

#[tauri::command]
pub async fn settings_save(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    Ok(settings::save(state.store(), &settings)?)
}
