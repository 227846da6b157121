use super::*;
use crate::inventory::demo::demo_inventory;

const GOOD: &str = "---
id: openai-throttled
title: OpenAI throttled
vendor: openai
failure_modes: [throttled]
workflows: [support-chat]
owner: support-ai
reviewed: 2026-11-20
---
## Throttled

- [ ] Shift to {{endpoint:anthropic-sonnet}} {{if-healthy:anthropic-sonnet}}
";

/// The problems `check_source` finds in `src` against the demo inventory, as printed.
fn demo_messages(file: &str, src: &str) -> Vec<String> {
    messages(&check_source(file, src, &demo_inventory().unwrap()))
}

/// Asserts that each of `wants` starts one of the messages `got`.
fn assert_some_message_starts_with(got: &[String], wants: &[&str]) {
    for want in wants {
        assert!(
            got.iter().any(|m| m.starts_with(want)),
            "missing {want:?} in {got:#?}"
        );
    }
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_good_runbook_has_no_problems() {
    let inv = demo_inventory().unwrap();
    assert_eq!(check_source("good.md", GOOD, &inv), vec![]);
}

#[test]
fn every_problem_names_file_and_line() {
    let bad = GOOD
        .replace("vendor: openai", "vendor: opneai")
        .replace("[support-chat]", "[support-chat, nope-flow]")
        .replace("owner: support-ai", "owner: nobody")
        .replace("2026-11-20", "20-11-2026")
        .replace("[throttled]", "[throttled, slow]")
        .replace(
            "{{endpoint:anthropic-sonnet}}",
            "{{endpoint:anthropic-opus}} {{nonsense}}",
        )
        .replace("id: openai-throttled", "id: OpenAI Throttled");
    let got = demo_messages("bad.md", &bad);
    assert_some_message_starts_with(
        &got,
        &[
            "bad.md:2: id 'OpenAI Throttled' must be",
            "bad.md:4: unknown vendor 'opneai'",
            "bad.md:6: unknown workflow 'nope-flow'",
            "bad.md:7: unknown rotation 'nobody'",
            "bad.md:8: reviewed '20-11-2026' is not a YYYY-MM-DD date",
            "bad.md:5: failure mode 'slow' has no section",
            "bad.md:12: unknown endpoint 'anthropic-opus'",
            "bad.md:12: unknown reference {{nonsense}}",
        ],
    );
    assert_eq!(got.len(), 8, "{got:#?}");
}

#[test]
fn duplicate_pins_and_ids_across_files() {
    let inv = demo_inventory().unwrap();
    let dup = format!("{GOOD}- [ ] One {{#same}}\n- [ ] Two {{#same}}\n");
    let got = messages(&check_source("d.md", &dup, &inv));
    assert_eq!(
        got,
        ["d.md:14: duplicate step id 'same' (first on line 13)"]
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), GOOD).unwrap();
    std::fs::create_dir(dir.path().join("more")).unwrap();
    std::fs::write(dir.path().join("more/b.md"), GOOD).unwrap();
    std::fs::write(dir.path().join("README.md"), "# not a runbook").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    let got = messages(&check_dir(dir.path(), &inv).unwrap());
    assert_eq!(
        got,
        ["more/b.md:2: duplicate runbook id 'openai-throttled' (also in a.md)"]
    );
}

#[test]
fn references_in_code_fences_are_not_checked() {
    let inv = demo_inventory().unwrap();
    let src = format!("{GOOD}\n```\n{{{{endpoint:not-real}}}}\n```\n");
    assert_eq!(check_source("c.md", &src, &inv), vec![]);
}

#[test]
fn references_in_code_spans_and_raw_html_are_not_checked_but_indented_text_is() {
    let src = format!(
        "{GOOD}\nWrite `{{{{endpoint:example}}}}` to show a badge.\n\n    {{{{endpoint:in-indented-code}}}}\n\n<div>{{{{nonsense}}}}</div>\n\nThen {{{{endpoint:typo-endpoint}}}} here.\n"
    );
    assert_eq!(
        demo_messages("c.md", &src),
        ["c.md:20: unknown endpoint 'typo-endpoint'"]
    );
}

#[test]
fn a_pin_that_is_not_a_slug_is_reported() {
    let src = format!("{GOOD}- [ ] Page the owner {{#Page Owner}}\n");
    assert_eq!(
        demo_messages("p.md", &src),
        ["p.md:13: step id pin '{#Page Owner}' is not valid: the id must be 1–64 characters of lowercase letters, digits and '-', not starting with '-'"]
    );
}

#[test]
fn every_missing_and_unknown_key_is_its_own_problem() {
    let src = "---\nid: x\nvendor: openai\ncolour: red\nsevrity: high\n---\n## Throttled\n";
    assert_eq!(
        demo_messages("k.md", src),
        [
            "k.md:4: unknown front matter key 'colour' (known keys: id, title, vendor, failure_modes, workflows, owner, reviewed)",
            "k.md:5: unknown front matter key 'sevrity' (known keys: id, title, vendor, failure_modes, workflows, owner, reviewed)",
            "k.md:6: front matter is missing the required key 'failure_modes'",
            "k.md:6: front matter is missing the required key 'title'",
        ]
    );
}

#[test]
fn a_yaml_syntax_error_points_at_its_file_line() {
    let inv = demo_inventory().unwrap();
    let src = GOOD.replace("owner: support-ai", "owner: [support-ai");
    let got = check_source("y.md", &src, &inv);
    assert_eq!(got.len(), 1, "{got:?}");
    // The unclosed list is noticed on the `reviewed` line after it, or on the `owner` line.
    assert!((7..=8).contains(&got[0].line), "{got:?}");
    assert!(got[0].message.starts_with("front matter: "), "{got:?}");
}

#[test]
fn one_problem_on_one_line_is_reported_once() {
    let text = GOOD
        .replace("[support-chat]", "[nope-flow, nope-flow]")
        .replace(
            "{{if-healthy:anthropic-sonnet}}",
            "{{if-healthy:nope}} {{endpoint:nope}}",
        )
        .replace("{{endpoint:anthropic-sonnet}}", "{{endpoint:nope}}");
    assert_eq!(
        demo_messages("d.md", &text),
        [
            "d.md:6: unknown workflow 'nope-flow'",
            "d.md:12: unknown endpoint 'nope'"
        ]
    );
}

#[test]
fn a_bad_entry_is_a_problem_and_everything_else_is_checked() {
    use std::os::unix::ffi::OsStrExt;
    let inv = demo_inventory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("later.md"),
        GOOD.replace("id: openai-throttled", "id: later")
            .replace("vendor: openai", "vendor: nope"),
    )
    .unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(dir.path().join(name), GOOD).unwrap();
    std::os::unix::fs::symlink("loop.md", dir.path().join("loop.md")).unwrap();
    std::fs::write(dir.path().join("latin1.md"), b"---\nid: caf\xe9\n---\n").unwrap();
    let got = messages(&check_dir(dir.path(), &inv).unwrap());
    assert_eq!(got.len(), 4, "{got:#?}");
    assert_some_message_starts_with(
        &got,
        &[
            "caf\u{fffd}.md: the name is not UTF-8",
            "latin1.md:1: not UTF-8 text",
            "later.md:4: unknown vendor 'nope'",
            "loop.md: a link that leads nowhere readable",
        ],
    );
}

#[test]
fn printed_problems_carry_no_control_or_bidi_characters() {
    let p = Problem {
        file: "evil\u{1b}]0;pwned\u{7}\n.md".into(),
        line: 3,
        message: "unknown vendor 'a\u{202e}b\rc'".into(),
    };
    let shown = p.to_string();
    assert_eq!(
        shown,
        "evil\\u{1b}]0;pwned\\u{7}\\u{a}.md:3: unknown vendor 'a\\u{202e}b\\u{d}c'"
    );
    assert!(!shown.chars().any(|c| c.is_control()));
}
