//! The inventory commands: one pair per kind, each a one-line call of the core's generic
//! [`inventory::save`] / [`inventory::delete`].

use brownout_core::inventory::{self, Endpoint, Entity, Inventory, Rotation, Vendor, Workflow};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn inventory_get(state: State<'_, AppState>) -> Result<Inventory, IpcError> {
    Ok(inventory::load(state.store())?)
}

fn save<E: Entity>(state: &AppState, original_id: Option<String>, item: E) -> Result<E, IpcError> {
    Ok(inventory::save(
        state.store(),
        original_id.as_deref(),
        item,
    )?)
}

fn delete<E: Entity>(state: &AppState, id: &str) -> Result<(), IpcError> {
    Ok(inventory::delete::<E>(state.store(), id)?)
}

#[tauri::command]
pub async fn vendor_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    vendor: Vendor,
) -> Result<Vendor, IpcError> {
    save(&state, original_id, vendor)
}

#[tauri::command]
pub async fn vendor_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    delete::<Vendor>(&state, &id)
}

#[tauri::command]
pub async fn endpoint_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    endpoint: Endpoint,
) -> Result<Endpoint, IpcError> {
    save(&state, original_id, endpoint)
}

#[tauri::command]
pub async fn endpoint_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    delete::<Endpoint>(&state, &id)
}

#[tauri::command]
pub async fn workflow_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    workflow: Workflow,
) -> Result<Workflow, IpcError> {
    save(&state, original_id, workflow)
}

#[tauri::command]
pub async fn workflow_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    delete::<Workflow>(&state, &id)
}

#[tauri::command]
pub async fn rotation_save(
    state: State<'_, AppState>,
    original_id: Option<String>,
    rotation: Rotation,
) -> Result<Rotation, IpcError> {
    save(&state, original_id, rotation)
}

#[tauri::command]
pub async fn rotation_delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    delete::<Rotation>(&state, &id)
}
