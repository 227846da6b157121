use std::collections::HashMap;

use super::*;
use crate::health::Health;
use crate::incident::{runbook_timeline, timeline};
use crate::runbook::parse;

fn inputs<'a>(
    progress: &'a HashMap<String, StepProgress>,
    health: &'a dyn HealthLookup,
) -> WalkInputs<'a> {
    WalkInputs {
        incident_id: None,
        progress,
        health,
        asset_folder: "",
        timeline: Vec::new(),
    }
}

const SOURCE: &str = "---
id: rb
title: RB
vendor: openai
failure_modes: [throttled]
---
## Throttled

- [ ] Confirm 429s {#confirm}
- [ ] Shift to haiku {{if-healthy:anthropic-haiku}}
- [ ] Shift to gpt {{if-healthy:openai-gpt-4o}}
- [ ] Shift to nowhere {{if-healthy:not-probed}}
";

fn mark_step(
    store: &Store,
    rb: &ParsedRunbook,
    step: &str,
    state: StepState,
    note: Option<&str>,
) -> TimelineEvent {
    mark(
        store,
        rb,
        &StepMark {
            runbook_id: "rb".into(),
            incident_id: None,
            step_id: step.into(),
            state,
            note: note.map(str::to_owned),
        },
        "dana",
    )
    .unwrap()
}

#[test]
fn every_change_is_recorded_with_a_timeline_event() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    let e = mark_step(
        &store,
        &rb,
        "confirm",
        StepState::Done,
        Some("  429s on 40% of calls  "),
    );
    assert_eq!(e.actor, "dana");
    assert_eq!(
        e.summary,
        "Step 'Confirm 429s' marked done: 429s on 40% of calls"
    );
    match &e.detail {
        EventDetail::RunbookStep(c) => assert_eq!(
            (c.step.as_str(), c.state, c.note.as_deref()),
            ("confirm", StepState::Done, Some("429s on 40% of calls"))
        ),
        other => panic!("expected a step change, got {other:?}"),
    }
    mark_step(&store, &rb, "confirm", StepState::Blocked, None);
    let p = progress(&store, "rb", None).unwrap();
    assert_eq!(p["confirm"].state, StepState::Blocked);
    assert_eq!(p["confirm"].note, None);
    assert_eq!(timeline(&store, None).unwrap().len(), 2);
}

#[test]
fn unknown_steps_and_huge_notes_are_refused_without_a_trace() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    let m = |step: &str, note: Option<String>| StepMark {
        runbook_id: "rb".into(),
        incident_id: None,
        step_id: step.into(),
        state: StepState::Done,
        note,
    };
    match mark(&store, &rb, &m("gone", None), "x") {
        Err(RunbookError::NotFound { what, id }) => {
            assert_eq!(
                (what, id.as_str()),
                (
                    Missing::Step {
                        runbook: "rb".into()
                    },
                    "gone"
                )
            )
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert!(matches!(
        mark(
            &store,
            &rb,
            &m("confirm", Some("x".repeat(MAX_NOTE + 1))),
            "x"
        ),
        Err(RunbookError::Invalid(_))
    ));
    assert!(timeline(&store, None).unwrap().is_empty());
    assert!(progress(&store, "rb", None).unwrap().is_empty());
}

#[test]
fn the_view_counts_progress_and_judges_conditions() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    mark_step(&store, &rb, "confirm", StepState::Done, None);
    let health = HashMap::from([
        ("anthropic-haiku".to_string(), Health::Healthy),
        ("openai-gpt-4o".to_string(), Health::Down),
        ("not-probed".to_string(), Health::Unknown),
    ]);
    let w = view(&rb, inputs(&progress(&store, "rb", None).unwrap(), &health));
    assert_eq!(
        w.counts,
        WalkCounts {
            total: 4,
            done: 1,
            skipped: 0,
            blocked: 0,
            pending: 3
        }
    );
    let steps = &w.sections[0].steps;
    assert_eq!(steps[0].actor.as_deref(), Some("dana"));
    let applicability: Vec<Applicability> = steps.iter().map(|s| s.applicability).collect();
    assert_eq!(
        applicability,
        [
            Applicability::Applicable,
            Applicability::Applicable,
            Applicability::NotApplicable,
            Applicability::Unknown
        ]
    );
    assert!(
        steps[1].html.contains("data-health=\"healthy\""),
        "{}",
        steps[1].html
    );
}

#[test]
fn progress_survives_an_edit_of_other_steps() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    let shift = rb.steps[1].id.clone();
    mark_step(&store, &rb, &shift, StepState::Skipped, None);
    let edited = parse(
        "rb.md",
        &SOURCE.replace("Confirm 429s", "Confirm 429s and quota errors"),
    )
    .unwrap();
    let w = view(
        &edited,
        inputs(&progress(&store, "rb", None).unwrap(), &HashMap::new()),
    );
    let kept = w.sections[0].steps.iter().find(|s| s.id == shift).unwrap();
    assert_eq!(kept.state, StepState::Skipped);
}

#[test]
fn a_removed_step_is_hidden_and_its_progress_returns_with_it() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    mark_step(&store, &rb, "confirm", StepState::Done, Some("seen"));
    let without = parse(
        "rb.md",
        &SOURCE.replace("- [ ] Confirm 429s {#confirm}\n", ""),
    )
    .unwrap();
    let progress_now = progress(&store, "rb", None).unwrap();
    let w = view(&without, inputs(&progress_now, &HashMap::new()));
    assert_eq!(w.counts.total, 3);
    assert_eq!(w.counts.done, 0, "the vanished step is not counted");
    assert!(w.sections[0].steps.iter().all(|s| s.id != "confirm"));
    let w = view(&rb, inputs(&progress_now, &HashMap::new()));
    let back = &w.sections[0].steps[0];
    assert_eq!(
        (back.id.as_str(), back.state, back.note.as_deref()),
        ("confirm", StepState::Done, Some("seen"))
    );
}

#[test]
fn progress_is_kept_per_incident() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO incidents (id, vendor_id, failure_mode, title, declared_at)
                 VALUES (7, 'openai', 'throttled', 'OpenAI 429s', '2026-11-24T10:00:00Z')",
                [],
            )?;
            Ok::<_, crate::store::StoreError>(())
        })
        .unwrap();
    let m = |incident_id| StepMark {
        runbook_id: "rb".into(),
        incident_id,
        step_id: "confirm".into(),
        state: StepState::Done,
        note: None,
    };
    let e = mark(&store, &rb, &m(Some(7)), "dana").unwrap();
    assert_eq!(e.incident_id, Some(7));
    assert_eq!(timeline(&store, Some(7)).unwrap(), vec![e]);
    assert!(progress(&store, "rb", None).unwrap().is_empty());
    assert_eq!(
        progress(&store, "rb", Some(7)).unwrap()["confirm"].state,
        StepState::Done
    );
    match mark(&store, &rb, &m(Some(99)), "dana") {
        Err(e @ RunbookError::NotFound { .. }) => {
            assert!(matches!(
                &e,
                RunbookError::NotFound { what: Missing::Incident, id } if id == "99"
            ));
            assert_eq!(e.to_string(), "incident #99 does not exist");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert!(
        progress(&store, "rb", Some(99)).unwrap().is_empty(),
        "nothing written"
    );
}

#[test]
fn reset_clears_one_walk_and_says_so_on_the_timeline() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    mark_step(&store, &rb, "confirm", StepState::Done, None);
    let shift = rb.steps[1].id.clone();
    mark_step(&store, &rb, &shift, StepState::Blocked, Some("no quota"));
    let e = reset(&store, &rb, None, "lee").unwrap();
    assert_eq!(e.actor, "lee");
    assert_eq!(
        e.summary,
        "Walk-through of 'RB' reset: every step back to pending"
    );
    assert_eq!(
        e.detail,
        EventDetail::RunbookReset(WalkReset {
            runbook: "rb".into(),
            file: "rb.md".into(),
            cleared: 2
        })
    );
    assert!(progress(&store, "rb", None).unwrap().is_empty());
    assert_eq!(
        timeline(&store, None).unwrap().len(),
        3,
        "two marks and the reset"
    );
}

/// The walk through `source` with no progress yet, under `health`.
fn walk_with(source: &str, health: &HashMap<String, Health>) -> Walkthrough {
    let rb = parse("rb.md", source).unwrap();
    view(&rb, inputs(&HashMap::new(), health))
}

/// What the runbook view shows for `source` under `health`.
fn render_with(source: &str, health: &HashMap<String, Health>) -> String {
    let options = RenderOptions {
        asset_folder: None,
        health,
    };
    crate::runbook::render::render_document(source, &options)
}

#[test]
fn the_walk_and_the_renderer_agree_on_a_step_with_two_conditions() {
    // The first endpoint is healthy, the second down: the step does not apply.
    let source = SOURCE.replace(
        "- [ ] Shift to haiku {{if-healthy:anthropic-haiku}}",
        "- [ ] Shift to haiku {{if-healthy:anthropic-haiku}} and {{if-healthy:openai-gpt-4o}}",
    );
    let health = HashMap::from([
        ("anthropic-haiku".to_string(), Health::Healthy),
        ("openai-gpt-4o".to_string(), Health::Down),
    ]);
    let w = walk_with(&source, &health);
    let step = &w.sections[0].steps[1];
    assert_eq!(step.conditions, ["anthropic-haiku", "openai-gpt-4o"]);
    assert_eq!(step.applicability, Applicability::NotApplicable);
    assert_eq!(step.deciding.as_deref(), Some("openai-gpt-4o"));
    let html = render_with(&source, &health);
    let rendered = html
        .split("<li")
        .find(|li| li.contains("Shift to haiku"))
        .unwrap();
    assert!(
        rendered.contains("step-not-applicable"),
        "the renderer says not applicable too: {rendered}"
    );
}

#[test]
fn the_walks_timeline_is_its_own_marks_and_resets() {
    let (store, _) = Store::open_in_memory().unwrap();
    let rb = parse("rb.md", SOURCE).unwrap();
    let other = parse("o.md", &SOURCE.replace("id: rb", "id: other")).unwrap();
    mark_step(&store, &rb, "confirm", StepState::Done, None);
    mark(
        &store,
        &other,
        &StepMark {
            runbook_id: "other".into(),
            incident_id: None,
            step_id: "confirm".into(),
            state: StepState::Done,
            note: None,
        },
        "dana",
    )
    .unwrap();
    reset(&store, &rb, None, "lee").unwrap();
    let events = runbook_timeline(&store, None, "rb").unwrap();
    let kinds: Vec<String> = events.iter().map(|e| e.detail.kind()).collect();
    assert_eq!(kinds, ["runbook_reset", "runbook_step"], "newest first");
}

#[test]
fn a_condition_in_code_is_not_a_condition_for_the_walk_either() {
    let source = SOURCE.replace(
        "- [ ] Confirm 429s {#confirm}",
        "- [ ] Confirm 429s, not `{{if-healthy:openai-gpt-4o}}` {#confirm}",
    );
    let health = HashMap::from([("openai-gpt-4o".to_string(), Health::Down)]);
    let w = walk_with(&source, &health);
    let step = &w.sections[0].steps[0];
    assert!(step.conditions.is_empty(), "{:?}", step.conditions);
    assert_eq!(step.applicability, Applicability::Applicable);
    let html = render_with(&source, &health);
    assert!(
        html.contains("<li class=\"step\" data-step-id=\"confirm\">"),
        "{html}"
    );
}
