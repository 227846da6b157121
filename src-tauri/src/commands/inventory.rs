//! The inventory commands: `inventory_get`, and a save and a delete command per kind of item,
//! each a call of the workspace's generic `save_item` / `delete_item` (which keep the runbook
//! index's problem counts in step with the inventory), then a reload of the probes.

use brownout_core::inventory::{self, Endpoint, Inventory, Rotation, Vendor, Workflow};
use tauri::State;

use crate::error::IpcError;
use crate::health_monitor;
use crate::state::AppState;

pub async fn inventory_get(state: State<'_, AppState>) -> Result<Inventory, IpcError> {
    Ok(inventory::load(state.store())?)
}

/// `{kind}_save(original_id, {kind})` returns what was stored; `{kind}_delete(id)`.
macro_rules! item_commands {
    ($save:ident, $delete:ident, $item:ident: $kind:ty) => {
        pub async fn $save(
            state: State<'_, AppState>,
            original_id: Option<String>,
            $item: $kind,
        ) -> Result<$kind, IpcError> {
            let saved = state.workspace.save_item(original_id.as_deref(), $item)?;
            health_monitor::reload(&state);
            Ok(saved)
        }

        pub async fn $delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
            state.workspace.delete_item::<$kind>(&id)?;
            health_monitor::reload(&state);
            Ok(())
        }
    };
}

item_commands!(vendor_save, vendor_delete, vendor: Vendor);
item_commands!(endpoint_save, endpoint_delete, endpoint: Endpoint);
item_commands!(workflow_save, workflow_delete, workflow: Workflow);
item_commands!(rotation_save, rotation_delete, rotation: Rotation);
