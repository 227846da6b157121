//! The inventory commands: `inventory_get`, and a save and a delete command per kind of item,
//! each a call of the core's generic [`inventory::save`] / [`inventory::delete`].

use brownout_core::inventory::{self, Endpoint, Inventory, Rotation, Vendor, Workflow};
use tauri::State;

use crate::error::IpcError;
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
            Ok(inventory::save(
                state.store(),
                original_id.as_deref(),
                $item,
            )?)
        }

        pub async fn $delete(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
            Ok(inventory::delete::<$kind>(state.store(), &id)?)
        }
    };
}

item_commands!(vendor_save, vendor_delete, vendor: Vendor);
item_commands!(endpoint_save, endpoint_delete, endpoint: Endpoint);
item_commands!(workflow_save, workflow_delete, workflow: Workflow);
item_commands!(rotation_save, rotation_delete, rotation: Rotation);
