use super::*;

#[test]
fn accepts_and_rejects() {
    assert!(is_valid_slug("openai-gpt-4o"));
    assert!(is_valid_slug("a1"));
    assert!(!is_valid_slug(""));
    assert!(!is_valid_slug("-x"));
    assert!(!is_valid_slug("Upper"));
    assert!(!is_valid_slug("has space"));
    assert!(!is_valid_slug(&"a".repeat(65)));
}

#[test]
fn slugifies_free_text() {
    assert_eq!(slugify("Throttled (429, quota)"), "throttled-429-quota");
    assert_eq!(
        slugify_words("Check the status page now please", 3),
        "check-the-status"
    );
    assert_eq!(slugify("¡¿!"), "");
    assert!(slugify(&"word ".repeat(40)).len() <= 64);
}

/// Inputs whose slugs the UI must compute exactly as the core does (ids suggested from names,
/// runbook step ids): Unicode, long names, punctuation.
const SHARED_CASES: &[(&str, Option<usize>)] = &[
    ("Ticket Triage (EU)!", None),
    ("  Open AI  ", None),
    ("Throttled (429, quota)", None),
    ("GPT-4o mini", None),
    ("under_score and dot.name", None),
    ("--leading and trailing--", None),
    ("tab\tand\nnewline", None),
    ("", None),
    ("¡¿!", None),
    ("Café crème brûlée", None),
    ("Straße", None),
    ("日本語 model", None),
    ("ＡＢＣ fullwidth", None),
    ("\u{212A}elvin sign", None),
    ("İstanbul", None),
    ("ΣΑΣ greek", None),
    ("emoji 🚀 launch", None),
    ("A\u{0301}ccent combining", None),
    (
        "word word word word word word word word word word word word word word",
        None,
    ),
    ("Check the status page now please", Some(3)),
    (
        "Switch traffic to the fallback endpoint and tell support",
        Some(8),
    ),
];

fn shared_case_table() -> String {
    let long_word = "a".repeat(64);
    let too_long = "b".repeat(65);
    let long_name = format!("{} tail", "x".repeat(60));
    let mut cases: Vec<(String, Option<usize>)> = SHARED_CASES
        .iter()
        .map(|(t, n)| (t.to_string(), *n))
        .collect();
    cases.extend([(long_word, None), (too_long, None), (long_name, None)]);
    let rows: Vec<_> = cases
        .into_iter()
        .map(|(text, max_words)| {
            let slug = slugify_words(&text, max_words.unwrap_or(usize::MAX));
            serde_json::json!({ "text": text, "max_words": max_words, "slug": slug })
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap() + "\n"
}

/// The UI's port of the slug rule (`ui/src/lib/slug.ts`) is tested against this table;
/// `UPDATE_SLUG_CASES=1 cargo test -p brownout-core slug` rewrites it after a rule change.
#[test]
fn shared_slug_cases_match_the_committed_table() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../ui/src/lib/slug-cases.json"
    );
    let table = shared_case_table();
    if std::env::var_os("UPDATE_SLUG_CASES").is_some() {
        std::fs::write(path, &table).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == table,
        "{path} is out of date: run UPDATE_SLUG_CASES=1 cargo test -p brownout-core slug"
    );
}
