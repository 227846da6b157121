use crate::health::Health;
use std::collections::HashMap;

use super::*;

fn health() -> HashMap<String, Health> {
    HashMap::from([
        ("anthropic-haiku".to_string(), Health::Healthy),
        ("openai-gpt-4o".to_string(), Health::Down),
    ])
}

/// Asserts that `html` holds each of `wants`.
fn assert_contains_all(html: &str, wants: &[&str]) {
    for want in wants {
        assert!(html.contains(want), "{want:?} not in {html}");
    }
}

fn render(md: &str) -> String {
    let h = health();
    render_markdown(
        md,
        &RenderOptions {
            asset_folder: Some("openai"),
            health: &h,
        },
    )
}

#[test]
fn github_flavoured_markdown_renders() {
    let html = render(
        "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ text[^n]\n\n[^n]: A note.\n\n- [x] done\n- [ ] open\n",
    );
    assert!(html.contains("<h1 id=\"h-title\">Title</h1>"), "{html}");
    assert!(
        html.contains("<table>") && html.contains("<td>2</td>"),
        "{html}"
    );
    assert_contains_all(
        &html,
        &[
            "<del>old</del>",
            "href=\"#fn-1\"",
            "id=\"fn-1\"",
            "<span class=\"task-marker\" data-checked=\"true\"></span>",
        ],
    );
}

#[test]
fn external_links_open_outside_and_in_page_links_use_heading_ids() {
    let html = render("[status](https://status.openai.com) [back](#step-back)\n\n## Step back\n");
    assert_contains_all(
        &html,
        &[
            "<a href=\"https://status.openai.com\" class=\"external\" target=\"_blank\" rel=\"noopener noreferrer\">status</a>",
            "<a href=\"#h-step-back\"",
            "<h2 id=\"h-step-back\">",
        ],
    );
}

#[test]
fn duplicate_headings_get_distinct_ids() {
    let html = render("## Confirm\n\n## Confirm\n");
    assert!(
        html.contains("id=\"h-confirm\"") && html.contains("id=\"h-confirm-2\""),
        "{html}"
    );
}

#[test]
fn endpoint_references_become_health_badges() {
    let html = render("- [ ] Shift to {{endpoint:anthropic-haiku}} {{if-healthy:openai-gpt-4o}} {{endpoint:nope}} {#shift}\n");
    assert_contains_all(
        &html,
        &[
            "<span class=\"endpoint-badge\" data-endpoint=\"anthropic-haiku\" data-health=\"healthy\">anthropic-haiku · healthy</span>",
            "data-endpoint=\"openai-gpt-4o\" data-health=\"down\"",
            "data-endpoint=\"nope\" data-health=\"missing\"",
        ],
    );
    assert!(
        !html.contains("{#shift}"),
        "pin stays out of the text: {html}"
    );
}

#[test]
fn references_in_code_stay_literal() {
    let html = render("`{{endpoint:anthropic-haiku}}`\n\n```\n{{endpoint:anthropic-haiku}}\n```\n");
    assert!(!html.contains("endpoint-badge"), "{html}");
    assert_eq!(
        html.matches("{{endpoint:anthropic-haiku}}").count(),
        2,
        "{html}"
    );
}

#[test]
fn relative_images_come_from_the_runbook_folder() {
    let html = render("![flow](img/flow.png) ![pixel](https://evil.example/p.gif)");
    // The remote image goes; its alt text stays.
    let kept = [
        "src=\"runbook-asset://localhost/openai/img/flow.png\"",
        "pixel",
    ];
    assert_contains_all(&html, &kept);
    assert!(!html.contains("evil.example"), "{html}");
}

#[test]
fn front_matter_is_not_rendered() {
    let h = health();
    let html = render_document(
        "---\nid: x\n---\n# Body\n",
        &RenderOptions {
            asset_folder: None,
            health: &h,
        },
    );
    assert!(!html.contains("id: x") && html.contains("Body"), "{html}");
}

#[test]
fn pathological_input_does_not_panic() {
    for md in [
        "[".repeat(10_000),
        "> ".repeat(5_000) + "x",
        "- ".repeat(3_000) + "[ ] x",
        "{{".repeat(1000) + "endpoint:a}}",
        "[^a]: [^a]\n".repeat(100),
        "\u{0}\u{1}<\u{feff}>".into(),
    ] {
        render(&md);
    }
}

#[test]
fn steps_carry_their_pin_and_condition_on_the_item() {
    let html = render(
        "- [ ] Drain {{if-healthy:openai-gpt-4o}} {#drain}\n- [ ] Shift {{if-healthy:anthropic-haiku}}\n- [ ] Ask {{if-healthy:nope}}\n- plain\n",
    );
    assert_contains_all(
        &html,
        &[
            "<li class=\"step step-not-applicable\" data-step-id=\"drain\">",
            "<li class=\"step\">",
            "<li class=\"step step-condition-unknown\">",
            "<li>plain</li>",
            ">only if openai-gpt-4o is healthy</span>",
        ],
    );
    assert!(!html.contains("{#drain}"), "{html}");
}

#[test]
fn heading_attributes_become_sanitized_anchors() {
    let html = render("## Failover {#fail-over .big onclick=x}\n\n## Hack {#\"><script>}\n");
    assert_contains_all(
        &html,
        &[
            "<h2 id=\"h-fail-over\">Failover</h2>",
            // Not a valid attribute block (the `<script>` is inline HTML): escaped text.
            "<h2 id=\"h-hack\">Hack {#\"&gt;&lt;script&gt;}</h2>",
        ],
    );
    assert!(!html.contains("big") && !html.contains("onclick"), "{html}");
}

#[test]
fn long_text_full_of_escapes_renders_whole_and_unchanged() {
    let amp = "a&amp;".repeat(5_000);
    assert_eq!(render(&amp), format!("<p>{amp}</p>\n"));
    let star = "a\\*".repeat(5_000);
    assert_eq!(render(&star), format!("<p>{}</p>\n", "a*".repeat(5_000)));
    // Characters the serializer escapes or inspects, in text and in code.
    let mixed = "°±&<>\"' x ".repeat(1_000);
    let html = render(&format!("```\n{mixed}\n```\n\n`{mixed}`\n"));
    let escaped = mixed
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert_eq!(
        html,
        format!("<pre><code>{escaped}\n</code></pre>\n<p><code>{escaped}</code></p>\n")
    );
    assert!(!html.contains("<!--"), "the split markers are cleaned away");
}

#[test]
fn absurdly_long_link_addresses_and_alt_texts_are_cut() {
    let long = format!("https://example.com/?{}", "a=1&".repeat(1_000));
    let html = render(&format!("[here]({long})"));
    assert_eq!(html, "<p>here</p>\n", "shown as its text");
    let alt = "flow &amp; ".repeat(200);
    let html = render(&format!("![{alt}](img/flow.png)"));
    let kept = scraper::Html::parse_fragment(&html);
    let img = kept
        .select(&scraper::Selector::parse("img").unwrap())
        .next()
        .unwrap();
    let shown = img.value().attr("alt").unwrap();
    assert!(
        shown.len() <= 512 && shown.starts_with("flow & flow"),
        "{shown}"
    );
}
