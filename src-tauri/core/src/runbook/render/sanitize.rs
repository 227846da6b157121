//! The second layer: whatever the renderer produced goes through ammonia with an explicit
//! allow-list, so a renderer bug still cannot put active content in front of the operator.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};

const TAGS: &[&str] = &[
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
];

/// The only `data-*` attributes the renderer emits.
const SPAN_DATA: &[&str] = &["data-endpoint", "data-health", "data-checked"];

fn safe_token(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn filter<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let ok = match attribute {
        "id" => (value.starts_with("h-") || value.starts_with("fn-")) && safe_token(value),
        "target" => element == "a" && value == "_blank",
        a if a.starts_with("data-") => safe_token(value),
        _ => true,
    };
    ok.then_some(Cow::Borrowed(value))
}

fn in_page_only(url: &str) -> Option<Cow<'_, str>> {
    url.starts_with('#').then_some(Cow::Borrowed(url))
}

static CLEANER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut b = Builder::empty();
    b.add_tags(TAGS.iter().copied())
        .add_tag_attributes("a", ["href", "title", "target"])
        .add_tag_attributes("img", ["src", "alt", "title"])
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("span", SPAN_DATA.iter().copied())
        .add_tag_attributes("li", ["data-step-id"])
        .add_tag_attributes("ol", ["start"]);
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        b.add_tag_attributes(h, ["id"]);
    }
    let classes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("a", HashSet::from(["external"])),
        (
            "span",
            HashSet::from(["endpoint-badge", "step-condition", "task-marker"]),
        ),
        (
            "li",
            HashSet::from(["step", "step-not-applicable", "step-condition-unknown"]),
        ),
        ("div", HashSet::from(["footnote-definition"])),
        (
            "sup",
            HashSet::from(["footnote-reference", "footnote-definition-label"]),
        ),
    ]);
    b.allowed_classes(classes)
        .url_schemes(HashSet::from(["http", "https", "mailto", "runbook-asset"]))
        // In-page links only; every other relative URL would navigate the app.
        .url_relative(UrlRelative::Custom(Box::new(in_page_only)))
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(filter);
    b
});

/// Cleans a rendered fragment.
pub fn clean(html: &str) -> String {
    CLEANER.clean(&split_long_text(html)).to_string()
}

/// Longest run of text between two markers [`split_long_text`] leaves.
const TEXT_RUN: usize = 256;

/// The HTML serializer behind ammonia scans the rest of a text node for every `&` (and every
/// character from U+0080 to U+00BF) it escapes, which is quadratic in the length of one text
/// node: 400 KB of `a&amp;` took 17 s. An empty comment every [`TEXT_RUN`] bytes of text
/// keeps each node short; the cleaner strips the comments, so the output is unchanged.
///
/// `html` is the renderer's own output: every `<` starts a tag (text has `&lt;`), every tag
/// ends at the next `>` (attribute values have theirs escaped), and every `&` in text starts
/// an entity that ends at the next `;`.
fn split_long_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let mut in_tag = false;
    let mut in_entity = false;
    let mut run = 0;
    for c in html.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                run = 0;
            }
            _ if in_tag => {}
            ';' if in_entity => in_entity = false,
            _ if in_entity => {}
            _ => {
                if run >= TEXT_RUN {
                    out.push_str("<!---->");
                    run = 0;
                }
                in_entity = c == '&';
                run += 1;
            }
        }
        out.push(c);
    }
    out
}
