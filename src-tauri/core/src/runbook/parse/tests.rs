use super::*;

const RUNBOOK: &str = "---
id: openai
title: OpenAI degraded
vendor: openai
failure_modes: [throttled, slow]
---
# OpenAI

- [ ] Open the incident channel

## Throttled (429)

- [ ] Confirm 429s on {{endpoint:openai-gpt-4o}}
- [ ] Shift traffic {{if-healthy:anthropic-haiku}} {#shift}
  - [ ] Nested check
- [ ] Confirm 429s on {{endpoint:openai-gpt-4o}}

## Slow

1. [x] Compare p95
   with the SLO
";

#[test]
fn steps_have_sections_lines_and_ids() {
    let rb = parse("openai.md", RUNBOOK).unwrap();
    assert_eq!(rb.front.id, "openai");
    assert_eq!(rb.sections, ["Throttled (429)", "Slow"]);
    let got: Vec<(&str, &str, usize)> = rb
        .steps
        .iter()
        .map(|s| (s.id.as_str(), s.section.as_str(), s.line))
        .collect();
    assert_eq!(
        got,
        [
            ("general/open-the-incident-channel", "General", 9),
            (
                "throttled-429/confirm-429s-on-openai-gpt-4o",
                "Throttled (429)",
                13
            ),
            ("shift", "Throttled (429)", 14),
            ("throttled-429/nested-check", "Throttled (429)", 15),
            (
                "throttled-429/confirm-429s-on-openai-gpt-4o-2",
                "Throttled (429)",
                16
            ),
            ("slow/compare-p95-with-the-slo", "Slow", 20),
        ]
    );
    let shift = &rb.steps[2];
    assert_eq!(shift.text, "Shift traffic {{if-healthy:anthropic-haiku}}");
    assert_eq!(shift.conditions, ["anthropic-haiku"]);
    assert!(shift.pinned);
    assert_eq!(rb.steps[5].text, "Compare p95\n   with the SLO");
}

#[test]
fn editing_one_step_keeps_the_others_ids() {
    let before = parse("a.md", RUNBOOK).unwrap();
    let edited = RUNBOOK.replace(
        "Open the incident channel",
        "Open the incident channel and page the owner",
    );
    let after = parse("a.md", &edited).unwrap();
    assert_ne!(before.steps[0].id, after.steps[0].id);
    for (b, a) in before.steps[1..].iter().zip(&after.steps[1..]) {
        assert_eq!(b.id, a.id);
    }
}

#[test]
fn front_matter_errors_name_the_line() {
    let err = parse("x.md", "---\nid: x\ntitle: [unclosed\n---\n").unwrap_err();
    assert_eq!(err[0].file, "x.md");
    assert!(err[0].line >= 3, "{err:?}");
    let err = parse(
        "x.md",
        "---\nid: x\ntitle: T\nvendor: openai\nfailure_modes: [throttled]\ncolour: red\n---\n",
    )
    .unwrap_err();
    assert!(err[0].message.contains("colour"), "{err:?}");
    assert_eq!(err[0].line, 6, "{err:?}");
    let err = parse("x.md", "# No front matter\n").unwrap_err();
    assert_eq!(
        (err[0].line, err[0].message.contains("missing front matter")),
        (1, true)
    );
    let err = parse("x.md", "---\nid: x\n").unwrap_err();
    assert!(err[0].message.contains("not closed"), "{err:?}");
}

#[test]
fn steps_list_the_endpoints_they_show() {
    let rb = parse(
        "e.md",
        "---\nid: e\ntitle: E\nvendor: any\nfailure_modes: [slow]\n---\n## Slow\n\n- [ ] Compare {{endpoint:a}} with {{endpoint:b}} and {{endpoint:a}} {{if-healthy:b}}\n- [ ] No references\n",
    )
    .unwrap();
    assert_eq!(rb.steps[0].endpoints, ["a", "b"]);
    assert_eq!(rb.steps[0].conditions, ["b"]);
    assert!(rb.steps[1].endpoints.is_empty());
}

#[test]
fn ids_come_from_the_text_as_read_not_its_markup() {
    let rb = parse(
        "m.md",
        "---\nid: m\ntitle: M\nvendor: any\nfailure_modes: [slow]\n---\n## Slow\n\n- [ ] Check [status.openai.com](https://status.openai.com/incidents) for **open** `incidents`\n- [ ] Shift to {{endpoint:anthropic-haiku}} {{if-healthy:anthropic-haiku}}\n- [ ] Page\n  the owner\n",
    )
    .unwrap();
    let ids: Vec<&str> = rb.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "slow/check-status-openai-com-for-open-incidents",
            "slow/shift-to-anthropic-haiku",
            "slow/page-the-owner",
        ]
    );
}
