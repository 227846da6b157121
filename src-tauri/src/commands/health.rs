//! The health commands: the board (live states, chains, probe spend), probing one endpoint at
//! once, and a vendor's peak-hours heatmap.

use brownout_core::inventory::{self, InventoryError};
use brownout_core::probe::board::{self, EndpointLive, HealthBoard, LiveView};
use brownout_core::probe::history::HeatCell;
use brownout_core::settings;
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::AppState;

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// The live states the board shows: none until probes run.
fn live_view(_state: &AppState) -> LiveView {
    LiveView::new()
}

pub async fn health_board(state: State<'_, AppState>) -> Result<HealthBoard, IpcError> {
    let inv = inventory::load(state.store())?;
    Ok(board::build(
        state.store(),
        &inv,
        &live_view(&state),
        false,
        now(),
    )?)
}

/// Probes `endpoint` at once and returns its entry on the board.
pub async fn probe_now<R: Runtime>(
    _app: AppHandle<R>,
    state: State<'_, AppState>,
    endpoint: String,
) -> Result<EndpointLive, IpcError> {
    let inv = inventory::load(state.store())?;
    let Some(found) = inv.endpoints.iter().find(|e| e.id == endpoint) else {
        return Err(IpcError::from(InventoryError::NotFound {
            kind: "endpoint",
            id: endpoint,
        }));
    };
    Ok(board::endpoint_live(
        state.store(),
        found,
        &live_view(&state),
        now(),
    )?)
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
