//! Keys the operator types into the app go to the OS keyring, and nowhere else: not the
//! database, not the inventory, not a log, and never back to the UI.

use brownout_core::error::Code;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Stores `secret` in the OS keyring under the `keyring:SERVICE/ACCOUNT` `reference`. Runs off
/// the async workers: the keyring may be slow to answer (a D-Bus round trip, an unlock prompt).
pub async fn credential_store(
    state: State<'_, AppState>,
    reference: String,
    secret: String,
) -> Result<(), IpcError> {
    let secrets = state.secrets.clone();
    tauri::async_runtime::spawn_blocking(move || secrets.store(&reference, &secret))
        .await
        .map_err(|e| IpcError {
            code: Code::Keyring,
            message: format!("storing the key in the OS keyring stopped: {e}"),
            fields: Vec::new(),
        })??;
    Ok(())
}
