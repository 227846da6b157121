//! What a list item says about itself as a step: its pinned id and its health conditions,
//! which become attributes of the `<li>` before its text is rendered.
//!
//! The step's text is read the way the runbook parser reads it: from the task marker to the
//! end of the first paragraph, the item, or the start of a nested list.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::super::refs::{pieces, split_pin, Piece};
use super::{markdown_options, merge_text};
use crate::health::{applicability, Applicability, HealthLookup};

/// The facts about one list item.
#[derive(Debug, PartialEq, Eq)]
pub struct StepFacts {
    /// The item has a task marker: it is a runbook step.
    pub is_step: bool,
    /// The id pinned with a trailing `{#id}`.
    pub pin: Option<String>,
    /// Index of the text event carrying the pin, which must be stripped of it.
    pub pin_event: Option<usize>,
    /// What its `{{if-healthy:…}}` conditions say right now (the rule is
    /// [`crate::health::applicability`], shared with the walk-through).
    pub condition: Applicability,
}

impl Default for StepFacts {
    fn default() -> Self {
        Self {
            is_step: false,
            pin: None,
            pin_event: None,
            condition: Applicability::Applicable,
        }
    }
}

/// Reads the item starting at `events[start]` (a `Start(Item)`).
pub fn step_facts(events: &[Event], start: usize, health: &dyn HealthLookup) -> StepFacts {
    let mut i = start + 1;
    if matches!(events.get(i), Some(Event::Start(Tag::Paragraph))) {
        i += 1;
    }
    if !matches!(events.get(i), Some(Event::TaskListMarker(_))) {
        return StepFacts::default();
    }
    let mut facts = StepFacts {
        is_step: true,
        ..StepFacts::default()
    };
    let mut last_text = None;
    let mut conditions = Vec::new();
    for (at, event) in events.iter().enumerate().skip(i + 1) {
        match event {
            Event::End(TagEnd::Paragraph | TagEnd::Item) | Event::Start(Tag::List(_)) => break,
            Event::Text(t) => {
                collect_conditions(t, &mut conditions);
                last_text = Some(at);
            }
            _ => last_text = None,
        }
    }
    facts.condition = applicability(conditions, health).0;
    if let Some(at) = last_text {
        if let Event::Text(t) = &events[at] {
            if let (_, Some(pin)) = split_pin(t) {
                facts.pin = Some(pin.to_owned());
                facts.pin_event = Some(at);
            }
        }
    }
    facts
}

/// Adds the `{{if-healthy:…}}` endpoints of one text event to `out`, each once.
fn collect_conditions<'t>(text: &'t str, out: &mut Vec<&'t str>) {
    for piece in pieces(text) {
        if let Piece::IfHealthy(id) = piece {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
}

/// The `{{if-healthy:…}}` endpoints of a step's markdown, in order, read the way the renderer
/// reads them (in text, never in code): what the runbook parser records for the walk-through.
pub fn step_conditions(markdown: &str) -> Vec<String> {
    let events = merge_text(Parser::new_ext(markdown, markdown_options()));
    let mut found = Vec::new();
    let mut in_code_block = false;
    for event in &events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(t) if !in_code_block => collect_conditions(t, &mut found),
            _ => {}
        }
    }
    found.into_iter().map(str::to_owned).collect()
}

/// The opening `<li>` for an item with these facts.
pub fn open_item(facts: &StepFacts) -> String {
    if !facts.is_step {
        return "<li>".to_owned();
    }
    let class = match facts.condition {
        Applicability::NotApplicable => "step step-not-applicable",
        Applicability::Unknown => "step step-condition-unknown",
        Applicability::Applicable => "step",
    };
    match &facts.pin {
        // A pin is a valid slug (split_pin checks), so it needs no escaping.
        Some(id) => format!("<li class=\"{class}\" data-step-id=\"{id}\">"),
        None => format!("<li class=\"{class}\">"),
    }
}

#[cfg(test)]
mod tests;
