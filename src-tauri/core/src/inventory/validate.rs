//! Field-level and cross-reference validation. Both single-item saves and whole-file imports go
//! through here, so the UI and the CLI report the same problems in the same words.

use std::collections::{HashMap, HashSet};

use super::entity::Entity;
use super::model::*;
pub use crate::field_error::FieldError;
use crate::field_error::{check_id, check_required};
use crate::rotation::Rotation;

/// The ids that exist, for checking references.
#[derive(Debug, Default)]
pub struct KnownRefs {
    pub vendors: HashSet<String>,
    /// endpoint id → vendor id
    pub endpoints: HashMap<String, String>,
    pub rotations: HashSet<String>,
}

impl KnownRefs {
    pub fn of(inv: &Inventory) -> Self {
        Self {
            vendors: inv.vendors.iter().map(|v| v.id.clone()).collect(),
            endpoints: inv
                .endpoints
                .iter()
                .map(|e| (e.id.clone(), e.vendor.clone()))
                .collect(),
            rotations: inv.rotations.iter().map(|r| r.id.clone()).collect(),
        }
    }
}

fn check_http_url(field: &str, value: &str, out: &mut Vec<FieldError>) {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty() && !host.starts_with('/') && !v.contains(char::is_whitespace) => {}
        _ => out.push(FieldError::new(
            field,
            format!("'{value}' is not an http(s) URL such as https://api.example.com/v1"),
        )),
    }
}

/// Credential references name where a secret lives; a pasted secret is refused.
fn check_credential(value: &str, out: &mut Vec<FieldError>) {
    let ok = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-./:@".contains(c))
    };
    let valid = match value.split_once(':') {
        Some(("env", var)) => ok(var) && !var.contains(['/', ':', '@', '.', '-']),
        Some(("keyring", entry)) => ok(entry),
        _ => false,
    };
    if !valid {
        out.push(FieldError::new(
            "credential",
            "must be a reference such as env:OPENAI_API_KEY or keyring:brownout/openai, never the secret itself",
        ));
    }
}

pub fn vendor_errors(v: &Vendor) -> Vec<FieldError> {
    let mut out = Vec::new();
    check_id(&v.id, &mut out);
    check_required("name", &v.name, &mut out);
    if let Some(url) = &v.status_page {
        check_http_url("status_page", url, &mut out);
    }
    out
}

pub fn endpoint_errors(e: &Endpoint, known: &KnownRefs) -> Vec<FieldError> {
    let mut out = Vec::new();
    check_id(&e.id, &mut out);
    check_required("name", &e.name, &mut out);
    check_required("model", &e.model, &mut out);
    check_http_url("base_url", &e.base_url, &mut out);
    if !known.vendors.contains(&e.vendor) {
        out.push(FieldError::new(
            "vendor",
            format!("unknown vendor '{}'", e.vendor),
        ));
    }
    if let Some(c) = &e.credential {
        check_credential(c, &mut out);
    }
    if e.latency_slo_ms == 0 || e.latency_slo_ms > 600_000 {
        out.push(FieldError::new(
            "latency_slo_ms",
            "must be between 1 and 600000 milliseconds",
        ));
    }
    out
}

pub fn workflow_errors(w: &Workflow, known: &KnownRefs) -> Vec<FieldError> {
    let mut out = Vec::new();
    check_id(&w.id, &mut out);
    check_required("name", &w.name, &mut out);
    if let Some(owner) = &w.owner {
        if !known.rotations.contains(owner) {
            out.push(FieldError::new(
                "owner",
                format!("unknown rotation '{owner}'"),
            ));
        }
    }
    if !known.endpoints.contains_key(&w.primary) {
        out.push(FieldError::new(
            "primary",
            format!("unknown endpoint '{}'", w.primary),
        ));
    }
    let mut seen = HashSet::new();
    for (i, step) in w.fallbacks.iter().enumerate() {
        match (&step.endpoint, &step.strategy) {
            (Some(ep), None) => {
                let field = format!("fallbacks[{i}].endpoint");
                if !known.endpoints.contains_key(ep) {
                    out.push(FieldError::new(field, format!("unknown endpoint '{ep}'")));
                } else if *ep == w.primary {
                    out.push(FieldError::new(
                        field,
                        "the primary endpoint cannot be its own fallback",
                    ));
                } else if !seen.insert(ep.clone()) {
                    out.push(FieldError::new(
                        field,
                        format!("'{ep}' appears twice in the chain"),
                    ));
                }
            }
            (None, Some(s)) => check_required(&format!("fallbacks[{i}].strategy"), s, &mut out),
            _ => out.push(FieldError::new(
                format!("fallbacks[{i}]"),
                "needs exactly one of `endpoint` or `strategy`",
            )),
        }
    }
    out
}

/// A problem found in a whole inventory, located by section and item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InventoryIssue {
    /// `vendors`, `endpoints`, `workflows` or `rotations`.
    pub section: &'static str,
    pub index: usize,
    pub item: String,
    pub error: FieldError,
}

/// Every problem of one item of any kind: the one place an item's validation runs, for a single
/// save and for a whole-file import alike, so a rule added here covers all four kinds.
pub fn item_errors<E: Entity>(item: &E, known: &KnownRefs) -> Vec<FieldError> {
    let mut errors = item.field_errors(known);
    super::text_rules::screen_item(item, &mut errors);
    errors
}

/// Validates every item and every reference of a whole inventory, including duplicate ids.
pub fn inventory_issues(inv: &Inventory) -> Vec<InventoryIssue> {
    let known = KnownRefs::of(inv);
    let mut issues = Vec::new();
    section_issues::<Vendor>(inv, &known, &mut issues);
    section_issues::<Endpoint>(inv, &known, &mut issues);
    section_issues::<Rotation>(inv, &known, &mut issues);
    section_issues::<Workflow>(inv, &known, &mut issues);
    // Escapes ids and messages for printing; the text problems are already in place.
    super::text_rules::screen_issues(inv, &mut issues);
    issues
}

fn section_issues<E: Entity>(inv: &Inventory, known: &KnownRefs, out: &mut Vec<InventoryIssue>) {
    let mut seen = HashSet::new();
    for (index, item) in E::list(inv).iter().enumerate() {
        let id = item.id();
        let mut errors = Vec::new();
        if !seen.insert(id) {
            errors.push(FieldError::new("id", format!("duplicate id '{id}'")));
        }
        errors.extend(item_errors(item, known));
        out.extend(errors.into_iter().map(|error| InventoryIssue {
            section: E::SECTION,
            index,
            item: id.to_owned(),
            error,
        }));
    }
}
