//! Fallback chains with live health: per workflow, its primary then its fallbacks, which of
//! them is healthy now and which one the chain would use.
//!
//! A strategy ("serve cached answers") is the last resort: it is used when no endpoint link is
//! healthy, and it never counts as healthy. Degraded is not healthy.

use crate::health::{Health, HealthLookup};
use crate::inventory::{Inventory, Workflow};
use crate::probe::board::{ChainHealth, ChainLink, LinkRole};

/// The chain of one workflow. An endpoint the lookup does not know is `unknown`.
pub fn chain(workflow: &Workflow, health: &dyn HealthLookup) -> ChainHealth {
    let endpoint_link = |id: &str, role| ChainLink {
        endpoint: Some(id.to_owned()),
        strategy: None,
        role,
        health: health.health(id).unwrap_or(Health::Unknown),
    };
    let mut links = vec![endpoint_link(&workflow.primary, LinkRole::Primary)];
    for step in &workflow.fallbacks {
        match (&step.endpoint, &step.strategy) {
            (Some(id), _) => links.push(endpoint_link(id, LinkRole::Fallback)),
            (None, Some(text)) => links.push(ChainLink {
                endpoint: None,
                strategy: Some(text.clone()),
                role: LinkRole::Strategy,
                health: Health::Unknown,
            }),
            (None, None) => {}
        }
    }
    let healthy = |l: &ChainLink| l.endpoint.is_some() && l.health == Health::Healthy;
    let in_use = links
        .iter()
        .position(healthy)
        .or_else(|| links.iter().position(|l| l.role == LinkRole::Strategy));
    ChainHealth {
        workflow: workflow.id.clone(),
        name: workflow.name.clone(),
        criticality: workflow.criticality,
        has_healthy_endpoint: links.iter().any(healthy),
        links,
        in_use,
    }
}

/// Every workflow's chain, critical ones first, then by name.
pub fn chains(inv: &Inventory, health: &dyn HealthLookup) -> Vec<ChainHealth> {
    let mut out: Vec<ChainHealth> = inv.workflows.iter().map(|w| chain(w, health)).collect();
    out.sort_by(|a, b| {
        (a.criticality, &a.name, &a.workflow).cmp(&(b.criticality, &b.name, &b.workflow))
    });
    out
}

/// The workflows that list `endpoint` among their fallbacks (not as their primary).
pub fn fallback_of<'a>(inv: &'a Inventory, endpoint: &str) -> Vec<&'a Workflow> {
    inv.workflows
        .iter()
        .filter(|w| {
            w.fallbacks
                .iter()
                .any(|s| s.endpoint.as_deref() == Some(endpoint))
        })
        .collect()
}

#[cfg(test)]
mod tests;
