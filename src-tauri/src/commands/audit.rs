use brownout_core::audit::{self, AuditReport};
use brownout_core::runbook::service;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The audit, with runbook coverage from the runbooks folder (re-indexed first, so files
/// changed outside the app count).
pub async fn audit_run(state: State<'_, AppState>) -> Result<AuditReport, IpcError> {
    service::refresh(&state.workspace)?;
    let ctx = service::audit_context(&state.workspace)?;
    Ok(audit::run(state.store(), &ctx)?)
}
