//! Hostile runbooks: each input is rendered and the HTML is parsed back to prove that nothing
//! active survived — no script, no handler, no dangerous URL, no remote resource. The same
//! invariants are then checked on generated markdown and front matter (proptest): no panic,
//! nothing active, problems on lines that exist, front matter that reads back as written.

use std::collections::HashMap;

use brownout_core::health::Health;
use brownout_core::inventory::demo::demo_inventory;
use brownout_core::inventory::FailureMode;
use brownout_core::runbook::parse::{front_matter, KEYS};
use brownout_core::runbook::render::{render_document, RenderOptions};
use brownout_core::runbook::{check_source, parse, FrontMatter};
use proptest::prelude::*;
use scraper::{Html, Node};

const ALLOWED_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "span",
    "sup",
    "div",
    // Added by the fragment parser itself.
    "html",
    "head",
    "body",
];

/// (name, markdown). Every one must render inert.
const CORPUS: &[(&str, &str)] = &[
    ("script block", "<script>window.__pwned=1</script>"),
    ("script uppercase", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
    ("script nested", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("script unclosed", "<script>alert(1)"),
    ("script inline in text", "Hello <script>alert(1)</script> world"),
    ("script in table", "| a |\n|---|\n| <script>alert(1)</script> |"),
    ("script in blockquote", "> <script>alert(1)</script>"),
    ("script in list", "- [ ] step <script>alert(1)</script>"),
    ("img onerror", "<img src=x onerror=alert(1)>"),
    ("svg onload", "<svg onload=alert(1)><circle r=1></svg>"),
    ("body onload", "<body onload=alert(1)>"),
    ("details ontoggle", "<details open ontoggle=alert(1)>x</details>"),
    ("a onmouseover", "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">x</a>"),
    ("javascript link", "[x](javascript:alert(1))"),
    ("javascript mixed case", "[x](JaVaScRiPt:alert(1))"),
    ("javascript decimal entity", "[x](&#106;avascript:alert(1))"),
    ("javascript hex entity", "[x](&#x6A;avascript:alert(1))"),
    ("javascript tab entity", "[x](java&#x09;script:alert(1))"),
    ("javascript newline entity", "[x](java&#10;script:alert(1))"),
    ("javascript control char", "[x](\u{1}javascript:alert(1))"),
    ("javascript leading space entity", "[x](&#32;javascript:alert(1))"),
    ("javascript percent", "[x](java%73cript:alert(1))"),
    ("javascript angle dest", "[x](<javascript:alert(1)>)"),
    ("vbscript link", "[x](vbscript:msgbox(1))"),
    ("data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("file link", "[x](file:///etc/passwd)"),
    ("tauri link", "[x](tauri://localhost/index.html)"),
    ("ipc link", "[x](ipc://localhost/plugin)"),
    ("asset link", "[x](asset://localhost/etc/passwd)"),
    ("runbook-asset link", "[x](runbook-asset://localhost/a.png)"),
    ("script words as image alt text", "![javascript:alert(1)](a.png)"),
    ("javascript autolink", "<javascript:alert(1)>"),
    ("data autolink", "<data:text/html,<script>alert(1)</script>>"),
    ("javascript reference", "[x][r]\n\n[r]: javascript:alert(1)"),
    ("javascript reference entity", "[x][r]\n\n[r]: &#x6A;avascript:alert(1) \"t\""),
    ("javascript image", "![x](javascript:alert(1))"),
    ("data svg image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    ("remote tracking pixel", "![](https://evil.example/pixel.gif)"),
    ("protocol-relative image", "![x](//evil.example/p.gif)"),
    ("image escaping folder", "![x](../../../etc/passwd.png)"),
    ("file image", "![x](file:///etc/passwd)"),
    ("iframe", "<iframe src=\"https://evil.example\"></iframe>"),
    ("iframe srcdoc", "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>"),
    ("object", "<object data=\"https://evil.example/x.swf\"></object>"),
    ("embed", "<embed src=\"https://evil.example/x.swf\">"),
    ("svg script", "<svg><script>alert(1)</script></svg>"),
    ("math", "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>"),
    ("style tag", "<style>body{background:url(https://evil.example/t)}</style>"),
    ("style attribute", "<p style=\"background:url(javascript:alert(1))\">x</p>"),
    ("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"),
    ("base", "<base href=\"https://evil.example/\">"),
    ("form", "<form action=\"https://evil.example\"><button formaction=javascript:alert(1)>x</button></form>"),
    ("link import", "<link rel=import href=\"https://evil.example/x.html\">"),
    ("template", "<template><img src=x onerror=alert(1)></template>"),
    ("mxss noscript", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"),
    ("mxss svg style", "<svg><style><img src=x onerror=alert(1)></style></svg>"),
    ("mxss math mglyph", "<math><mi><mglyph><style><img src=x onerror=alert(1)></style></mglyph></mi></math>"),
    ("mxss comment", "<!--><img src=x onerror=alert(1)>-->"),
    ("html in link text", "[<img src=x onerror=alert(1)>](https://ok.example)"),
    ("quote breaking title", "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")"),
    ("quote breaking url", "[x](https://ok.example/\"onmouseover=\"alert(1))"),
    ("endpoint ref with markup", "{{endpoint:<script>alert(1)</script>}}"),
    ("endpoint ref with quotes", "{{endpoint:a\" onclick=\"alert(1)}}"),
    ("pin with markup", "- [ ] step {#\"><script>alert(1)</script>}"),
    ("heading with markup", "## <img src=x onerror=alert(1)> Throttled"),
    ("heading anchor breaking out", "## Throttled {#\"><script>alert(1)</script>}"),
    ("heading attribute handler", "## Throttled {#t .x onclick=alert(1) style=color:red}"),
    ("step pin with condition markup", "- [ ] step {{if-healthy:a\"><b>}} {#ok}"),
    ("footnote label markup", "x[^\"><script>alert(1)</script>]\n\n[^\"><script>alert(1)</script>]: y"),
    ("code span html", "`<script>alert(1)</script>`"),
    ("fenced html", "```html\n<script>alert(1)</script>\n```"),
];

fn render(md: &str) -> String {
    let health: HashMap<String, Health> = HashMap::new();
    render_document(
        md,
        &RenderOptions {
            asset_folder: Some("vendor"),
            health: &health,
        },
    )
}

/// Every way active content could survive, checked on the parsed HTML.
fn inert_problems(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let mut problems = Vec::new();
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let tag = el.name();
        if !ALLOWED_TAGS.contains(&tag) {
            problems.push(format!("element <{tag}>"));
        }
        for (name, value) in el.attrs() {
            let lower = value.to_ascii_lowercase();
            if name.starts_with("on") {
                problems.push(format!("handler {name} on <{tag}>"));
            }
            if [
                "style",
                "srcdoc",
                "formaction",
                "xlink:href",
                "action",
                "srcset",
            ]
            .contains(&name)
            {
                problems.push(format!("attribute {name} on <{tag}>"));
            }
            // A script URL matters where a URL is taken; text such as an image's alt
            // ("javascript:" written by the author) is shown, never run.
            let takes_url = [
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
                "srcset",
                "poster",
                "data",
                "cite",
                "background",
            ]
            .contains(&name);
            if takes_url && (lower.contains("javascript:") || lower.contains("vbscript:")) {
                problems.push(format!("script URL in {name} on <{tag}>"));
            }
            if name == "href"
                && !["http://", "https://", "mailto:", "#"]
                    .iter()
                    .any(|p| value.starts_with(p))
            {
                problems.push(format!("href {value:?}"));
            }
            if name == "src" && !value.starts_with("runbook-asset://localhost/vendor/") {
                problems.push(format!("src {value:?}"));
            }
        }
    }
    problems
}

#[test]
fn corpus_is_large_enough() {
    assert!(CORPUS.len() >= 40, "{} cases", CORPUS.len());
}

#[test]
fn no_hostile_input_renders_anything_active() {
    let mut failures = Vec::new();
    for (name, md) in CORPUS {
        let html = render(md);
        let problems = inert_problems(&html);
        if !problems.is_empty() {
            failures.push(format!("{name}: {problems:?}\n  in {html}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn raw_html_is_shown_as_text() {
    let html = render("<script>window.__pwned=1</script>");
    assert!(
        html.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"),
        "{html}"
    );
    let inline = render("Press <kbd>Ctrl</kbd>");
    assert!(inline.contains("&lt;kbd&gt;Ctrl&lt;/kbd&gt;"), "{inline}");
}

#[test]
fn refused_links_keep_their_text() {
    let html = render("[open the console](javascript:alert(1))");
    assert!(
        html.contains("open the console") && !html.contains("<a"),
        "{html}"
    );
}

#[test]
fn the_checker_catches_what_it_should() {
    // The structural check itself must fail on active content, or the corpus proves nothing.
    for bad in [
        "<script>x</script>",
        "<img src=x onerror=y>",
        "<a href=\"javascript:x\">x</a>",
        "<p style=\"x\">x</p>",
        "<iframe></iframe>",
        "<img src=\"https://evil.example/p.gif\">",
    ] {
        assert!(!inert_problems(bad).is_empty(), "{bad} passed the check");
    }
}

#[test]
fn safe_content_survives() {
    let html = render(
        "## Throttled\n\n- [ ] Check [status](https://status.openai.com) and mail [on-call](mailto:oncall@example.com)\n- [ ] Shift to {{endpoint:anthropic-haiku}} {{if-healthy:anthropic-haiku}} {#shift}\n\nA note[^n] and ~~old~~ text.\n\n[^n]: The footnote.\n\n![diagram](diagram.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    assert!(inert_problems(&html).is_empty(), "{html}");
    for want in [
        "href=\"https://status.openai.com\"",
        "target=\"_blank\"",
        "href=\"mailto:oncall@example.com\"",
        "class=\"endpoint-badge\"",
        "src=\"runbook-asset://localhost/vendor/diagram.png\"",
        "<table>",
        "class=\"task-marker\"",
        "<li class=\"step step-condition-unknown\" data-step-id=\"shift\">",
        "<del>old</del>",
        "href=\"#fn-1\"",
        "id=\"fn-1\"",
    ] {
        assert!(html.contains(want), "missing {want} in {html}");
    }
}

/// Pieces that mean something to markdown, to the renderer or to the checker; generated
/// runbooks are made of them (and of arbitrary characters).
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "  ",
    "\t",
    "# ",
    "## Throttled",
    "## ",
    "- ",
    "- [ ] ",
    "- [x] ",
    "1. ",
    "> ",
    "* ",
    "*",
    "_",
    "**",
    "~~",
    "`",
    "```",
    "\n```\n",
    "    ",
    "|",
    "|---|",
    "\\",
    "\\*",
    "&amp;",
    "&#106;",
    "&",
    "<",
    ">",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "[^n]",
    "[^n]: ",
    "javascript:",
    "java\tscript:",
    "https://ok.example",
    "mailto:a@b.c",
    "data:text/html,",
    "//evil.example/p.gif",
    "../",
    "img/flow.png",
    "{{",
    "}}",
    "{{endpoint:",
    "{{if-healthy:",
    "openai-gpt-4o",
    "{#",
    "}",
    "{#pin}",
    "\"",
    "'",
    "onclick=",
    "---",
    "...",
    "\u{0}",
    "\u{1b}",
    "\u{202e}",
    "\u{feff}",
    "°",
    "é",
    "\r\n",
];

fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(TOKENS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z ]{1,12}",
    ];
    prop_oneof![
        // A mix of everything.
        4 => proptest::collection::vec(piece, 0..300).prop_map(|v| v.concat()),
        // One piece many times: the shapes that once took quadratic time.
        1 => (proptest::sample::select(TOKENS), 1..3000usize).prop_map(|(t, n)| t.repeat(n)),
    ]
}

fn front() -> impl Strategy<Value = String> {
    // Every known key, one near miss, and any other name.
    let keys: Vec<&str> = KEYS.iter().copied().chain(["idd"]).collect();
    let key = prop_oneof![
        proptest::sample::select(keys).prop_map(str::to_owned),
        "[a-z_]{1,8}",
    ];
    let value = prop_oneof![
        proptest::sample::select(
            &[
                "openai",
                "any",
                "[throttled, slow]",
                "[]",
                "[support-chat]",
                "2026-11-20",
                "~",
                "{a: b}",
                "'x",
                "\"y\"",
                "&a x",
                "*a",
                "!!binary aGk=",
                "|\n  text",
                "- a\n- b",
                "[[[]]]",
                ": :",
                "# c",
            ][..]
        )
        .prop_map(str::to_owned),
        "[ -~]{0,20}",
    ];
    proptest::collection::vec((key, value), 0..10).prop_map(|kv| {
        let lines: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
        format!("---\n{}\n---\n", lines.join("\n"))
    })
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?"
}

fn valid_front() -> impl Strategy<Value = FrontMatter> {
    let modes = proptest::sample::subsequence(
        vec![
            FailureMode::Throttled,
            FailureMode::Unavailable,
            FailureMode::Slow,
        ],
        0..=3,
    );
    (
        slug(),
        any::<String>(),
        slug(),
        modes,
        proptest::collection::vec(slug(), 0..3),
        proptest::option::of(slug()),
        proptest::option::of("20[0-9]{2}-[01][0-9]-[0-3][0-9]"),
    )
        .prop_map(
            |(id, title, vendor, failure_modes, workflows, owner, reviewed)| FrontMatter {
                id,
                title,
                vendor,
                failure_modes,
                workflows,
                owner,
                reviewed,
            },
        )
}

proptest! {
    // A hang guard far above the few milliseconds a case takes, not a speed target: speed is
    // measured by the benchmarks.
    #![proptest_config(ProptestConfig { cases: 300, timeout: 20_000, ..ProptestConfig::default() })]

    #[test]
    fn generated_markdown_renders_inert(body in markdown()) {
        let html = render(&body);
        let problems = inert_problems(&html);
        prop_assert!(problems.is_empty(), "{:?} in {}", problems, html);
    }

    #[test]
    fn generated_runbooks_check_without_panic_on_lines_that_exist(
        head in front(),
        body in markdown(),
    ) {
        let inv = demo_inventory().unwrap();
        let source = format!("{head}{body}");
        let lines = source.lines().count().max(1) + 1;
        let problems = check_source("gen.md", &source, &inv);
        for p in &problems {
            prop_assert!(p.line <= lines, "{p} beyond {lines} lines");
            prop_assert!(!p.to_string().chars().any(char::is_control), "{p:?}");
        }
        let mut sorted = problems.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&sorted, &problems, "sorted, each once");
        if let Ok(rb) = parse("gen.md", &source) {
            for step in &rb.steps {
                prop_assert!(step.line >= 1 && step.line <= lines, "{step:?}");
            }
        }
    }

    #[test]
    fn valid_front_matter_reads_back_as_written(fm in valid_front(), body in markdown()) {
        let yaml = serde_yaml_ng::to_string(&fm).unwrap();
        let source = format!("---\n{yaml}---\n{body}");
        let (read, _) = front_matter("gen.md", &source)
            .map_err(|p| TestCaseError::fail(format!("{p:?}\n{source}")))?;
        prop_assert_eq!(read, fm);
    }
}
