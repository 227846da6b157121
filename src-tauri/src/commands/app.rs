use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use brownout_core::settings;

use crate::error::IpcError;
use crate::state::AppState;

/// Facts about the running app, for the status bar and the About box.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub operator: String,
}

pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    let store = state.store();
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        db_path: store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        schema_version: store.schema_version()?,
        operator: settings::load(store, state.workspace.dir())?.operator,
    })
}
