use brownout_core::audit::{self, AuditReport};
use brownout_core::runbook::service;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The audit, with runbook coverage from the index (files changed outside the app reach it
/// through the folder watcher, which then emits `runbooks-changed`).
pub async fn audit_run(state: State<'_, AppState>) -> Result<AuditReport, IpcError> {
    let ctx = service::audit_context(&state.workspace)?;
    Ok(audit::run(state.store(), &ctx)?)
}
