//! What an import would do to the current inventory: per kind, the ids it adds, changes and
//! removes. Computed before anything is written, so a dry run shows exactly what a real import
//! then does.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::inventory::Inventory;

/// How many items of each kind an inventory holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub vendors: usize,
    pub endpoints: usize,
    pub workflows: usize,
    pub rotations: usize,
}

impl ImportSummary {
    pub fn of(inv: &Inventory) -> Self {
        Self {
            vendors: inv.vendors.len(),
            endpoints: inv.endpoints.len(),
            workflows: inv.workflows.len(),
            rotations: inv.rotations.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} vendors, {} endpoints, {} workflows, {} rotations",
            self.vendors, self.endpoints, self.workflows, self.rotations
        )
    }
}

/// The changes to one kind of item, each list sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindChanges {
    /// `vendors`, `endpoints`, `workflows` or `rotations`.
    pub kind: &'static str,
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

impl KindChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

impl fmt::Display for KindChanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.kind)?;
        if self.is_empty() {
            return f.write_str("no change");
        }
        let parts = [
            ("added", &self.added),
            ("changed", &self.changed),
            ("removed", &self.removed),
        ];
        let mut first = true;
        for (what, ids) in parts.into_iter().filter(|(_, ids)| !ids.is_empty()) {
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            write!(f, "{} {what} ({})", ids.len(), ids.join(", "))?;
        }
        Ok(())
    }
}

/// What replacing the current inventory with another one changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportPlan {
    pub vendors: KindChanges,
    pub endpoints: KindChanges,
    pub workflows: KindChanges,
    pub rotations: KindChanges,
    /// The inventory before.
    pub current: ImportSummary,
    /// The inventory after.
    pub result: ImportSummary,
}

impl ImportPlan {
    /// Each kind's changes, in file order.
    pub fn kinds(&self) -> [&KindChanges; 4] {
        [
            &self.vendors,
            &self.endpoints,
            &self.workflows,
            &self.rotations,
        ]
    }

    /// True when nothing would change.
    pub fn is_unchanged(&self) -> bool {
        self.kinds().iter().all(|k| k.is_empty())
    }

    /// True when the import would leave an empty inventory where there was one.
    pub fn empties_inventory(&self) -> bool {
        self.result.is_empty() && !self.current.is_empty()
    }
}

/// Compares the current inventory with the one an import would leave.
pub fn plan_import(current: &Inventory, next: &Inventory) -> ImportPlan {
    ImportPlan {
        vendors: changes("vendors", &current.vendors, &next.vendors, |v| &v.id),
        endpoints: changes("endpoints", &current.endpoints, &next.endpoints, |e| &e.id),
        workflows: changes("workflows", &current.workflows, &next.workflows, |w| &w.id),
        rotations: changes("rotations", &current.rotations, &next.rotations, |r| &r.id),
        current: ImportSummary::of(current),
        result: ImportSummary::of(next),
    }
}

fn changes<T: PartialEq>(
    kind: &'static str,
    current: &[T],
    next: &[T],
    id: impl Fn(&T) -> &String,
) -> KindChanges {
    let before: BTreeMap<&String, &T> = current.iter().map(|x| (id(x), x)).collect();
    let after: BTreeMap<&String, &T> = next.iter().map(|x| (id(x), x)).collect();
    let mut out = KindChanges {
        kind,
        ..KindChanges::default()
    };
    for (k, new) in &after {
        match before.get(k) {
            None => out.added.push((*k).clone()),
            Some(old) if old != new => out.changed.push((*k).clone()),
            Some(_) => {}
        }
    }
    out.removed = before
        .keys()
        .filter(|k| !after.contains_key(*k))
        .map(|k| (*k).clone())
        .collect();
    out
}
