//! Runbook markdown to safe HTML, in Rust, before anything reaches the webview.
//!
//! # Writing runbooks
//!
//! Runbooks are GitHub-flavoured markdown: tables, `~~strikethrough~~`, footnotes, and task
//! lists. Every task-list item (`- [ ] …`) is a **step**.
//!
//! ## Live references
//!
//! - `{{endpoint:ID}}` shows a badge with the endpoint's current health, e.g.
//!   `openai-gpt-4o · down`. An id not in the inventory shows as `missing`.
//! - `{{if-healthy:ID}}` makes a step conditional: it reads "only if ID is healthy". While
//!   the endpoint is degraded or down the step is marked *not applicable*; while its health
//!   is unknown (or the endpoint is missing) the step is marked *condition unknown*. With
//!   several conditions the worst one decides.
//!
//! `ID` is an endpoint id: lowercase letters, digits and `-`, starting with a letter or a
//! digit. Anything else between `{{` and `}}` is shown as written (and `brownout runbook
//! check` reports it). References inside `` `code` `` or fenced code blocks are shown as
//! written, so a runbook can document the syntax.
//!
//! ## Pinned step ids
//!
//! A step's id is derived from its section and text, so rewording a step changes it. To keep
//! an id stable (walk-through history refers to steps by id), end the step's text with
//! `{#some-id}`:
//!
//! ```markdown
//! - [ ] Shift traffic to {{endpoint:anthropic-haiku}} {{if-healthy:anthropic-haiku}} {#shift-traffic}
//! ```
//!
//! The pin is not shown; it ends up as `data-step-id` on the step. It follows the same rule as
//! endpoint ids. A heading can name its anchor the same way: `## Throttled {#throttled}`.
//!
//! ## Links, images, HTML
//!
//! - Links work for `https:`, `http:` and `mailto:` (they open in the system browser) and for
//!   `#heading` anchors in the same runbook. Any other link is shown as its text.
//! - Images must be files in the runbook's own folder (`![flow](img/flow.png)`); remote
//!   images, absolute paths and paths leaving the folder are shown as their alt text.
//! - Raw HTML is shown as text, never interpreted.
//!
//! # How it is made safe
//!
//! Two layers. First the markdown events are rewritten as above: raw HTML (block or inline)
//! becomes text, links and images are classified by [`urls`], references become badges, and
//! steps get their `class`/`data-step-id` from [`steps`]. Then the HTML goes through ammonia
//! with an allow-list of tags, attributes, classes and URL schemes ([`sanitize`]), so a
//! mistake in the first layer still cannot put active content in front of the operator.

mod sanitize;
mod steps;
mod urls;

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::refs::{pieces, split_pin, Piece};
use crate::health::HealthLookup;
use crate::slug::slugify;
pub(crate) use steps::step_conditions;
use steps::{open_item, step_facts};
pub use urls::{image_src, link_target, LinkTarget};

pub struct RenderOptions<'a> {
    /// The runbook's folder relative to the runbooks root (`""` for the root): relative image
    /// paths resolve inside it. `None` drops every image (an arbitrary file has no folder).
    pub asset_folder: Option<&'a str>,
    /// Health of endpoints named in references.
    pub health: &'a dyn HealthLookup,
}

/// The GitHub-flavoured options every runbook is parsed with.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A runbook as the app's preview and `brownout runbook render` both show it: the body
/// (front matter skipped) as sanitized HTML, references shown with `health`. `file` is the
/// runbook's path relative to the runbooks folder, whose folder relative images load from;
/// `None` (a file outside any runbooks folder) shows images as their alt text.
pub fn render_runbook(source: &str, file: Option<&str>, health: &dyn HealthLookup) -> String {
    render_document(
        source,
        &RenderOptions {
            asset_folder: file.map(asset_folder),
            health,
        },
    )
}

/// The folder part of a runbook path (`""` at the top of the runbooks folder): its images
/// resolve inside it.
pub fn asset_folder(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Renders a whole runbook file: front matter (if any) is skipped.
pub fn render_document(source: &str, opts: &RenderOptions) -> String {
    let split = super::front_matter::split(source);
    render_markdown(split.body, opts)
}

/// Renders markdown without front matter to a sanitized HTML fragment.
pub fn render_markdown(markdown: &str, opts: &RenderOptions) -> String {
    let events = merge_text(Parser::new_ext(markdown, markdown_options()));
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Rewriter::new(opts).rewrite(events).into_iter());
    sanitize::clean(&html)
}

/// Joins adjacent text events so references split by the parser are seen whole. Each run is
/// built in one buffer (`a&amp;` or `a\*` repeated is one text event per character).
pub(crate) fn merge_text<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    pulldown_cmark::utils::TextMergeStream::new(events).collect()
}

/// `url` made safe inside a double-quoted `href`, as pulldown-cmark itself writes links.
fn href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(&mut out, url);
    out
}

fn health_of(opts: &RenderOptions, id: &str) -> String {
    opts.health
        .health(id)
        .map_or_else(|| "missing".into(), |h| h.to_string())
}

/// The longest image alt text and title kept: attribute values are escaped in time that
/// grows with the square of their length, and a description needs no more.
const MAX_ALT_BYTES: usize = 512;

struct Rewriter<'o> {
    opts: &'o RenderOptions<'o>,
    /// Per open link: whether it was kept (its end tag is then emitted).
    links: Vec<bool>,
    /// Per open image: whether it was kept.
    images: Vec<bool>,
    /// Bytes of alt text the open kept image may still take.
    alt_left: usize,
    /// Text events that end in a step's `{#id}` pin, to be stripped of it.
    pin_events: HashSet<usize>,
    in_code_block: bool,
    heading_ids: HashMap<String, usize>,
    /// Footnote label to its number, which is also its anchor (labels are free text).
    footnotes: HashMap<String, usize>,
}

impl<'o> Rewriter<'o> {
    fn new(opts: &'o RenderOptions<'o>) -> Self {
        Self {
            opts,
            links: Vec::new(),
            images: Vec::new(),
            alt_left: 0,
            pin_events: HashSet::new(),
            in_code_block: false,
            heading_ids: HashMap::new(),
            footnotes: HashMap::new(),
        }
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_owned()).or_insert(next)
    }

    fn heading_id(&mut self, text: &str) -> String {
        let base = match slugify(text) {
            s if s.is_empty() => "section".to_owned(),
            s => s,
        };
        let n = self.heading_ids.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            format!("h-{base}")
        } else {
            format!("h-{base}-{n}")
        }
    }

    fn rewrite<'a>(mut self, mut events: Vec<Event<'a>>) -> Vec<Event<'a>> {
        let mut out = Vec::with_capacity(events.len());
        let mut i = 0;
        while i < events.len() {
            // Taken, not cloned: look-ahead below only reads events after `i`.
            match std::mem::replace(&mut events[i], Event::SoftBreak) {
                Event::Html(raw) | Event::InlineHtml(raw) => out.push(Event::Text(raw)),
                Event::Start(Tag::Heading { level, id, .. }) => {
                    let end = events[i..]
                        .iter()
                        .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                        .map_or(events.len(), |p| i + p);
                    let text: String = events[i + 1..end]
                        .iter()
                        .filter_map(|e| match e {
                            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                            _ => None,
                        })
                        .collect();
                    // An explicit `{#id}` wins over the text; both end up as a slug.
                    let id = self.heading_id(id.as_deref().unwrap_or(&text));
                    out.push(Event::Html(format!("<{} id=\"{id}\">", tag(level)).into()));
                }
                Event::End(TagEnd::Heading(level)) => {
                    out.push(Event::Html(format!("</{}>\n", tag(level)).into()))
                }
                Event::Start(Tag::Link { dest_url, .. }) => match link_target(&dest_url) {
                    Some(LinkTarget::External(url)) => {
                        self.links.push(true);
                        out.push(Event::Html(
                            format!(
                                "<a href=\"{}\" class=\"external\" target=\"_blank\" rel=\"noopener noreferrer\">",
                                href(&url)
                            )
                            .into(),
                        ));
                    }
                    Some(LinkTarget::InPage(anchor)) => {
                        self.links.push(true);
                        out.push(Event::Html(
                            format!("<a href=\"{}\">", href(&anchor)).into(),
                        ));
                    }
                    None => self.links.push(false),
                },
                Event::End(TagEnd::Link) => {
                    if self.links.pop().unwrap_or(false) {
                        out.push(Event::Html("</a>".into()));
                    }
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => match image_src(&dest_url, self.opts.asset_folder) {
                    Some(src) => {
                        self.images.push(true);
                        self.alt_left = MAX_ALT_BYTES;
                        out.push(Event::Start(Tag::Image {
                            link_type,
                            dest_url: src.into(),
                            title: if title.len() > MAX_ALT_BYTES {
                                "".into()
                            } else {
                                title
                            },
                            id,
                        }));
                    }
                    // The alt text that follows stays, as plain text.
                    None => self.images.push(false),
                },
                Event::End(TagEnd::Image) => {
                    if self.images.pop().unwrap_or(false) {
                        out.push(Event::End(TagEnd::Image));
                    }
                }
                Event::Start(Tag::Item) => {
                    let facts = step_facts(&events, i, self.opts.health);
                    self.pin_events.extend(facts.pin_event);
                    out.push(Event::Html(open_item(&facts).into()));
                }
                Event::TaskListMarker(checked) => {
                    out.push(Event::Html(
                        format!("<span class=\"task-marker\" data-checked=\"{checked}\"></span>")
                            .into(),
                    ));
                }
                Event::Start(Tag::CodeBlock(k)) => {
                    self.in_code_block = true;
                    out.push(Event::Start(Tag::CodeBlock(k)));
                }
                Event::End(TagEnd::CodeBlock) => {
                    self.in_code_block = false;
                    out.push(Event::End(TagEnd::CodeBlock));
                }
                // The alt text of a kept image: an attribute, so kept short (see MAX_ALT_BYTES).
                Event::Text(t) | Event::Code(t) if self.images.last() == Some(&true) => {
                    let mut cut = self.alt_left.min(t.len());
                    while !t.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    self.alt_left -= cut;
                    if cut > 0 {
                        out.push(Event::Text(t[..cut].to_owned().into()));
                    }
                }
                Event::Text(t) if !self.in_code_block => {
                    let text = if self.pin_events.contains(&i) {
                        split_pin(&t).0
                    } else {
                        &t
                    };
                    self.push_text(text, &mut out);
                }
                Event::FootnoteReference(label) => {
                    let n = self.footnote_number(&label);
                    out.push(Event::Html(
                        format!(
                            "<sup class=\"footnote-reference\"><a href=\"#fn-{n}\">{n}</a></sup>"
                        )
                        .into(),
                    ));
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let n = self.footnote_number(&label);
                    out.push(Event::Html(
                        format!("<div class=\"footnote-definition\" id=\"fn-{n}\"><sup class=\"footnote-definition-label\">{n}</sup>")
                            .into(),
                    ));
                }
                Event::End(TagEnd::FootnoteDefinition) => out.push(Event::Html("</div>\n".into())),
                e => out.push(e),
            }
            i += 1;
        }
        out
    }

    fn push_text<'a>(&self, text: &str, out: &mut Vec<Event<'a>>) {
        for piece in pieces(text) {
            out.push(match piece {
                Piece::Text(t) | Piece::Unknown(t) => Event::Text(t.to_owned().into()),
                Piece::Endpoint(id) => {
                    let h = health_of(self.opts, id);
                    Event::Html(
                        format!("<span class=\"endpoint-badge\" data-endpoint=\"{id}\" data-health=\"{h}\">{id} · {h}</span>")
                            .into(),
                    )
                }
                Piece::IfHealthy(id) => {
                    let h = health_of(self.opts, id);
                    Event::Html(
                        format!("<span class=\"step-condition\" data-endpoint=\"{id}\" data-health=\"{h}\">only if {id} is healthy</span>")
                            .into(),
                    )
                }
            });
        }
    }
}

fn tag(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}

#[cfg(test)]
mod tests;
