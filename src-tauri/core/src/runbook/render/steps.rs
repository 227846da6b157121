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
mod tests {
    use std::collections::HashMap;

    use pulldown_cmark::Parser;

    use super::*;
    use crate::runbook::render::{markdown_options, merge_text};

    fn facts(md: &str) -> StepFacts {
        let health = HashMap::from([
            ("up".to_string(), Health::Healthy),
            ("slow".to_string(), Health::Degraded),
            ("new".to_string(), Health::Unknown),
        ]);
        let events = merge_text(Parser::new_ext(md, markdown_options()));
        let start = events
            .iter()
            .position(|e| matches!(e, Event::Start(Tag::Item)))
            .expect("an item");
        step_facts(&events, start, &health)
    }

    #[test]
    fn plain_items_are_not_steps() {
        assert_eq!(facts("- just a bullet {#x}\n"), StepFacts::default());
    }

    #[test]
    fn pin_is_read_from_the_end_of_the_step_text() {
        let f = facts("- [ ] Page the **owner** {#page-owner}\n");
        assert!(f.is_step);
        assert_eq!(f.pin.as_deref(), Some("page-owner"));
        assert!(f.pin_event.is_some());
        assert_eq!(facts("- [ ] Use `{#x}`\n").pin, None);
        assert_eq!(facts("- [ ] Bad {#\"><b>}\n").pin, None);
    }

    #[test]
    fn pin_in_a_later_paragraph_is_not_the_step_pin() {
        let f = facts("- [ ] First paragraph\n\n  Second one {#late}\n");
        assert_eq!(f.pin, None);
    }

    #[test]
    fn the_worst_condition_wins() {
        assert_eq!(
            facts("- [ ] a {{if-healthy:up}}\n").condition,
            Condition::Applies
        );
        assert_eq!(
            facts("- [ ] a {{if-healthy:up}} {{if-healthy:new}}\n").condition,
            Condition::Unknown
        );
        assert_eq!(
            facts("- [ ] a {{if-healthy:nope}}\n").condition,
            Condition::Unknown
        );
        assert_eq!(
            facts("- [ ] a {{if-healthy:new}} {{if-healthy:slow}}\n").condition,
            Condition::NotApplicable
        );
    }

    #[test]
    fn nested_steps_do_not_lend_their_conditions() {
        let f = facts("- [ ] parent\n  - [ ] child {{if-healthy:slow}} {#child}\n");
        assert_eq!(f.condition, Condition::Applies);
        assert_eq!(f.pin, None);
    }

    #[test]
    fn opening_tag_carries_class_and_pin() {
        let f = facts("- [ ] Shift {{if-healthy:slow}} {#shift}\n");
        assert_eq!(
            open_item(&f),
            "<li class=\"step step-not-applicable\" data-step-id=\"shift\">"
        );
        assert_eq!(open_item(&StepFacts::default()), "<li>");
    }
}
