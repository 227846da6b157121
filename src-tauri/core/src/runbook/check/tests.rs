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
    let inv = demo_inventory().unwrap();
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
    let got = messages(&check_source("bad.md", &bad, &inv));
    for want in [
        "bad.md:2: id 'OpenAI Throttled' must be",
        "bad.md:4: unknown vendor 'opneai'",
        "bad.md:6: unknown workflow 'nope-flow'",
        "bad.md:7: unknown rotation 'nobody'",
        "bad.md:8: reviewed '20-11-2026' is not a YYYY-MM-DD date",
        "bad.md:5: failure mode 'slow' has no section",
        "bad.md:12: unknown endpoint 'anthropic-opus'",
        "bad.md:12: unknown reference {{nonsense}}",
    ] {
        assert!(
            got.iter().any(|m| m.starts_with(want)),
            "missing {want:?} in {got:#?}"
        );
    }
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
