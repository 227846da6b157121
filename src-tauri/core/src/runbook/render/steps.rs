//! What a list item says about itself as a step: its pinned id and its health conditions,
//! which become attributes of the `<li>` before its text is rendered.
//!
//! The step's text is read the way the runbook parser reads it: from the task marker to the
//! end of the first paragraph, the item, or the start of a nested list.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::super::refs::{pieces, split_pin, Piece};
use crate::health::{Health, HealthLookup};

/// The facts about one list item.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct StepFacts {
    /// The item has a task marker: it is a runbook step.
    pub is_step: bool,
    /// The id pinned with a trailing `{#id}`.
    pub pin: Option<String>,
    /// Index of the text event carrying the pin, which must be stripped of it.
    pub pin_event: Option<usize>,
    /// What its `{{if-healthy:…}}` conditions say right now.
    pub condition: Condition,
}

/// How a step's conditions stand, worst first.
#[derive(Debug, Default, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
pub enum Condition {
    /// A named endpoint is degraded or down: the step does not apply.
    NotApplicable,
    /// A named endpoint is unknown or not in the inventory.
    Unknown,
    /// No condition, or every named endpoint is healthy.
    #[default]
    Applies,
}

impl Condition {
    fn of(health: Option<Health>) -> Self {
        match health {
            Some(Health::Healthy) => Condition::Applies,
            Some(Health::Degraded | Health::Down) => Condition::NotApplicable,
            Some(Health::Unknown) | None => Condition::Unknown,
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
    for (at, event) in events.iter().enumerate().skip(i + 1) {
        match event {
            Event::End(TagEnd::Paragraph | TagEnd::Item) | Event::Start(Tag::List(_)) => break,
            Event::Text(t) => {
                for piece in pieces(t) {
                    if let Piece::IfHealthy(id) = piece {
                        facts.condition = facts.condition.min(Condition::of(health.health(id)));
                    }
                }
                last_text = Some(at);
            }
            _ => last_text = None,
        }
    }
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

/// The opening `<li>` for an item with these facts.
pub fn open_item(facts: &StepFacts) -> String {
    if !facts.is_step {
        return "<li>".to_owned();
    }
    let class = match facts.condition {
        Condition::NotApplicable => "step step-not-applicable",
        Condition::Unknown => "step step-condition-unknown",
        Condition::Applies => "step",
    };
    match &facts.pin {
        // A pin is a valid slug (split_pin checks), so it needs no escaping.
        Some(id) => format!("<li class=\"{class}\" data-step-id=\"{id}\">"),
        None => format!("<li class=\"{class}\">"),
    }
}

#[cfg(test)]
mod tests;
