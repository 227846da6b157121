use super::*;
use crate::inventory::demo::DEMO_INVENTORY;

#[test]
fn the_demo_inventory_nests_shallowly() {
    let depth = nesting_depth(DEMO_INVENTORY);
    assert!((3..=8).contains(&depth), "{depth}");
}

#[test]
fn deep_flow_nesting_is_refused_before_parsing() {
    // 400 KB of `[`: the parser alone would take minutes on this.
    let text = "[".repeat(400 * 1024);
    let err = from_str::<serde_yaml_ng::Value>(&text, Limits::DEFAULT).unwrap_err();
    assert!(
        matches!(err, YamlError::TooDeep { limit: 64, line: 1 }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "nested deeper than 64 levels, the limit");
    let text = format!("vendors:\n- id: a\n  name: {}", "{a: ".repeat(100_000));
    let err = from_str::<serde_yaml_ng::Value>(&text, Limits::DEFAULT).unwrap_err();
    assert_eq!(err.line(), Some(3), "{err}");
}

#[test]
fn deep_block_nesting_is_refused() {
    let mut text = String::new();
    for i in 0..100 {
        text.push_str(&" ".repeat(i));
        text.push_str("k:\n");
    }
    let err = from_str::<serde_yaml_ng::Value>(&text, Limits::DEFAULT).unwrap_err();
    assert!(
        matches!(err, YamlError::TooDeep { line: 65, .. }),
        "{err:?}"
    );
    let text = format!("{}x\n", "- ".repeat(200));
    assert!(matches!(
        from_str::<serde_yaml_ng::Value>(&text, Limits::DEFAULT),
        Err(YamlError::TooDeep { line: 1, .. })
    ));
}

#[test]
fn brackets_in_scalars_are_not_nesting() {
    let many = "[".repeat(300);
    let text = format!(
        "plain: a{many}\nsingle: '{many}'' {many}'\ndouble: \"{many}\\\" {many}\"\nmulti: \"{many}\n  {many}\"\nblock: |\n  {many}\n  {many}\nfolded: >-\n  {many}\nafter: [1, [2, {{k: v}}]] # {many}\n"
    );
    assert!(nesting_depth(&text) <= 4, "{}", nesting_depth(&text));
    let v: serde_yaml_ng::Value = from_str(&text, Limits::DEFAULT).unwrap();
    assert_eq!(v["block"].as_str().unwrap(), format!("{many}\n{many}\n"));
    assert_eq!(v["after"][1][1]["k"].as_str(), Some("v"));
}

#[test]
fn alias_expansion_is_bounded() {
    let big = "x".repeat(10_000);
    let refs = vec!["*s"; 4000].join(", ");
    // 50 KB of text that expands to 40 MB.
    let text = format!("s: &s \"{big}\"\nl: [{refs}]\n");
    let err = from_str::<serde_yaml_ng::Value>(&text, Limits::DEFAULT).unwrap_err();
    assert!(
        matches!(err, YamlError::TooExpanded { limit } if limit == 16 << 20),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "aliases expand it to more than 16 MiB, the limit"
    );
    // A few aliases in an ordinary file are fine.
    let text = "base: &b {a: 1}\nx: *b\ny: *b\nz: '*not an alias'\n";
    let v: serde_yaml_ng::Value = from_str(text, Limits::DEFAULT).unwrap();
    assert_eq!(v["y"]["a"].as_u64(), Some(1));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let v: serde_yaml_ng::Value = from_str("\u{feff}a: 1\n", Limits::DEFAULT).unwrap();
    assert_eq!(v["a"].as_u64(), Some(1));
}

#[test]
fn the_serde_error_form_keeps_the_message() {
    let text = "[".repeat(100);
    let err = from_str_bounded::<serde_yaml_ng::Value>(&text).unwrap_err();
    assert!(
        err.to_string().contains("nested deeper than 64 levels"),
        "{err}"
    );
    let err = from_str_bounded::<serde_yaml_ng::Value>("a: [1\n").unwrap_err();
    assert!(err.location().is_some(), "{err}");
}

#[test]
fn runbook_front_matter_uses_the_same_bounds() {
    let deep = format!(
        "---\nid: x\ntitle: {}\n---\n# Body\n",
        "[".repeat(200 * 1024)
    );
    let err = crate::runbook::parse::front_matter("deep.md", &deep).unwrap_err();
    assert!(
        err[0].message.contains("nested deeper than 64 levels"),
        "{err:?}"
    );
    let big = "x".repeat(10_000);
    let refs = vec!["*s"; 4000].join(", ");
    let bomb = format!("---\nid: &s \"{big}\"\ntitle: [{refs}]\n---\n");
    let err = crate::runbook::parse::front_matter("bomb.md", &bomb).unwrap_err();
    assert!(
        err[0].message.contains("expand it to more than 16 MiB"),
        "{err:?}"
    );
}

#[test]
fn a_quote_continuing_a_plain_scalar_hides_no_nesting() {
    // YAML reads the `"` lines as more of the plain scalar, so the brackets after them nest.
    let deep = "[".repeat(100);
    for text in [
        format!("a: x\n  more\n  \"\n{deep}\n"),
        format!("[a\n \"{deep}\n"),
    ] {
        assert!(nesting_depth(&text) > 64, "{text:?}");
    }
    // In block context a bracket inside a plain scalar is text, on continuation lines too.
    let text = format!("a: x\n  \"\n  {deep}\n");
    assert!(nesting_depth(&text) <= 3, "{}", nesting_depth(&text));
    let v: serde_yaml_ng::Value = from_str(&text, Limits::DEFAULT).unwrap();
    assert_eq!(v["a"].as_str(), Some(format!("x \" {deep}").as_str()));
    // A quote that starts a new key or value is a quote.
    let text = format!("a: x\n\"k {deep}\": 1\nb:\n  \"{deep}\"\n");
    assert!(nesting_depth(&text) <= 3, "{}", nesting_depth(&text));
}
