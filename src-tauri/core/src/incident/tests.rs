use super::*;
use crate::runbook::walkthrough::StepState;

fn note(store: &Store, text: &str) -> TimelineEvent {
    store
        .write(|tx| {
            Ok::<_, StoreError>(append_event(
                tx,
                &NewEvent {
                    incident_id: None,
                    actor: "ana",
                    summary: text,
                    detail: EventDetail::Note(Note { text: text.into() }),
                },
            )?)
        })
        .unwrap()
}

/// A row as an earlier version wrote it: kind and JSON text straight into the table.
fn raw(store: &Store, kind: &str, data: &str) {
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO timeline_events (incident_id, at, kind, actor, summary, data)
                 VALUES (NULL, '2026-11-20T10:00:00.000Z', ?, 'old', 'written before', ?)",
                params![kind, data],
            )?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn events_append_and_cannot_be_changed() {
    let (store, _) = Store::open_in_memory().unwrap();
    let e = note(&store, "checked the status page");
    let all = timeline(&store, None).unwrap();
    assert_eq!(all, vec![e]);
    let err = store
        .write(|tx| {
            Ok::<_, StoreError>(tx.execute("UPDATE timeline_events SET summary = 'x'", [])?)
        })
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = store
        .write(|tx| Ok::<_, StoreError>(tx.execute("DELETE FROM timeline_events", [])?))
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert_eq!(timeline(&store, None).unwrap().len(), 1);
}

#[test]
fn kind_and_data_are_stored_as_before() {
    let (store, _) = Store::open_in_memory().unwrap();
    note(&store, "paged the owner");
    let (kind, data): (String, String) = store
        .read(|c| {
            Ok::<_, StoreError>(
                c.query_row("SELECT kind, data FROM timeline_events", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?,
            )
        })
        .unwrap();
    assert_eq!(
        (kind.as_str(), data.as_str()),
        ("note", r#"{"text":"paged the owner"}"#)
    );
}

#[test]
fn rows_written_by_earlier_versions_read_as_typed_events() {
    let (store, _) = Store::open_in_memory().unwrap();
    raw(
        &store,
        "runbook_step",
        r#"{"runbook":"rb","file":"rb.md","step":"throttled/confirm","section":"Throttled","text":"Confirm 429s","state":"blocked","note":null}"#,
    );
    raw(
        &store,
        "runbook_reset",
        r#"{"runbook":"rb","file":"rb.md","cleared":2}"#,
    );
    let events = timeline(&store, None).unwrap();
    assert_eq!(
        events[0].detail,
        EventDetail::RunbookStep(StepChange {
            runbook: "rb".into(),
            file: "rb.md".into(),
            step: "throttled/confirm".into(),
            section: "Throttled".into(),
            text: "Confirm 429s".into(),
            state: StepState::Blocked,
            note: None,
        })
    );
    assert_eq!(
        events[1].detail,
        EventDetail::RunbookReset(WalkReset {
            runbook: "rb".into(),
            file: "rb.md".into(),
            cleared: 2
        })
    );
    // Written back through the enum, the same columns come out.
    assert_eq!(events[1].detail.kind(), "runbook_reset");
    assert_eq!(
        events[1].detail.data(),
        r#"{"runbook":"rb","file":"rb.md","cleared":2}"#
    );
}

#[test]
fn an_unreadable_row_is_kept_and_hides_nothing() {
    let (store, _) = Store::open_in_memory().unwrap();
    raw(&store, "fallback_switch", r#"{"to":"haiku"}"#);
    raw(&store, "runbook_step", "not json");
    note(&store, "still here");
    let events = timeline(&store, None).unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(
        events[0].detail,
        EventDetail::Unrecognized(Unrecognized {
            kind: "fallback_switch".into(),
            data: r#"{"to":"haiku"}"#.into()
        })
    );
    assert_eq!(events[1].detail.kind(), "runbook_step");
    assert_eq!(events[1].detail.data(), "not json");
    // As JSON for the UI: `kind` and `data` beside the other fields.
    let json = serde_json::to_value(&events[2]).unwrap();
    assert_eq!(json["kind"], "note");
    assert_eq!(json["data"]["text"], "still here");
    assert_eq!(json["summary"], "still here");
    for e in &events {
        let back: TimelineEvent = serde_json::from_value(serde_json::to_value(e).unwrap()).unwrap();
        assert_eq!(&back, e);
    }
}

#[test]
fn the_walk_kinds_are_the_enums_own() {
    let step = EventDetail::from_columns(
        "runbook_step".into(),
        r#"{"runbook":"r","file":"r.md","step":"s","section":"S","text":"t","state":"done","note":"n"}"#.into(),
    );
    let reset = EventDetail::from_columns(
        "runbook_reset".into(),
        r#"{"runbook":"r","file":"r.md","cleared":0}"#.into(),
    );
    assert!(matches!(step, EventDetail::RunbookStep(_)), "{step:?}");
    assert!(matches!(reset, EventDetail::RunbookReset(_)), "{reset:?}");
    assert_eq!(
        [step.kind(), reset.kind()],
        event::WALK_KINDS.map(String::from)
    );
}

#[test]
fn one_runbooks_timeline_is_its_walk_events_newest_first() {
    let (store, _) = Store::open_in_memory().unwrap();
    raw(
        &store,
        "runbook_step",
        r#"{"runbook":"rb","file":"rb.md","step":"a","section":"S","text":"A","state":"done","note":null}"#,
    );
    raw(
        &store,
        "runbook_step",
        r#"{"runbook":"other","file":"o.md","step":"a","section":"S","text":"A","state":"done","note":null}"#,
    );
    raw(&store, "note", r#"{"text":"mentions \"runbook\":\"rb\""}"#);
    raw(&store, "runbook_step", "not json");
    raw(
        &store,
        "runbook_reset",
        r#"{"runbook":"rb","file":"rb.md","cleared":1}"#,
    );
    let walk = runbook_timeline(&store, None, "rb").unwrap();
    let kinds: Vec<String> = walk.iter().map(|e| e.detail.kind()).collect();
    assert_eq!(kinds, ["runbook_reset", "runbook_step"]);
    assert!(walk.iter().all(|e| e.detail.runbook() == Some("rb")));
    assert!(runbook_timeline(&store, Some(7), "rb").unwrap().is_empty());
}
