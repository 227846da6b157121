//! The drill: break and restore the simulated vendors of a simulated workspace.

use brownout_core::simulator::{drill, DrillState, Fault};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The inventory's vendors with their faults; starts the simulator when the workspace is
/// simulated.
pub async fn drill_get(state: State<'_, AppState>) -> Result<DrillState, IpcError> {
    drill::get(&state.workspace, &state.simulator).map_err(|e| IpcError::of(&e))
}

/// Switches one vendor into `fault` (`none` restores it).
pub async fn drill_set(
    state: State<'_, AppState>,
    vendor: String,
    fault: Fault,
) -> Result<DrillState, IpcError> {
    drill::set(&state.workspace, &state.simulator, &vendor, fault).map_err(|e| IpcError::of(&e))
}
