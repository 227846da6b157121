use super::*;
use crate::inventory::demo::demo_inventory;
use crate::inventory::{replace_all, save, Endpoint, InventoryError, Vendor};
use crate::store::Store;

fn vendor(name: &str) -> Vendor {
    Vendor {
        id: "acme".into(),
        name: name.into(),
        status_page: None,
        status_api: None,
        status_components: Vec::new(),
    }
}

fn endpoint(credential: &str, base_url: &str) -> Endpoint {
    let mut e = demo_inventory().unwrap().endpoints[0].clone();
    e.credential = Some(credential.into());
    e.base_url = base_url.into();
    e
}

fn issues_of(inv: &Inventory) -> Vec<(String, String)> {
    crate::inventory::validate::inventory_issues(inv)
        .into_iter()
        .map(|i| {
            (
                format!("{}[{}].{}", i.section, i.index, i.error.field),
                i.error.message,
            )
        })
        .collect()
}

#[test]
fn the_demo_passes_every_text_rule() {
    assert_eq!(issues_of(&demo_inventory().unwrap()), vec![]);
}

#[test]
fn secrets_are_refused_without_being_repeated() {
    let mut inv = demo_inventory().unwrap();
    let key = "sk-ant-api03-AbCdEfGhIjKlMnOp";
    inv.endpoints[0].credential = Some(format!("keyring:{key}"));
    inv.endpoints[1].credential = Some("env:sk_live_51HabcdEFGH".into());
    inv.endpoints[2].base_url = "https://ops:hunter2@helpdesk.example/v1".into();
    inv.endpoints[3].base_url = "https://x.example/v1?key=AIzaSyAbCdEfGhIjKlMn".into();
    inv.endpoints[4].model = key.into();
    inv.workflows[0].description = format!("Our key is {key}, do not share");
    let issues = issues_of(&inv);
    let fields: Vec<&str> = issues.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "endpoints[0].credential",
            "endpoints[1].credential",
            "endpoints[2].base_url",
            "endpoints[3].base_url",
            "endpoints[4].model",
            "workflows[0].description"
        ]
    );
    for (field, message) in &issues {
        for secret in [key, "sk_live_51", "hunter2", "AIzaSy"] {
            assert!(!message.contains(secret), "{field}: {message}");
        }
    }
    assert!(issues[3].1.contains("query parameter `key`"), "{issues:?}");
    assert!(issues[2].1.contains("user:password@"), "{issues:?}");
}

#[test]
fn control_and_bidi_characters_are_refused_and_escaped() {
    let mut inv = demo_inventory().unwrap();
    inv.vendors[0].name = "Anthropic\u{1b}]0;pwned\u{7}".into();
    inv.vendors[1].name = "Bedrock \u{202E}kcordeB".into();
    inv.vendors[2].name = "Line\nbreak".into();
    inv.workflows[0].description = "Two lines\n\tand a tab\r\n".into();
    inv.workflows[1].failure_modes.slow.degradation = "bad \u{0}".into();
    inv.workflows[2].failure_modes.throttled.customer_message = "\u{2067}isolate".into();
    let issues = issues_of(&inv);
    assert_eq!(
        issues,
        vec![
            (
                "vendors[0].name".into(),
                "contains the control character U+001B; this field is one line of text".into()
            ),
            (
                "vendors[1].name".into(),
                "contains the bidirectional control character U+202E, which makes text display differently from what it is".into()
            ),
            (
                "vendors[2].name".into(),
                "contains the control character U+000A; this field is one line of text".into()
            ),
            (
                "workflows[1].failure_modes.slow.degradation".into(),
                "contains the control character U+0000; only line breaks and tabs are allowed".into()
            ),
            (
                "workflows[2].failure_modes.throttled.customer_message".into(),
                "contains the bidirectional control character U+2069, which makes text display differently from what it is"
                    .replace("2069", "2067")
            ),
        ]
    );
}

#[test]
fn other_messages_are_escaped() {
    let mut inv = demo_inventory().unwrap();
    inv.rotations[0].time_zone = "Europe/\u{85}Berlin".into();
    inv.vendors[0].id = "x\u{1b}[31m".into();
    let issues = crate::inventory::validate::inventory_issues(&inv);
    for i in &issues {
        assert!(!i.item.contains('\u{1b}'), "{i:?}");
        assert!(!i.error.message.contains(['\u{1b}', '\u{85}']), "{i:?}");
    }
    assert!(
        issues.iter().any(|i| i.item == "x\\u{1b}[31m"),
        "{issues:?}"
    );
}

#[test]
fn fields_have_length_limits() {
    let mut inv = demo_inventory().unwrap();
    inv.vendors[0].name = "n".repeat(MAX_LINE_CHARS + 1);
    inv.vendors[1].status_page = Some(format!("https://x.example/{}", "p".repeat(MAX_URL_CHARS)));
    inv.workflows[0].description = "d".repeat(MAX_TEXT_CHARS + 1);
    inv.workflows[1].description = "é".repeat(MAX_TEXT_CHARS);
    let issues = issues_of(&inv);
    assert_eq!(issues.len(), 3, "{issues:?}");
    assert_eq!(
        issues[0],
        (
            "vendors[0].name".into(),
            "is 257 characters long; the limit for this field is 256".into()
        )
    );
    assert!(
        issues[1].1.contains("the limit for this field is 2048"),
        "{issues:?}"
    );
    assert_eq!(issues[2].0, "workflows[0].description");
}

#[test]
fn an_id_may_start_like_a_key_when_it_is_a_valid_slug() {
    let mut inv = demo_inventory().unwrap();
    inv.vendors.push(Vendor {
        id: "sk-telecom".into(),
        name: "SK Telecom".into(),
        status_page: None,
        status_api: None,
        status_components: Vec::new(),
    });
    assert_eq!(issues_of(&inv), vec![]);
    inv.vendors.last_mut().unwrap().id = "sk-proj-AbCdEfGhIjKlMnOpQr".into();
    let issues = issues_of(&inv);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert!(!issues[0].1.contains("AbCd"), "{issues:?}");
}

#[test]
fn saves_from_the_app_follow_the_same_rules() {
    let (store, _) = Store::open_in_memory().unwrap();
    replace_all(&store, &demo_inventory().unwrap()).unwrap();
    let err = save::<Vendor>(&store, None, vendor("Acme\u{1b}[2J")).unwrap_err();
    let InventoryError::Invalid { errors, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(!err.to_string().contains('\u{1b}'), "{err}");
    let e = endpoint(
        "keyring:brownout/sk-ant-api03-AbCdEfGh",
        "https://api.anthropic.com/v1",
    );
    let err = save::<Endpoint>(&store, Some(&e.id.clone()), e).unwrap_err();
    assert!(
        err.to_string()
            .contains("credential: looks like a secret key"),
        "{err}"
    );
    assert!(!err.to_string().contains("AbCdEfGh"), "{err}");
    let e = endpoint("env:ANTHROPIC_API_KEY", "sk-proj-AbCdEfGhIjKl");
    let err = save::<Endpoint>(&store, Some(&e.id.clone()), e).unwrap_err();
    // The URL check's own message would repeat the value; only the secret rule speaks.
    assert!(!err.to_string().contains("AbCdEfGh"), "{err}");
    let mut bad_id = vendor("Acme");
    bad_id.id = "acme\u{202e}".into();
    let err = save::<Vendor>(&store, None, bad_id).unwrap_err();
    assert!(err.to_string().contains("acme\\u{202e}"), "{err}");
    save::<Vendor>(&store, None, vendor("Acme")).unwrap();
}

#[test]
fn escape_writes_invisible_characters_visibly() {
    assert_eq!(escape("plain"), Cow::Borrowed("plain"));
    assert_eq!(
        escape("a\nb\tc\u{1b}[0m\u{202e}\u{feff}"),
        "a\\nb\\tc\\u{1b}[0m\\u{202e}\\u{feff}"
    );
}

#[test]
fn a_rule_takes_the_place_of_other_problems_of_its_field() {
    let f = |field: &str, message: &str| FieldError {
        field: field.into(),
        message: message.into(),
    };
    let mut errors = vec![
        f("base_url", "a"),
        f("credential", "old 1"),
        f("vendor", "b"),
        f("credential", "old 2"),
    ];
    merge(
        &mut errors,
        vec![f("credential", "new"), f("name", "c")],
        |e| e.field.clone(),
    );
    assert_eq!(
        errors,
        [
            f("base_url", "a"),
            f("credential", "new"),
            f("vendor", "b"),
            f("name", "c")
        ]
    );
}
