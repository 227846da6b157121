use brownout_core::audit::{self, AuditContext, AuditReport};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn audit_run(state: State<'_, AppState>) -> Result<AuditReport, IpcError> {
    Ok(audit::run(state.store(), &AuditContext::default())?)
}
