use std::collections::HashMap;

use pulldown_cmark::Parser;

use super::*;
use crate::health::Health;
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
        Applicability::Applicable
    );
    assert_eq!(
        facts("- [ ] a {{if-healthy:up}} {{if-healthy:new}}\n").condition,
        Applicability::Unknown
    );
    assert_eq!(
        facts("- [ ] a {{if-healthy:nope}}\n").condition,
        Applicability::Unknown
    );
    assert_eq!(
        facts("- [ ] a {{if-healthy:new}} {{if-healthy:slow}}\n").condition,
        Applicability::NotApplicable
    );
}

#[test]
fn nested_steps_do_not_lend_their_conditions() {
    let f = facts("- [ ] parent\n  - [ ] child {{if-healthy:slow}} {#child}\n");
    assert_eq!(f.condition, Applicability::Applicable);
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
