//! Properties of the inventory file over generated and mutated inputs: valid inventories
//! round-trip through both formats, and no input, however hostile, makes parsing panic or run
//! without bound (the YAML limits refuse what would).

use brownout_core::inventory::file::{parse, to_text, Format, ImportError};
use brownout_core::inventory::validate::inventory_issues;
use brownout_core::inventory::{
    ApiStyle, Criticality, Endpoint, FailureModePlan, FailureModes, FallbackStep, Inventory,
    Rotation, RotationMember, Vendor, Workflow,
};
use brownout_core::probe::ProbeConfig;
use brownout_core::rotation::{Override, Restriction, Weekday};
use brownout_core::yaml::nesting_depth;
use proptest::prelude::*;
use proptest::sample::select;

/// Values that YAML readers like to misread.
const TRICKY: &[&str] = &[
    "10:00",
    "2024-01-01",
    "=",
    "yes",
    "No",
    "on",
    "y",
    "null",
    "~",
    "0755",
    "0x1F",
    "1e3",
    ".inf",
    "a: b",
    "a #b",
    "#c",
    "- x",
    "? x",
    "@x",
    "*x",
    "&x",
    "!x",
    "|",
    "> x",
    "[a]",
    "{a}",
    "'q'",
    "\"q\"",
    " leading",
    "trailing ",
    "back\\slash",
    "Résumé ünïcode 名前",
];

fn one_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 :#'\"=.,!?&*|>@%{}()\\[\\]/-]{0,24}",
        select(TRICKY).prop_map(str::to_owned),
        "\\PC{1,12}",
    ]
}

fn multi_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 \n\t:#'\"=.,|>-]{0,60}",
        select(TRICKY).prop_map(str::to_owned),
        Just(String::new()),
        Just("First line\n  indented\n\nlast\n".to_owned()),
    ]
}

fn plan() -> impl Strategy<Value = FailureModePlan> {
    (multi_line(), multi_line(), multi_line()).prop_map(|(a, b, c)| FailureModePlan {
        customer_impact: a,
        degradation: b,
        customer_message: c,
    })
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://api.example.com/v1".to_owned()),
        "[a-z]{1,8}".prop_map(|h| format!("https://{h}.example/v1?api-version=2024-06-01")),
        "[a-z0-9]{1,8}".prop_map(|h| format!("http://{h}:8000/v1")),
    ]
}

fn credential() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        "[A-Z_][A-Z0-9_]{0,20}".prop_map(|n| format!("env:{n}")),
        "[A-Za-z0-9._@-]{1,12}/[A-Za-z0-9._@-]{1,12}".prop_map(|e| format!("keyring:{e}")),
    ])
}

/// A whole, valid inventory.
fn inventory() -> impl Strategy<Value = Inventory> {
    (1..4usize, 1..5usize, 0..4usize, 0..3usize)
        .prop_flat_map(|(nv, ne, nw, nr)| {
            let vendors = prop::collection::vec((one_line(), prop::option::of(url())), nv);
            let endpoints = prop::collection::vec(
                (
                    0..nv,
                    one_line(),
                    one_line(),
                    url(),
                    select(ApiStyle::ALL.to_vec()),
                    credential(),
                    1..=600_000u32,
                ),
                ne,
            );
            let rotations = prop::collection::vec(
                (
                    one_line(),
                    select(vec![
                        "UTC",
                        "Europe/Berlin",
                        "America/New_York",
                        "Asia/Tokyo",
                    ]),
                    1..=672u32,
                    (0..24u32, 0..60u32),
                    prop::collection::vec((one_line(), prop::option::of(one_line())), 0..3),
                ),
                nr,
            );
            let workflows = prop::collection::vec(
                (
                    one_line(),
                    multi_line(),
                    select(Criticality::ALL.to_vec()),
                    any::<bool>(),
                    prop::option::of(0..nr.max(1)),
                    0..ne,
                    prop::collection::vec(prop::option::of(multi_line()), 0..3),
                    (plan(), plan(), plan()),
                ),
                nw,
            );
            (vendors, endpoints, rotations, workflows)
                .prop_map(move |(v, e, r, w)| build(v, e, r, w, nr))
        })
        .prop_filter("the text rules hold", |inv| {
            inventory_issues(inv).is_empty()
        })
}

type VendorParts = (String, Option<String>);
type EndpointParts = (usize, String, String, String, ApiStyle, Option<String>, u32);
type RotationParts = (
    String,
    &'static str,
    u32,
    (u32, u32),
    Vec<(String, Option<String>)>,
);
type WorkflowParts = (
    String,
    String,
    Criticality,
    bool,
    Option<usize>,
    usize,
    Vec<Option<String>>,
    (FailureModePlan, FailureModePlan, FailureModePlan),
);

fn build(
    v: Vec<VendorParts>,
    e: Vec<EndpointParts>,
    r: Vec<RotationParts>,
    w: Vec<WorkflowParts>,
    nr: usize,
) -> Inventory {
    let vendors: Vec<Vendor> = v
        .into_iter()
        .enumerate()
        .map(|(i, (name, status_page))| Vendor {
            id: format!("v{i}"),
            name,
            // Every other vendor watches its status API, with components on some.
            status_api: status_page
                .as_ref()
                .filter(|u| u.starts_with("https://") && i % 2 == 0)
                .map(|u| format!("{u}/api/v2/summary.json")),
            status_components: (0..i % 3).map(|c| format!("API {c}")).collect(),
            status_page,
        })
        .collect();
    let endpoints: Vec<Endpoint> = e
        .into_iter()
        .enumerate()
        .map(
            |(i, (vendor, name, model, base_url, api_style, credential, slo))| Endpoint {
                id: format!("e{i}"),
                vendor: format!("v{vendor}"),
                name,
                model,
                base_url,
                api_style,
                credential,
                latency_slo_ms: slo,
                // Probe blocks of every shape: none, all defaults, and keys away from them.
                probe: match slo % 3 {
                    0 => None,
                    1 => Some(ProbeConfig::default()),
                    _ => Some(ProbeConfig {
                        interval_s: 10 + slo % 3600,
                        timeout_ms: 1 + slo,
                        connect_timeout_ms: 1 + slo / 2,
                        max_tokens: 1 + slo % 64,
                        failures_to_down: 1 + slo % 5,
                        successes_to_up: 1 + slo % 4,
                        ca_file: Some(format!("/etc/ssl/ca-{slo}.pem")),
                        ..ProbeConfig::default()
                    }),
                },
            },
        )
        .collect();
    let ne = endpoints.len();
    let rotations = r
        .into_iter()
        .enumerate()
        .map(|(i, (name, tz, shift, (h, m), members))| Rotation {
            id: format!("r{i}"),
            name,
            time_zone: tz.to_owned(),
            shift_hours: shift,
            handoff: format!("{h:02}:{m:02}"),
            // Dates and times are what YAML 1.1 readers misread when written plain.
            start: format!("2026-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            members: members
                .into_iter()
                .map(|(name, contact)| RotationMember { name, contact })
                .collect(),
            restrictions: vec![Restriction {
                days: vec![Weekday::Mon, Weekday::Sun],
                from: format!("{:02}:{m:02}", (h + 12) % 24),
                to: format!("{h:02}:{m:02}"),
            }],
            layers: Vec::new(),
            overrides: vec![Override {
                name: "Cover".into(),
                contact: String::new(),
                from: format!("2026-03-08T{h:02}:{m:02}:00Z"),
                to: "2026-12-31T23:59:59+01:00".into(),
            }],
        })
        .collect();
    let workflows = w
        .into_iter()
        .enumerate()
        .map(
            |(
                i,
                (name, description, criticality, customer_facing, owner, primary, chain, modes),
            )| {
                // Each fallback is a strategy, or the next endpoint after the primary.
                let fallbacks = chain
                    .into_iter()
                    .enumerate()
                    .filter_map(|(k, s)| match s {
                        Some(text) if !text.trim().is_empty() => {
                            Some(FallbackStep::strategy(&text))
                        }
                        _ if k + 1 < ne => Some(FallbackStep::endpoint(&format!(
                            "e{}",
                            (primary + k + 1) % ne
                        ))),
                        _ => None,
                    })
                    .collect::<Vec<_>>();
                let mut seen = std::collections::HashSet::new();
                let fallbacks = fallbacks
                    .into_iter()
                    .filter(|f| f.endpoint.as_ref().is_none_or(|e| seen.insert(e.clone())))
                    .collect();
                Workflow {
                    id: format!("w{i}"),
                    name,
                    description,
                    criticality,
                    customer_facing,
                    owner: owner.filter(|_| nr > 0).map(|o| format!("r{o}")),
                    primary: format!("e{primary}"),
                    fallbacks,
                    failure_modes: FailureModes {
                        throttled: modes.0,
                        unavailable: modes.1,
                        slow: modes.2,
                    },
                }
            },
        )
        .collect();
    Inventory {
        vendors,
        endpoints,
        workflows,
        rotations,
    }
}

/// Edits that make YAML and JSON hostile.
const HOSTILE: &[&str] = &[
    "[",
    "{",
    "]",
    "}",
    "&a ",
    "*a",
    "- ",
    ": ",
    "\n",
    "  ",
    "'",
    "\"",
    "#",
    "!!binary ",
    "<<: *a\n",
    "\u{feff}",
    "\t",
    "? ",
    "|",
    ">",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "\\",
    ",",
    "\u{0}",
    "\u{1b}",
    "\u{202e}",
    "sk-proj-AbCdEfGhIjKlMnOpQrSt",
    "https://u:p@x.example/",
    "99999999999999999999999",
    "-1",
    "null",
    "~",
    "\r\n",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), select(HOSTILE)).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), 1..30usize, 2..50usize).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match *e {
            Edit::Insert(at, s) => {
                let at = at % len;
                bytes.splice(at..at.min(bytes.len()), s.bytes());
            }
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Edit::Repeat(at, n, k) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                let piece = bytes[at.min(end)..end].to_vec();
                for _ in 1..k {
                    bytes.splice(end..end, piece.iter().copied());
                }
            }
        }
    }
    // Edits may cut a character in two; the file reader refuses that as not UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Whatever parses is valid and round-trips.
fn check_parsed(text: &str, format: Format) {
    if let Ok(inv) = parse("mutated", text, format) {
        assert!(inventory_issues(&inv).is_empty());
        for out in [Format::Yaml, Format::Json] {
            let written = to_text(&inv, out).unwrap();
            assert_eq!(parse("again", &written, out).unwrap(), inv);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn valid_inventories_round_trip_in_both_formats(inv in inventory()) {
        for format in [Format::Yaml, Format::Json] {
            let text = to_text(&inv, format).unwrap();
            let back = parse("generated", &text, format).unwrap();
            prop_assert_eq!(&back, &inv);
            prop_assert_eq!(to_text(&back, format).unwrap(), text);
        }
    }

    #[test]
    fn mutated_files_give_an_error_or_a_valid_inventory(
        inv in inventory(),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        for format in [Format::Yaml, Format::Json] {
            let text = apply(&to_text(&inv, format).unwrap(), &edits);
            check_parsed(&text, format);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}|[\\[\\]{}:&*!|>'\"#\n -]{0,300}") {
        check_parsed(&text, Format::Yaml);
        check_parsed(&text, Format::Json);
    }

    #[test]
    fn deep_nesting_is_refused_by_the_limit(
        depth in 65..20_000usize,
        opener in select(vec!["[", "{a: ", "- ", "[{a: "]),
    ) {
        let text = format!("vendors: {}", opener.repeat(depth));
        let err = parse("deep.yaml", &text, Format::Yaml).unwrap_err();
        prop_assert!(matches!(err, ImportError::Limit { .. }), "{}", err);
    }
}

/// Tokens of YAML structure, without aliases (an alias may repeat a deep node inside another,
/// which the parser's own recursion limit bounds).
const TOKENS: &[&str] = &[
    "[", "]", "{", "}", ", ", ": ", ":", "- ", "? ", "\n", "  ", " ", "'", "\"", "# ", "a", "b ",
    "| ", "> ", "&x ", "!t ", "\\", "---\n",
];

fn value_depth(v: &serde_yaml_ng::Value) -> usize {
    use serde_yaml_ng::Value;
    match v {
        Value::Sequence(items) => 1 + items.iter().map(value_depth).max().unwrap_or(0),
        Value::Mapping(m) => {
            1 + m
                .iter()
                .map(|(k, v)| value_depth(k).max(value_depth(v)))
                .max()
                .unwrap_or(0)
        }
        Value::Tagged(t) => value_depth(&t.value),
        _ => 0,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// The pre-scan is a bound only if it never sees less nesting than the parser builds.
    #[test]
    fn the_depth_scan_never_undercounts_the_parser(
        tokens in prop::collection::vec(select(TOKENS), 0..80),
    ) {
        let text = tokens.concat();
        if let Ok(v) = serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text) {
            prop_assert!(
                value_depth(&v) <= nesting_depth(&text),
                "{:?}: parsed {} deep, scanned {}",
                text,
                value_depth(&v),
                nesting_depth(&text)
            );
        }
    }
}
