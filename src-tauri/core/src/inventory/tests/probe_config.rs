//! The `probe:` block, a vendor's status API and the azure-openai and bedrock styles: their
//! rules, their storage and their round trip through the inventory file.

use super::*;
use crate::inventory::file::{parse, to_text, Format, ImportError};
use crate::inventory::validate::inventory_issues;
use crate::probe::{ProbeConfig, ProbeKind};

fn probed(probe: ProbeConfig) -> Endpoint {
    let inv = load(&seeded()).unwrap();
    Endpoint {
        id: "probed".into(),
        probe: Some(probe),
        ..inv
            .endpoints
            .iter()
            .find(|e| e.id == "openai-gpt-4o")
            .unwrap()
            .clone()
    }
}

fn errors_of(e: &Endpoint) -> Vec<(String, String)> {
    let inv = load(&seeded()).unwrap();
    validate::item_errors(e, &KnownRefs::of(&inv))
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect()
}

fn fields_of(e: &Endpoint) -> Vec<String> {
    errors_of(e).into_iter().map(|(f, _)| f).collect()
}

#[test]
fn defaults_and_well_formed_blocks_pass() {
    assert_eq!(errors_of(&probed(ProbeConfig::default())), []);
    let http = Endpoint {
        api_style: ApiStyle::Http,
        ..probed(ProbeConfig {
            interval_s: 10,
            timeout_ms: 3_000,
            connect_timeout_ms: 3_000,
            max_tokens: 1,
            json_pointer: Some("/status/indicator".into()),
            equals: Some(serde_json::json!("none")),
            failures_to_down: 1,
            successes_to_up: 1,
            ca_file: Some("/etc/ssl/internal-ca.pem".into()),
            ..ProbeConfig::default()
        })
    };
    assert_eq!(errors_of(&http), []);
    // The empty pointer is the whole document.
    let whole = Endpoint {
        probe: Some(ProbeConfig {
            json_pointer: Some(String::new()),
            ..ProbeConfig::default()
        }),
        ..http
    };
    assert_eq!(errors_of(&whole), []);
}

#[test]
fn each_probe_rule_names_its_field() {
    #[rustfmt::skip]
    let cases: Vec<(ProbeConfig, &str, &str)> = vec![
        (ProbeConfig { interval_s: 9, ..ProbeConfig::default() },                                                      "probe.interval_s",         "at least 10 seconds"),
        (ProbeConfig { timeout_ms: 0, connect_timeout_ms: 1, ..ProbeConfig::default() },                               "probe.timeout_ms",         "more than 0"),
        (ProbeConfig { connect_timeout_ms: 0, ..ProbeConfig::default() },                                              "probe.connect_timeout_ms", "more than 0"),
        (ProbeConfig { timeout_ms: 2_000, connect_timeout_ms: 3_000, ..ProbeConfig::default() },                       "probe.connect_timeout_ms", "total timeout_ms (2000)"),
        (ProbeConfig { max_tokens: 0, ..ProbeConfig::default() },                                                      "probe.max_tokens",         "at least 1"),
        (ProbeConfig { failures_to_down: 0, ..ProbeConfig::default() },                                                "probe.failures_to_down",   "at least 1"),
        (ProbeConfig { successes_to_up: 0, ..ProbeConfig::default() },                                                 "probe.successes_to_up",    "at least 1"),
        (ProbeConfig { expect_status: 42, ..ProbeConfig::default() },                                                  "probe.expect_status",      "between 100 and 599"),
        (ProbeConfig { kind: Some(ProbeKind::Http), json_pointer: Some("status".into()), ..ProbeConfig::default() },   "probe.json_pointer",       "must start with /"),
        // An openai endpoint probes with chat unless told otherwise.
        (ProbeConfig { json_pointer: Some("/status".into()), ..ProbeConfig::default() },                               "probe.json_pointer",       "only to the http kind, not chat"),
        (ProbeConfig { kind: Some(ProbeKind::Http), equals: Some(serde_json::json!(true)), ..ProbeConfig::default() }, "probe.equals",             "needs a json_pointer"),
        (ProbeConfig { ca_file: Some(" ".into()), ..ProbeConfig::default() },                                          "probe.ca_file",            "must not be empty"),
    ];
    for (probe, field, words) in cases {
        let errors = errors_of(&probed(probe.clone()));
        assert_eq!(errors.len(), 1, "{probe:?}: {errors:?}");
        assert_eq!(errors[0].0, field, "{probe:?}");
        assert!(errors[0].1.contains(words), "{field}: {}", errors[0].1);
    }
}

#[test]
fn a_missing_ca_file_is_not_looked_for() {
    let e = probed(ProbeConfig {
        ca_file: Some("/nowhere/on/this/machine/ca.pem".into()),
        ..ProbeConfig::default()
    });
    assert_eq!(errors_of(&e), []);
}

#[test]
fn text_and_secret_rules_reach_into_the_probe_block() {
    let secret = probed(ProbeConfig {
        ca_file: Some("sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789".into()),
        ..ProbeConfig::default()
    });
    let errors = errors_of(&secret);
    assert_eq!(fields_of(&secret), ["probe.ca_file"], "{errors:?}");
    assert!(!errors[0].1.contains("AbCdEfGhIjKlMnOp"), "{}", errors[0].1);
    let control = probed(ProbeConfig {
        ca_file: Some("/etc/ssl/ca\u{1b}[2J.pem".into()),
        ..ProbeConfig::default()
    });
    assert_eq!(fields_of(&control), ["probe.ca_file"]);
    let nested = Endpoint {
        api_style: ApiStyle::Http,
        ..probed(ProbeConfig {
            json_pointer: Some("/token".into()),
            equals: Some(serde_json::json!({"key": "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv"})),
            ..ProbeConfig::default()
        })
    };
    assert_eq!(fields_of(&nested), ["probe.equals.key"]);
}

#[test]
fn status_api_is_an_https_url_and_components_are_names() {
    let store = seeded();
    let with = |status_api: &str, components: &[&str]| Vendor {
        status_api: Some(status_api.into()),
        status_components: components.iter().map(|c| c.to_string()).collect(),
        ..vendor("mistral")
    };
    let fine = with(
        "https://status.mistral.ai/api/v2/summary.json",
        &["API", "Le Chat"],
    );
    assert_eq!(vendor_errors(&fine), []);
    let fields =
        |v: &Vendor| -> Vec<String> { vendor_errors(v).into_iter().map(|e| e.field).collect() };
    assert_eq!(
        fields(&with("http://status.mistral.ai/api/v2/summary.json", &[])),
        ["status_api"]
    );
    assert_eq!(
        fields(&with("ftp://status.mistral.ai", &[])),
        ["status_api", "status_api"]
    );
    assert_eq!(
        fields(&with(
            "https://status.mistral.ai/api/v2/summary.json",
            &["API", " "]
        )),
        ["status_components[1]"]
    );
    // Stored and read back, and changed on update.
    let saved = save(&store, None, fine.clone()).unwrap();
    let back = |store: &Store| {
        let vendors = load(store).unwrap().vendors;
        vendors.into_iter().find(|v| v.id == "mistral").unwrap()
    };
    assert_eq!(back(&store), saved);
    let cleared = Vendor {
        status_api: None,
        status_components: Vec::new(),
        ..fine
    };
    save(&store, Some("mistral"), cleared.clone()).unwrap();
    assert_eq!(back(&store), cleared);
}

fn vendor_errors(v: &Vendor) -> Vec<FieldError> {
    validate::item_errors(v, &KnownRefs::default())
}

#[test]
fn a_probe_block_and_the_new_styles_are_stored_and_read_back() {
    let store = seeded();
    let inv = load(&store).unwrap();
    assert_eq!(
        inv.endpoints
            .iter()
            .find(|e| e.id == "azure-gpt-4o")
            .unwrap()
            .api_style,
        ApiStyle::AzureOpenai
    );
    let e = Endpoint {
        api_style: ApiStyle::Bedrock,
        ..probed(ProbeConfig {
            kind: Some(ProbeKind::Models),
            interval_s: 15,
            ca_file: Some("/etc/ssl/ca.pem".into()),
            ..ProbeConfig::default()
        })
    };
    save(&store, None, e.clone()).unwrap();
    let stored = |store: &Store| {
        let mut endpoints = load(store).unwrap().endpoints.into_iter();
        endpoints.find(|x| x.id == "probed").unwrap()
    };
    assert_eq!(stored(&store), e);
    // Removing the block stops the probing.
    let unprobed = Endpoint { probe: None, ..e };
    save(&store, Some("probed"), unprobed.clone()).unwrap();
    assert_eq!(stored(&store), unprobed);
    // A refused block changes nothing.
    let bad = Endpoint {
        probe: Some(ProbeConfig {
            interval_s: 1,
            ..ProbeConfig::default()
        }),
        ..unprobed.clone()
    };
    assert!(matches!(
        save(&store, Some("probed"), bad),
        Err(InventoryError::Invalid { .. })
    ));
    assert_eq!(stored(&store), unprobed);
}

#[test]
fn probe_blocks_round_trip_through_both_formats() {
    let mut inv = load(&seeded()).unwrap();
    inv.endpoints[0].probe = Some(ProbeConfig {
        kind: Some(ProbeKind::Http),
        json_pointer: Some("/status/indicator".into()),
        // Values the YAML 1.1 writer must quote to keep them strings.
        equals: Some(serde_json::json!({"word": "no", "n": "0x1F", "list": [1, "on", null]})),
        ca_file: Some("C:\\certs\\ca: internal.pem".into()),
        ..ProbeConfig::default()
    });
    inv.endpoints[0].api_style = ApiStyle::Http;
    inv.endpoints[1].probe = Some(ProbeConfig::default());
    assert_eq!(inventory_issues(&inv), []);
    for format in [Format::Yaml, Format::Json] {
        let text = to_text(&inv, format).unwrap();
        let back = parse("inventory", &text, format).unwrap();
        assert_eq!(back, inv, "{format:?}:\n{text}");
    }
    let yaml = to_text(&inv, Format::Yaml).unwrap();
    assert!(
        yaml.contains("  probe:\n    interval_s: 60\n    timeout_ms: 10000\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("word: 'no'") || yaml.contains("word: \"no\""),
        "{yaml}"
    );
}

#[test]
fn an_empty_probe_block_means_every_default() {
    let text = DEMO_TEXT_ONE_ENDPOINT.replace("PROBE", "  probe: {}");
    let inv = parse("i.yaml", &text, Format::Yaml).unwrap();
    assert_eq!(inv.endpoints[0].probe, Some(ProbeConfig::default()));
    let none = parse(
        "i.yaml",
        &DEMO_TEXT_ONE_ENDPOINT.replace("PROBE", ""),
        Format::Yaml,
    )
    .unwrap();
    assert_eq!(none.endpoints[0].probe, None);
}

#[test]
fn bad_probe_blocks_in_a_file_are_refused_by_place() {
    let unknown_key = DEMO_TEXT_ONE_ENDPOINT.replace("PROBE", "  probe:\n    intervall_s: 30");
    let err = parse("i.yaml", &unknown_key, Format::Yaml).unwrap_err();
    assert!(matches!(err, ImportError::Parse { .. }), "{err}");
    assert!(err.to_string().contains("intervall_s"), "{err}");
    let too_often = DEMO_TEXT_ONE_ENDPOINT.replace("PROBE", "  probe:\n    interval_s: 5");
    let ImportError::Invalid { problems, .. } =
        parse("i.yaml", &too_often, Format::Yaml).unwrap_err()
    else {
        panic!("expected invalid");
    };
    let shown = format!("{problems:?}");
    assert!(
        shown.contains("probe.interval_s") && shown.contains("ep"),
        "{shown}"
    );
}

#[test]
fn new_api_styles_read_by_their_names() {
    for (word, style) in [
        ("azure-openai", ApiStyle::AzureOpenai),
        ("bedrock", ApiStyle::Bedrock),
    ] {
        let text = DEMO_TEXT_ONE_ENDPOINT
            .replace("api_style: openai", &format!("api_style: {word}"))
            .replace("PROBE", "");
        let inv = parse("i.yaml", &text, Format::Yaml).unwrap();
        assert_eq!(inv.endpoints[0].api_style, style);
        assert_eq!(style.to_string(), word);
    }
}

const DEMO_TEXT_ONE_ENDPOINT: &str = "vendors:
- id: acme
  name: Acme
endpoints:
- id: ep
  vendor: acme
  name: Large
  model: large-1
  base_url: https://api.acme.example/v1
  api_style: openai
  latency_slo_ms: 3000
PROBE
";
