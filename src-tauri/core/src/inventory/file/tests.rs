use super::*;
use crate::inventory::demo::{demo_inventory, DEMO_INVENTORY};
use crate::store::Store;

fn fresh() -> Store {
    Store::open_in_memory().unwrap().0
}

#[test]
fn export_import_export_is_stable_in_both_formats() {
    for format in [Format::Yaml, Format::Json] {
        let a = fresh();
        replace_all(&a, &demo_inventory().unwrap()).unwrap();
        let first = export(&a, format).unwrap();
        let b = fresh();
        let parsed = parse("x", &first, format).unwrap();
        replace_all(&b, &parsed).unwrap();
        assert_eq!(export(&b, format).unwrap(), first, "{format:?}");
    }
}

#[test]
fn json_export_has_the_documented_shape() {
    let s = fresh();
    replace_all(&s, &demo_inventory().unwrap()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&export(&s, Format::Json).unwrap()).unwrap();
    for key in ["vendors", "endpoints", "workflows", "rotations"] {
        assert!(v[key].is_array(), "{key}");
    }
    assert_eq!(v["endpoints"][0]["vendor"], "anthropic");
    assert!(v["workflows"][0]["fallbacks"][0]["endpoint"].is_string());
}

#[test]
fn unknown_reference_names_file_item_field_and_line() {
    let text = DEMO_INVENTORY.replace(
        "  - endpoint: azure-gpt-4o\n",
        "  - endpoint: azure-gpt-5\n",
    );
    let err = parse("inv.yaml", &text, Format::Yaml).unwrap_err();
    let ImportError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.item, "workflows[1] 'reply-drafting'");
    assert_eq!(p.field, "fallbacks[0].endpoint");
    assert!(p.message.contains("unknown endpoint 'azure-gpt-5'"));
    let expected_line = text.lines().position(|l| l.contains("fallbacks:")).unwrap();
    // The line of the `fallbacks:` key of the second workflow.
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "fallbacks:")
        .nth(1)
        .unwrap()
        .0;
    assert!(second > expected_line);
    assert_eq!(p.line, Some(second + 1));
    assert!(
        err.to_string().starts_with(&format!(
            "inv.yaml:{}: workflows[1] 'reply-drafting': fallbacks[0].endpoint: unknown endpoint",
            second + 1
        )),
        "{err}"
    );
}

#[test]
fn syntax_and_type_errors_carry_the_line() {
    let err = parse(
        "bad.yaml",
        "vendors:\n- id: a\n  name: A\n  colour: red\n",
        Format::Yaml,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Parse { line: Some(2), .. } | ImportError::Parse { line: Some(4), .. }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("colour"), "{err}");
    let err = parse(
        "bad.json",
        "{\n \"vendors\": [\n  {\"id\": 3}\n ]\n}",
        Format::Json,
    )
    .unwrap_err();
    assert!(
        matches!(err, ImportError::Parse { line: Some(3), .. }),
        "{err:?}"
    );
}

#[test]
fn duplicate_ids_are_reported() {
    let text = DEMO_INVENTORY.replace("- id: google\n", "- id: openai\n");
    let err = parse("d.yaml", &text, Format::Yaml).unwrap_err();
    assert!(err.to_string().contains("duplicate id 'openai'"), "{err}");
}

#[test]
fn invalid_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = fresh();
    replace_all(&s, &demo_inventory().unwrap()).unwrap();
    let before = export(&s, Format::Yaml).unwrap();
    let path = dir.path().join("broken.yaml");
    std::fs::write(
        &path,
        DEMO_INVENTORY.replace("primary: openai-gpt-4o-mini", "primary: ghost"),
    )
    .unwrap();
    let err = import(&s, &path, ImportOptions::default()).unwrap_err();
    assert!(
        err.to_string().contains("unknown endpoint 'ghost'"),
        "{err}"
    );
    assert!(err.to_string().contains("broken.yaml:"), "{err}");
    assert_eq!(export(&s, Format::Yaml).unwrap(), before);
    let missing = import(&s, &dir.path().join("nope.yaml"), ImportOptions::default()).unwrap_err();
    assert!(missing.to_string().contains("cannot read"), "{missing}");
}

#[test]
fn valid_import_replaces_the_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let s = fresh();
    replace_all(&s, &demo_inventory().unwrap()).unwrap();
    let path = dir.path().join("small.json");
    std::fs::write(
        &path,
        r#"{"vendors":[{"id":"acme","name":"Acme AI"}],"endpoints":[{"id":"acme-large","vendor":"acme","name":"Large","model":"large-1","base_url":"https://api.acme.example/v1","api_style":"http","latency_slo_ms":3000}],"workflows":[],"rotations":[]}"#,
    )
    .unwrap();
    let plan = import(&s, &path, ImportOptions::default()).unwrap();
    assert_eq!(plan.result.vendors, 1);
    let inv = crate::inventory::load(&s).unwrap();
    assert_eq!(inv.vendors.len(), 1);
    assert!(inv.workflows.is_empty());
}
