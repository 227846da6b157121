use brownout_core::inventory::{self, Endpoint, Inventory, Rotation, Vendor, Workflow};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

pub async fn inventory_get(state: State<'_, AppState>) -> Result<Inventory, IpcError> {
    Ok(inventory::load(state.store())?)
}

pub async fn vendor_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    vendor: Vendor,
) -> Result<Vendor, IpcError> {
    Ok(inventory::save_vendor(
        state.store(),
        original_id.as_deref(),
        vendor,
    )?)
}

pub async fn vendor_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(inventory::delete_vendor(state.store(), &id)?)
}

pub async fn endpoint_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    endpoint: Endpoint,
) -> Result<Endpoint, IpcError> {
    Ok(inventory::save_endpoint(
        state.store(),
        original_id.as_deref(),
        endpoint,
    )?)
}

pub async fn endpoint_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(inventory::delete_endpoint(state.store(), &id)?)
}

pub async fn workflow_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    workflow: Workflow,
) -> Result<Workflow, IpcError> {
    Ok(inventory::save_workflow(
        state.store(),
        original_id.as_deref(),
        workflow,
    )?)
}

pub async fn workflow_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(inventory::delete_workflow(state.store(), &id)?)
}

pub async fn rotation_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    rotation: Rotation,
) -> Result<Rotation, IpcError> {
    Ok(inventory::save_rotation(
        state.store(),
        original_id.as_deref(),
        rotation,
    )?)
}

pub async fn rotation_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(inventory::delete_rotation(state.store(), &id)?)
}
