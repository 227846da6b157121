//! The drill: the inventory's vendors with the fault each is switched into, as the app's Drill
//! panel shows them, and switching one. Only a simulated workspace has a drill.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::embedded::{EmbeddedError, EmbeddedSimulator};
use super::fault::{Fault, FaultError};
use crate::error::{Code, Coded};
use crate::inventory::{self, InventoryError, Vendor};
use crate::settings::{self, SettingsError};
use crate::Workspace;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct DrillState {
    /// The workspace's probes go to the embedded simulator.
    pub simulated: bool,
    /// The embedded simulator's address, while the workspace is simulated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Every vendor of the inventory, ordered by name.
    pub vendors: Vec<VendorDrill>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VendorDrill {
    pub vendor: String,
    pub name: String,
    pub fault: Fault,
}

#[derive(Debug, thiserror::Error)]
pub enum DrillError {
    #[error("this workspace is not simulated: turn on \"Simulated workspace\" in Settings to break vendors on purpose")]
    NotSimulated,
    #[error("vendor {vendor:?} is not in the inventory")]
    UnknownVendor { vendor: String },
    #[error(transparent)]
    Fault(#[from] FaultError),
    #[error(transparent)]
    Simulator(#[from] EmbeddedError),
    #[error(transparent)]
    Inventory(#[from] InventoryError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
}

impl Coded for DrillError {
    fn code(&self) -> Code {
        match self {
            DrillError::NotSimulated => Code::Invalid,
            DrillError::UnknownVendor { .. } => Code::NotFound,
            DrillError::Fault(e) => e.code(),
            DrillError::Simulator(e) => e.code(),
            DrillError::Inventory(e) => e.code(),
            DrillError::Settings(e) => e.code(),
        }
    }
}

/// The drill of `vendors` under `faults` (vendor keys with no fault have none).
pub fn drill_state(
    simulated: bool,
    base_url: Option<String>,
    vendors: &[Vendor],
    faults: &BTreeMap<String, Fault>,
) -> DrillState {
    let mut vendors: Vec<VendorDrill> = vendors
        .iter()
        .map(|v| VendorDrill {
            vendor: v.id.clone(),
            name: v.name.clone(),
            fault: faults.get(&v.id).cloned().unwrap_or_default(),
        })
        .collect();
    vendors.sort_by(|a, b| {
        (a.name.to_lowercase(), &a.vendor).cmp(&(b.name.to_lowercase(), &b.vendor))
    });
    DrillState {
        simulated,
        base_url,
        vendors,
    }
}

/// The workspace's drill; the simulator is started when the workspace is simulated.
pub fn get(workspace: &Workspace, simulator: &EmbeddedSimulator) -> Result<DrillState, DrillError> {
    let base_url = simulator.for_workspace(workspace)?;
    let faults = match &base_url {
        Some(_) => simulator.faults().map(|f| f.all()).unwrap_or_default(),
        // Faults left from before simulation was switched off touch nothing: nothing probes
        // the simulator.
        None => BTreeMap::new(),
    };
    let vendors = inventory::load(&workspace.store)?.vendors;
    Ok(drill_state(base_url.is_some(), base_url, &vendors, &faults))
}

/// Switches `vendor` of the workspace's inventory into `fault` (`none` restores it).
pub fn set(
    workspace: &Workspace,
    simulator: &EmbeddedSimulator,
    vendor: &str,
    fault: Fault,
) -> Result<DrillState, DrillError> {
    if !settings::load(&workspace.store, workspace.dir())?.simulated {
        return Err(DrillError::NotSimulated);
    }
    fault.validate()?;
    let vendors = inventory::load(&workspace.store)?.vendors;
    if !vendors.iter().any(|v| v.id == vendor) {
        return Err(DrillError::UnknownVendor {
            vendor: vendor.to_owned(),
        });
    }
    simulator.for_workspace(workspace)?;
    let mut stored = stored_faults(workspace)?;
    if fault == Fault::none() {
        stored.remove(vendor);
    } else {
        stored.insert(vendor.to_owned(), fault.clone());
    }
    let json = serde_json::to_string(&stored).expect("faults serialise");
    settings::store_value(&workspace.store, DRILL_FAULTS, &json)?;
    if let Some(faults) = simulator.faults() {
        faults.set(vendor, fault)?;
    }
    get(workspace, simulator)
}

/// The settings key the workspace's drill faults are kept under, as JSON.
const DRILL_FAULTS: &str = "drill_faults";

/// The faults the workspace's drill switched on, by vendor (none when unreadable: a drill is
/// practice, and a damaged entry must not stop probes).
pub fn stored_faults(workspace: &Workspace) -> Result<BTreeMap<String, Fault>, SettingsError> {
    Ok(settings::stored_value(&workspace.store, DRILL_FAULTS)?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

#[cfg(test)]
mod tests;
