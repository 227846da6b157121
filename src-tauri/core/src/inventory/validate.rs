//! Field-level and cross-reference validation. Both single-item saves and whole-file imports go
//! through here, so the UI and the CLI report the same problems in the same words.

use std::collections::{HashMap, HashSet};

use super::entity::Entity;
use super::model::*;
pub use crate::field_error::FieldError;
use crate::field_error::{check_id, check_required};
use crate::probe::model::defaults as probe_defaults;
use crate::probe::{ProbeConfig, ProbeKind};
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
    if let Some(url) = &v.status_api {
        check_http_url("status_api", url, &mut out);
        if !url.trim().to_ascii_lowercase().starts_with("https://") {
            out.push(FieldError::new(
                "status_api",
                "must be an https URL such as https://status.example.com/api/v2/summary.json",
            ));
        }
    }
    for (i, c) in v.status_components.iter().enumerate() {
        check_required(&format!("status_components[{i}]"), c, &mut out);
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
    if let Some(p) = &e.probe {
        probe_errors(p, e.api_style, &mut out);
    }
    out
}

/// The rules of a `probe:` block, each error named `probe.<key>`. A `ca_file` is not looked
/// for on disk: the inventory may be checked on another machine than the one probing.
fn probe_errors(p: &ProbeConfig, style: ApiStyle, out: &mut Vec<FieldError>) {
    let mut err =
        |key: &str, message: String| out.push(FieldError::new(format!("probe.{key}"), message));
    if p.interval_s < probe_defaults::MIN_INTERVAL_S {
        err(
            "interval_s",
            format!(
                "must be at least {} seconds",
                probe_defaults::MIN_INTERVAL_S
            ),
        );
    }
    if p.timeout_ms == 0 {
        err("timeout_ms", "must be more than 0 milliseconds".into());
    }
    if p.connect_timeout_ms == 0 {
        err(
            "connect_timeout_ms",
            "must be more than 0 milliseconds".into(),
        );
    } else if p.connect_timeout_ms > p.timeout_ms && p.timeout_ms > 0 {
        err(
            "connect_timeout_ms",
            format!(
                "must not be more than the total timeout_ms ({})",
                p.timeout_ms
            ),
        );
    }
    if p.max_tokens == 0 {
        err("max_tokens", "must be at least 1".into());
    }
    if p.failures_to_down == 0 {
        err("failures_to_down", "must be at least 1".into());
    }
    if p.successes_to_up == 0 {
        err("successes_to_up", "must be at least 1".into());
    }
    if !(100..=599).contains(&p.expect_status) {
        err(
            "expect_status",
            "must be an HTTP status between 100 and 599".into(),
        );
    }
    let kind = p.kind.unwrap_or(if style == ApiStyle::Http {
        ProbeKind::Http
    } else {
        ProbeKind::Chat
    });
    if let Some(ptr) = &p.json_pointer {
        if kind != ProbeKind::Http {
            err(
                "json_pointer",
                format!("applies only to the http kind, not {kind}"),
            );
        } else if !(ptr.is_empty() || ptr.starts_with('/')) {
            err(
                "json_pointer",
                format!("'{ptr}' is not a JSON pointer: it must start with / (such as /status)"),
            );
        }
    }
    if p.equals.is_some() {
        if kind != ProbeKind::Http {
            err(
                "equals",
                format!("applies only to the http kind, not {kind}"),
            );
        } else if p.json_pointer.is_none() {
            err("equals", "needs a json_pointer to compare at".into());
        }
    }
    if let Some(ca) = &p.ca_file {
        if ca.trim().is_empty() {
            err(
                "ca_file",
                "must not be empty (leave the key out instead)".into(),
            );
        }
    }
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
