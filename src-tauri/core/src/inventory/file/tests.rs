use super::*;
use crate::inventory::demo::{demo_inventory, DEMO_INVENTORY};
use crate::inventory::replace_all;
use crate::store::Store;

fn fresh() -> Store {
    Store::open_in_memory().unwrap().0
}

fn demo_store() -> Store {
    let s = fresh();
    replace_all(&s, &demo_inventory().unwrap()).unwrap();
    s
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
    let s = demo_store();
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
    let s = demo_store();
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
    let s = demo_store();
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

#[test]
fn empty_files_never_empty_a_non_empty_inventory_by_accident() {
    let dir = tempfile::tempdir().unwrap();
    let s = demo_store();
    let before = export(&s, Format::Yaml).unwrap();
    for (name, text) in [
        ("zero.yaml", ""),
        ("comment.yaml", "# nothing\n"),
        ("dashes.yaml", "---\n"),
        ("braces.yaml", "{}"),
        ("bom.yaml", "\u{feff}"),
        ("lists.json", "{\"vendors\": [], \"rotations\": []}"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        for dry_run in [false, true] {
            let options = ImportOptions {
                dry_run,
                allow_empty: false,
            };
            let err = import(&s, &path, options).unwrap_err();
            let ImportError::WouldEmpty { current, .. } = &err else {
                panic!("{name}: {err}")
            };
            assert_eq!(current.workflows, 5);
        }
        assert_eq!(export(&s, Format::Yaml).unwrap(), before, "{name}");
    }
    let path = dir.path().join("zero.yaml");
    let dry = ImportOptions {
        dry_run: true,
        allow_empty: true,
    };
    let plan = import(&s, &path, dry).unwrap();
    assert!(plan.empties_inventory());
    assert_eq!(plan.rotations.removed, ["platform-ml", "support-ai"]);
    assert_eq!(export(&s, Format::Yaml).unwrap(), before, "dry run");
    let allow = ImportOptions {
        dry_run: false,
        allow_empty: true,
    };
    import(&s, &path, allow).unwrap();
    assert_eq!(crate::inventory::load(&s).unwrap(), Inventory::default());
    // An empty inventory may take an empty file.
    assert!(import(&s, &path, ImportOptions::default()).is_ok());
}

#[test]
fn the_plan_lists_added_changed_and_removed_ids_per_kind() {
    let current = demo_inventory().unwrap();
    let mut next = current.clone();
    next.vendors.retain(|v| v.id != "google");
    next.endpoints.retain(|e| e.vendor != "google");
    for w in &mut next.workflows {
        w.fallbacks
            .retain(|f| f.endpoint.as_deref() != Some("google-gemini-flash"));
    }
    next.rotations[0].handoff = "10:15".into();
    next.vendors.push(crate::inventory::Vendor {
        id: "acme".into(),
        name: "Acme".into(),
        status_page: None,
        status_api: None,
        status_components: Vec::new(),
    });
    let plan = plan_import(&current, &next);
    assert_eq!(plan.vendors.added, ["acme"]);
    assert_eq!(plan.vendors.removed, ["google"]);
    assert!(plan.vendors.changed.is_empty());
    assert_eq!(plan.endpoints.removed, ["google-gemini-flash"]);
    assert!(!plan.workflows.changed.is_empty());
    assert_eq!(plan.rotations.changed, [current.rotations[0].id.clone()]);
    assert_eq!(
        plan.vendors.to_string(),
        "vendors: 1 added (acme), 1 removed (google)"
    );
    assert_eq!(plan.result.vendors, current.vendors.len());
    assert!(!plan.empties_inventory());
    assert!(plan_import(&current, &current.clone()).is_unchanged());
    // Order in the file is not a change.
    let mut reordered = current.clone();
    reordered.vendors.reverse();
    assert!(plan_import(&current, &reordered).is_unchanged());
}

#[test]
fn oversized_files_are_refused_without_reading_them_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    std::fs::write(&path, vec![b' '; MAX_FILE_BYTES + 1]).unwrap();
    let err = read_text(&path).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { limit, .. } if limit == MAX_FILE_BYTES));
    assert!(
        err.to_string()
            .ends_with("big.yaml is larger than 4 MiB, the limit for an inventory file"),
        "{err}"
    );
    std::fs::write(&path, vec![b' '; MAX_FILE_BYTES]).unwrap();
    assert_eq!(read_text(&path).unwrap().len(), MAX_FILE_BYTES);
    if Path::new("/dev/zero").exists() {
        let err = read_text(Path::new("/dev/zero")).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    }
    std::fs::write(&path, b"vendors: \xff\n").unwrap();
    assert_eq!(
        read_text(&path).unwrap_err().to_string(),
        format!("{} is not UTF-8 text (byte 9)", path.display())
    );
}

#[test]
fn limits_name_the_file_and_line() {
    let text = format!("vendors:\n- id: a\n  name: {}\n", "[".repeat(1000));
    let err = parse("deep.yaml", &text, Format::Yaml).unwrap_err();
    assert_eq!(
        err.to_string(),
        "deep.yaml:3: nested deeper than 64 levels, the limit"
    );
    // JSON's parser stops at the first value of the wrong shape, and at 128 levels.
    let err = parse("deep.json", &"[".repeat(100_000), Format::Json).unwrap_err();
    assert!(
        matches!(err, ImportError::Parse { line: Some(1), .. }),
        "{err}"
    );
}

#[test]
fn a_byte_order_mark_is_not_a_second_document() {
    let text = format!("\u{feff}{DEMO_INVENTORY}");
    assert_eq!(
        parse("bom.yaml", &text, Format::Yaml).unwrap(),
        demo_inventory().unwrap()
    );
    let json = to_text(&demo_inventory().unwrap(), Format::Json).unwrap();
    assert!(parse("bom.json", &format!("\u{feff}{json}"), Format::Json).is_ok());
}

#[test]
fn a_serialization_failure_is_an_error_not_an_empty_file() {
    struct Unwritable;
    impl serde::Serialize for Unwritable {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("the value cannot be written"))
        }
    }
    for format in [Format::Yaml, Format::Json] {
        let err = serialize(&Unwritable, format).unwrap_err();
        assert!(
            matches!(&err, ExportError::Serialize { format: f, message } if *f == format && message.contains("cannot be written")),
            "{err:?}"
        );
    }
}

/// Strings a YAML 1.1 reader (PyYAML, most CI tools) would read as something else if they
/// were written plain, and strings YAML itself would misread.
const TRICKY: &[&str] = &[
    "10:00",
    "09:30",
    "1:30:00",
    "190:20:30",
    "2024-01-01",
    "2001-12-14t21:59:43.10-05:00",
    "=",
    "<<",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "N",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "0755",
    "0o17",
    "0x1F",
    "0b101",
    "1e3",
    "1_000",
    "+1",
    "-1",
    ".5",
    ".inf",
    "-.Inf",
    ".NaN",
    "",
    " leading",
    "trailing ",
    "a: b",
    "a #b",
    "#c",
    "-",
    "- x",
    "? x",
    "@x",
    "`x",
    "!x",
    "&x",
    "*x",
    "%x",
    "|",
    "> x",
    "[a]",
    "{a}",
    "'q'",
    "\"q\"",
    "ends:",
    "tab\there",
    "back\\slash",
    "multi\nline",
    "multi\nline\n",
    "two\n\n",
    "\nleading break",
    " indented\nblock",
    "nel\u{85}",
    "bom\u{feff}",
    "ls\u{2028}",
];

/// One vendor per `TRICKY` name, with the ids `v0`, `v1`, … in order.
fn tricky_vendors() -> Vec<crate::inventory::Vendor> {
    TRICKY
        .iter()
        .enumerate()
        .map(|(i, name)| crate::inventory::Vendor {
            id: format!("v{i}"),
            name: (*name).into(),
            status_page: None,
            status_api: None,
            status_components: Vec::new(),
        })
        .collect()
}

#[test]
fn yaml_export_quotes_what_a_yaml_1_1_reader_would_misread() {
    let mut inv = demo_inventory().unwrap();
    inv.rotations[0].handoff = "10:00".into();
    inv.vendors = tricky_vendors();
    let text = to_text(&inv, Format::Yaml).unwrap();
    assert!(text.contains("  handoff: \"10:00\"\n"), "{text}");
    for (i, name) in TRICKY.iter().enumerate() {
        let line = text
            .lines()
            .skip_while(|l| *l != format!("- id: v{i}"))
            .nth(1)
            .unwrap();
        let written = line.strip_prefix("  name: ").unwrap();
        assert!(
            written.starts_with('"') || written.starts_with('|'),
            "{name:?} written plain: {line}"
        );
    }
    let back: Inventory = serde_yaml_ng::from_str(&text).unwrap();
    assert_eq!(back, inv);
    assert_eq!(to_text(&back, Format::Yaml).unwrap(), text);
    // Readable where that is safe.
    for plain in [
        "OpenAI",
        "https://api.openai.com/v1",
        "Europe/Berlin",
        "claude-3-5-haiku-latest",
        "GPT-4o (Azure, West Europe)",
        "anthropic.claude-sonnet-4-5-v1:0",
        "Résumé drafting",
    ] {
        assert!(yaml_writer::is_plain_safe(plain), "{plain}");
    }
    let multi = "Line one\n  indented two\n";
    let mut wf = demo_inventory().unwrap();
    wf.workflows[0].description = multi.into();
    let text = to_text(&wf, Format::Yaml).unwrap();
    assert!(
        text.contains("  description: |\n    Line one\n      indented two\n  criticality"),
        "{text}"
    );
}

/// PyYAML, a YAML 1.1 reader, reads the export as the same data. The test command installs it
/// (Debian's python3-yaml for /usr/bin/python3); without it the test fails saying so.
#[test]
fn pyyaml_reads_the_export_as_the_same_data() {
    let mut inv = demo_inventory().unwrap();
    inv.vendors = tricky_vendors();
    // A rotation with every schedule field: times, dates and instants.
    let at = inv
        .rotations
        .iter()
        .position(|r| r.id == "support-ai")
        .unwrap();
    inv.rotations[at] = schedules::example_rotation();
    let yaml = to_text(&inv, Format::Yaml).unwrap();
    let script = "import json, sys, yaml\njson.dump(yaml.safe_load(sys.stdin.read()), sys.stdout)";
    let child = std::process::Command::new("/usr/bin/python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = child.expect(
        "/usr/bin/python3 is missing: install Debian's python3-yaml (scripts/setup.sh does)",
    );
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(yaml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("No module named 'yaml'"),
        "PyYAML is missing: install Debian's python3-yaml (scripts/setup.sh does)"
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(read, serde_json::to_value(&inv).unwrap());
}

#[test]
fn a_key_in_the_wrong_place_is_not_repeated_by_the_parser_message() {
    let edited_demo_error = |from: &str, to: &str| {
        let text = DEMO_INVENTORY.replacen(from, to, 1);
        parse("k.yaml", &text, Format::Yaml).unwrap_err()
    };
    let err = edited_demo_error(
        "latency_slo_ms: 2500",
        "latency_slo_ms: sk-proj-AbCdEfGhIjKlMnOp",
    );
    assert!(matches!(err, ImportError::Parse { .. }), "{err}");
    assert!(!err.to_string().contains("AbCd"), "{err}");
    let err = edited_demo_error("- id: anthropic\n", "- id: sk-ant-api03-AbCdEfGhIj\n");
    assert!(!err.to_string().contains("AbCd"), "{err}");
    assert!(
        err.to_string()
            .contains("vendors[0] 'sk-…': id: looks like a secret key"),
        "{err}"
    );
}

mod schedules;
