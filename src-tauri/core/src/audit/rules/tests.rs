use std::collections::{HashMap, HashSet};

use super::*;
use crate::audit::{AuditReport, FindingKind};
use crate::inventory::demo::demo_inventory;
use crate::inventory::{Criticality, Endpoint, FallbackStep};

fn kinds(findings: &[Finding], workflow: &str) -> Vec<FindingKind> {
    findings
        .iter()
        .filter(|f| f.workflow.as_deref() == Some(workflow))
        .map(|f| f.kind)
        .collect()
}

#[test]
fn demo_has_only_the_single_vendor_finding_and_passes() {
    let inv = demo_inventory().unwrap();
    // The system clock: the demo's rotations have someone on call at every hour from 2025.
    let findings = audit_inventory(&inv, &AuditContext::default());
    assert_eq!(
        kinds(&findings, "doc-summaries"),
        [FindingKind::SingleVendorChain]
    );
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(!AuditReport::from_findings(findings).fails);
}

#[test]
fn each_gap_is_found_and_critical_ones_fail() {
    let mut inv = demo_inventory().unwrap();
    let chat = inv
        .workflows
        .iter_mut()
        .find(|w| w.id == "support-chat")
        .unwrap();
    chat.owner = None;
    chat.fallbacks.clear();
    chat.failure_modes.slow.customer_message.clear();
    let triage = inv
        .workflows
        .iter_mut()
        .find(|w| w.id == "ticket-triage")
        .unwrap();
    triage.fallbacks = vec![FallbackStep::endpoint("openai-gpt-4o")];
    inv.rotations
        .iter_mut()
        .find(|r| r.id == "platform-ml")
        .unwrap()
        .members
        .clear();
    let findings = audit_inventory(&inv, &AuditContext::default());
    assert_eq!(
        kinds(&findings, "support-chat"),
        [
            FindingKind::NoOwner,
            FindingKind::NoFallback,
            FindingKind::FailureModeIncomplete
        ]
    );
    assert!(kinds(&findings, "ticket-triage").contains(&FindingKind::SingleVendorChain));
    assert!(kinds(&findings, "ticket-triage").contains(&FindingKind::EmptyRotation));
    let report = AuditReport::from_findings(findings);
    assert!(report.fails);
    assert_eq!(
        report.findings[0].criticality,
        Some(Criticality::Critical),
        "critical first"
    );
}

#[test]
fn unowned_empty_rotation_is_its_own_finding() {
    let mut inv = demo_inventory().unwrap();
    let mut r = inv.rotations[0].clone();
    r.id = "spare".into();
    r.members.clear();
    inv.rotations.push(r);
    let findings = audit_inventory(&inv, &AuditContext::default());
    assert!(findings
        .iter()
        .any(|f| f.rotation.as_deref() == Some("spare") && f.kind == FindingKind::EmptyRotation));
}

#[test]
fn runbook_coverage_gap_on_critical_workflow() {
    let inv = demo_inventory().unwrap();
    let mut coverage = HashMap::new();
    coverage.insert(
        "openai".to_string(),
        HashSet::from([crate::inventory::FailureMode::Throttled]),
    );
    let ctx = AuditContext {
        runbook_coverage: Some(coverage),
        ..Default::default()
    };
    let findings = audit_inventory(&inv, &ctx);
    let f = findings
        .iter()
        .find(|f| f.workflow.as_deref() == Some("support-chat") && f.kind == FindingKind::NoRunbook)
        .unwrap();
    assert!(f.message.contains("unavailable, slow"), "{}", f.message);
    // ticket-search is critical on google, which has no runbook at all.
    assert!(findings.iter().any(
        |f| f.workflow.as_deref() == Some("ticket-search") && f.kind == FindingKind::NoRunbook
    ));
    // Non-critical workflows do not get this finding.
    assert!(!findings.iter().any(
        |f| f.workflow.as_deref() == Some("doc-summaries") && f.kind == FindingKind::NoRunbook
    ));
}

#[test]
fn a_runbook_for_any_vendor_covers_every_vendor() {
    use crate::inventory::FailureMode::*;
    let inv = demo_inventory().unwrap();
    let coverage = HashMap::from([
        ("openai".to_string(), HashSet::from([Throttled])),
        ("any".to_string(), HashSet::from([Unavailable, Slow])),
    ]);
    let ctx = AuditContext {
        runbook_coverage: Some(coverage),
        ..Default::default()
    };
    let findings = audit_inventory(&inv, &ctx);
    assert!(
        !findings
            .iter()
            .any(|f| f.workflow.as_deref() == Some("support-chat")
                && f.kind == FindingKind::NoRunbook)
    );
    let gemini = findings
        .iter()
        .find(|f| {
            f.workflow.as_deref() == Some("ticket-search") && f.kind == FindingKind::NoRunbook
        })
        .unwrap();
    assert!(gemini.message.ends_with("throttled"), "{}", gemini.message);
}

#[test]
fn a_credential_over_plain_http_to_another_host_is_a_high_finding() {
    let mut inv = demo_inventory().unwrap();
    let base = inv.endpoints[0].clone();
    let endpoint = |id: &str, base_url: &str, credential: Option<&str>| Endpoint {
        id: id.into(),
        base_url: base_url.into(),
        credential: credential.map(str::to_owned),
        ..base.clone()
    };
    inv.endpoints = vec![
        endpoint("lan", "http://10.0.0.7:8000/v1", Some("env:VLLM_KEY")),
        endpoint(
            "named",
            "HTTP://llm.internal.example/v1",
            Some("env:VLLM_KEY"),
        ),
        endpoint("sneaky", "http://localhost.evil.example/v1", Some("env:K")),
        endpoint("userinfo", "http://127.0.0.1@10.1.2.3/v1", Some("env:K")),
        // Allowed: loopback, https, or no credential at all.
        endpoint("loop4", "http://127.0.0.1:11434/v1", Some("env:K")),
        endpoint("loop4b", "http://127.8.9.10/v1", Some("env:K")),
        endpoint("loop6", "http://[::1]:8080/v1", Some("env:K")),
        endpoint("mapped", "http://[::ffff:127.0.0.1]/v1", Some("env:K")),
        endpoint("localhost", "http://LocalHost:8000", Some("env:K")),
        endpoint("tls", "https://10.0.0.7/v1", Some("env:K")),
        endpoint("open", "http://10.0.0.7:8000/v1", None),
    ];
    inv.workflows.clear();
    let findings = audit_inventory(&inv, &AuditContext::default());
    let flagged: Vec<(&str, Severity)> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::PlainHttpCredential)
        .map(|f| (f.endpoint.as_deref().unwrap_or_default(), f.severity))
        .collect();
    assert_eq!(
        flagged,
        [
            ("lan", Severity::High),
            ("named", Severity::High),
            ("sneaky", Severity::High),
            ("userinfo", Severity::High),
        ]
    );
    let lan = findings
        .iter()
        .find(|f| f.endpoint.as_deref() == Some("lan"))
        .unwrap();
    assert!(
        lan.message.contains("'10.0.0.7'") && lan.message.contains("https"),
        "{}",
        lan.message
    );
    assert_eq!(lan.workflow, None);
}

#[test]
fn the_demo_sends_no_credential_over_plain_http() {
    let findings = audit_inventory(&demo_inventory().unwrap(), &AuditContext::default());
    assert!(findings
        .iter()
        .all(|f| f.kind != FindingKind::PlainHttpCredential));
}

mod on_call;
