//! Field-level and cross-reference validation. Both single-item saves and whole-file imports go
//! through here, so the UI and the CLI report the same problems in the same words.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::*;
use crate::slug::{is_valid_slug, SLUG_RULE};

/// One problem with one field of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    /// Path of the field inside the item, e.g. `name` or `fallbacks[1].endpoint`.
    pub field: String,
    pub message: String,
}

impl FieldError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

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

fn check_id(id: &str, out: &mut Vec<FieldError>) {
    if !is_valid_slug(id) {
        out.push(FieldError::new("id", format!("'{id}' {SLUG_RULE}")));
    }
}

fn check_required(field: &str, value: &str, out: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        out.push(FieldError::new(field, "must not be empty"));
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

pub fn rotation_errors(r: &Rotation) -> Vec<FieldError> {
    let mut out = Vec::new();
    check_id(&r.id, &mut out);
    check_required("name", &r.name, &mut out);
    if r.time_zone.parse::<chrono_tz::Tz>().is_err() {
        out.push(FieldError::new(
            "time_zone",
            format!(
                "'{}' is not an IANA time zone such as Europe/Berlin",
                r.time_zone
            ),
        ));
    }
    if r.shift_hours == 0 || r.shift_hours > 24 * 28 {
        out.push(FieldError::new(
            "shift_hours",
            "must be between 1 and 672 hours",
        ));
    }
    if chrono::NaiveTime::parse_from_str(&r.handoff, "%H:%M").is_err() {
        out.push(FieldError::new(
            "handoff",
            format!("'{}' is not a time of day as HH:MM", r.handoff),
        ));
    }
    for (i, m) in r.members.iter().enumerate() {
        check_required(&format!("members[{i}].name"), &m.name, &mut out);
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

/// Validates every item and every reference of a whole inventory, including duplicate ids.
pub fn inventory_issues(inv: &Inventory) -> Vec<InventoryIssue> {
    let known = KnownRefs::of(inv);
    let mut issues = Vec::new();
    let mut push = |section, index, item: &str, errors: Vec<FieldError>| {
        issues.extend(errors.into_iter().map(|error| InventoryIssue {
            section,
            index,
            item: item.to_owned(),
            error,
        }));
    };
    let ids = |ids: Vec<&str>| {
        let mut seen = HashSet::new();
        ids.into_iter()
            .map(|id| {
                if seen.insert(id) {
                    vec![]
                } else {
                    vec![FieldError::new("id", format!("duplicate id '{id}'"))]
                }
            })
            .collect::<Vec<_>>()
    };
    let dup_v = ids(inv.vendors.iter().map(|v| v.id.as_str()).collect());
    let dup_e = ids(inv.endpoints.iter().map(|v| v.id.as_str()).collect());
    let dup_r = ids(inv.rotations.iter().map(|v| v.id.as_str()).collect());
    let dup_w = ids(inv.workflows.iter().map(|v| v.id.as_str()).collect());
    for (i, (v, d)) in inv.vendors.iter().zip(dup_v).enumerate() {
        push("vendors", i, &v.id, [d, vendor_errors(v)].concat());
    }
    for (i, (e, d)) in inv.endpoints.iter().zip(dup_e).enumerate() {
        push(
            "endpoints",
            i,
            &e.id,
            [d, endpoint_errors(e, &known)].concat(),
        );
    }
    for (i, (r, d)) in inv.rotations.iter().zip(dup_r).enumerate() {
        push("rotations", i, &r.id, [d, rotation_errors(r)].concat());
    }
    for (i, (w, d)) in inv.workflows.iter().zip(dup_w).enumerate() {
        push(
            "workflows",
            i,
            &w.id,
            [d, workflow_errors(w, &known)].concat(),
        );
    }
    super::text_rules::screen_issues(inv, &mut issues);
    issues
}
