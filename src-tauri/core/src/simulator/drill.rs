//! The drill: the inventory's vendors with the fault each is switched into, as the app's Drill
//! panel shows them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fault::Fault;
use crate::inventory::Vendor;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct DrillState {
    /// The workspace's probes go to the embedded simulator.
    pub simulated: bool,
    /// The embedded simulator's address, while it runs.
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
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.vendor.cmp(&b.vendor))
    });
    DrillState {
        simulated,
        base_url,
        vendors,
    }
}
