//! The audit's rules, one function each, over a loaded inventory.

use std::collections::HashMap;

use super::{AuditContext, Finding, FindingKind, Severity};
use crate::inventory::{FailureMode, Inventory, Workflow};

/// Every finding for `inv`, unordered.
pub fn audit_inventory(inv: &Inventory, ctx: &AuditContext) -> Vec<Finding> {
    let vendor_of: HashMap<&str, &str> = inv
        .endpoints
        .iter()
        .map(|e| (e.id.as_str(), e.vendor.as_str()))
        .collect();
    let mut out = Vec::new();
    for w in &inv.workflows {
        let mut add = |kind, severity, message: String| {
            out.push(Finding {
                workflow: Some(w.id.clone()),
                criticality: Some(w.criticality),
                rotation: None,
                endpoint: None,
                kind,
                severity,
                message,
            })
        };
        match &w.owner {
            None => add(
                FindingKind::NoOwner,
                Severity::High,
                "no owner rotation: nobody is paged when its model degrades".into(),
            ),
            Some(owner) => {
                if inv
                    .rotations
                    .iter()
                    .any(|r| &r.id == owner && r.people().is_empty())
                {
                    add(
                        FindingKind::EmptyRotation,
                        Severity::High,
                        format!("its owner rotation '{owner}' has no members"),
                    );
                }
            }
        }
        single_vendor(w, &vendor_of, &mut add);
        for mode in FailureMode::ALL {
            let plan = w.failure_modes.get(mode);
            let mut missing = Vec::new();
            if plan.degradation.trim().is_empty() {
                missing.push("degradation behaviour");
            }
            if plan.customer_message.trim().is_empty() {
                missing.push("customer message");
            }
            if !missing.is_empty() {
                add(
                    FindingKind::FailureModeIncomplete,
                    Severity::Medium,
                    format!("failure mode '{mode}' has no {}", missing.join(" and ")),
                );
            }
        }
        if w.criticality == crate::inventory::Criticality::Critical {
            if let (Some(coverage), Some(vendor)) =
                (&ctx.runbook_coverage, vendor_of.get(w.primary.as_str()))
            {
                // A runbook for `any` vendor covers this one too.
                let covers = |m: &FailureMode| {
                    [*vendor, "any"]
                        .iter()
                        .any(|v| coverage.get(*v).is_some_and(|c| c.contains(m)))
                };
                let missing: Vec<String> = FailureMode::ALL
                    .into_iter()
                    .filter(|m| !covers(m))
                    .map(|m| m.to_string())
                    .collect();
                if !missing.is_empty() {
                    add(
                        FindingKind::NoRunbook,
                        Severity::High,
                        format!(
                            "its primary vendor '{vendor}' has no runbook for: {}",
                            missing.join(", ")
                        ),
                    );
                }
            }
        }
    }
    for r in &inv.rotations {
        let owns_any = inv
            .workflows
            .iter()
            .any(|w| w.owner.as_ref() == Some(&r.id));
        if r.people().is_empty() && !owns_any {
            out.push(Finding {
                workflow: None,
                criticality: None,
                rotation: Some(r.id.clone()),
                endpoint: None,
                kind: FindingKind::EmptyRotation,
                severity: Severity::Medium,
                message: format!("rotation '{}' has no members", r.id),
            });
        }
    }
    plain_http_credentials(inv, &mut out);
    on_call::on_call_findings(inv, ctx, &mut out);
    out
}

/// A credential sent over plain http can be read by anything on the path. Plain http itself
/// stays allowed (self-hosted servers, the simulator), and so does a credential to loopback.
fn plain_http_credentials(inv: &Inventory, out: &mut Vec<Finding>) {
    for e in &inv.endpoints {
        let Some(credential) = &e.credential else {
            continue;
        };
        let Some(host) = plain_http_host(&e.base_url) else {
            continue;
        };
        if is_loopback(&host) {
            continue;
        }
        out.push(Finding {
            workflow: None,
            criticality: None,
            rotation: None,
            endpoint: Some(e.id.clone()),
            kind: FindingKind::PlainHttpCredential,
            severity: Severity::High,
            message: format!(
                "endpoint '{}' sends its credential ({credential}) over plain http to '{host}': use https",
                e.id
            ),
        });
    }
}

/// The host of an `http://` URL, lower case, without port, user or IPv6 brackets; `None` for
/// any other scheme.
pub(crate) fn plain_http_host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("http://"))
        .map(|_| &url[7..])?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

/// `localhost`, 127.0.0.0/8 or ::1 (also as an IPv4-mapped address).
pub(crate) fn is_loopback(host: &str) -> bool {
    if host == "localhost" {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(v4)) => v4.is_loopback(),
        Ok(std::net::IpAddr::V6(v6)) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
        Err(_) => false,
    }
}

/// No fallback at all, or every model fallback at the primary's own vendor.
fn single_vendor(
    w: &Workflow,
    vendor_of: &HashMap<&str, &str>,
    add: &mut impl FnMut(FindingKind, Severity, String),
) {
    if w.fallbacks.is_empty() {
        add(
            FindingKind::NoFallback,
            Severity::High,
            "no fallback: when its model degrades the workflow fails".into(),
        );
        return;
    }
    let primary_vendor = vendor_of.get(w.primary.as_str());
    let endpoint_vendors: Vec<Option<&&str>> = w
        .fallbacks
        .iter()
        .filter_map(|s| s.endpoint.as_deref())
        .map(|e| vendor_of.get(e))
        .collect();
    let has_strategy = w.fallbacks.iter().any(|s| s.strategy.is_some());
    if !has_strategy
        && primary_vendor.is_some()
        && endpoint_vendors.iter().all(|v| *v == primary_vendor)
    {
        add(
            FindingKind::SingleVendorChain,
            Severity::Medium,
            format!(
                "every fallback is at the primary's vendor '{}': one capacity incident takes the workflow down",
                primary_vendor.copied().unwrap_or_default()
            ),
        );
    }
}

mod on_call;

#[cfg(test)]
mod tests;
