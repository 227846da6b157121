//! The health commands: the board (live states, chains, probe spend), probing one endpoint at
//! once, and a vendor's peak-hours heatmap.

use brownout_core::inventory::{self, InventoryError};
use brownout_core::probe::board::{self, EndpointLive, HealthBoard, LiveView};
use brownout_core::probe::history::HeatCell;
use brownout_core::settings;
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::health_monitor;
use crate::probing::routing_for;
use crate::state::AppState;

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// The live states the board shows: none until the monitor runs.
fn live_view(state: &AppState) -> LiveView {
    let monitor = state
        .monitor
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    monitor.map(|m| m.live_view()).unwrap_or_default()
}

pub async fn health_board(state: State<'_, AppState>) -> Result<HealthBoard, IpcError> {
    let inv = inventory::load(state.store())?;
    let simulated = routing_for(&state).is_simulated();
    Ok(board::build(
        state.store(),
        &inv,
        &live_view(&state),
        simulated,
        now(),
    )?)
}

/// Probes `endpoint` (or a status page, `status:VENDOR`) at once: its live state and the
/// history take the sample, the UI hears `health-changed`, and its board entry is returned.
pub async fn probe_now<R: Runtime>(
    app: AppHandle<R>,
    _state: State<'_, AppState>,
    endpoint: String,
) -> Result<EndpointLive, IpcError> {
    let monitor = health_monitor::ensure(&app)?;
    monitor.probe_now(&endpoint).await?;
    Ok(monitor.endpoint_live(&endpoint)?)
}

/// The heatmap of `vendor`'s endpoints, in the operator's time zone from settings.
pub async fn health_heatmap(
    state: State<'_, AppState>,
    vendor: String,
) -> Result<Vec<HeatCell>, IpcError> {
    let inv = inventory::load(state.store())?;
    let zone = settings::load(state.store(), state.workspace.dir())?.time_zone;
    board::vendor_heatmap(state.store(), &inv, &vendor, &zone, now())?.ok_or_else(|| {
        IpcError::from(InventoryError::NotFound {
            kind: "vendor",
            id: vendor,
        })
    })
}
