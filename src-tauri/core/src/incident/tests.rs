use super::*;

#[test]
fn events_append_and_cannot_be_changed() {
    let (store, _) = Store::open_in_memory().unwrap();
    let e = store
        .write(|tx| {
            Ok::<_, StoreError>(append_event(
                tx,
                &NewEvent {
                    incident_id: None,
                    kind: "note",
                    actor: "ana",
                    summary: "checked the status page",
                    data: serde_json::json!({"source": "test"}),
                },
            )?)
        })
        .unwrap();
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
