//! Precedence: an override over every layer, a later layer over earlier ones and the base
//! wherever it has someone on call, the next layer down elsewhere.

use super::*;

/// Base: London, daily 09:00 (BST in June, so 08:00Z), Ana and Ben from 2026-01-05; 2026-06-01
/// is day 147 (31+28+31+30+31 = 151 to 06-05, less 4): odd, Ben; 05-31 Ana.
/// Layer "Nights": Kolkata (+05:30), Nia every night 20:00–08:00 IST, 14:30Z–02:30Z.
/// Override: Jin 2026-06-01T22:00Z–2026-06-02T01:00Z.
fn layered() -> Rotation {
    let mut r = rotation("Europe/London", 24, "09:00", "2026-01-05", &["Ana", "Ben"]);
    r.layers.push(Layer {
        name: "Nights".into(),
        time_zone: "Asia/Kolkata".into(),
        shift_hours: 24,
        handoff: "08:00".into(),
        start: "2026-01-01".into(),
        members: members(&["Nia"]),
        restrictions: vec![every_day("20:00", "08:00")],
    });
    r.overrides.push(Override {
        name: "Jin".into(),
        contact: "jin@example.com".into(),
        from: "2026-06-01T22:00:00Z".into(),
        to: "2026-06-02T01:00:00Z".into(),
    });
    r
}

#[test]
fn overrides_beat_layers_and_layers_beat_the_base_where_they_have_someone() {
    let r = layered();
    assert_eq!(
        rows(&r, "2026-06-01T00:00:00Z", "2026-06-02T06:00:00Z"),
        [
            row("Nia", "2026-06-01T00:00:00Z", "2026-06-01T02:30:00Z"),
            row("Ana", "2026-06-01T02:30:00Z", "2026-06-01T08:00:00Z"),
            row("Ben", "2026-06-01T08:00:00Z", "2026-06-01T14:30:00Z"),
            row("Nia", "2026-06-01T14:30:00Z", "2026-06-01T22:00:00Z"),
            row("Jin", "2026-06-01T22:00:00Z", "2026-06-02T01:00:00Z"),
            row("Nia", "2026-06-02T01:00:00Z", "2026-06-02T02:30:00Z"),
            row("Ben", "2026-06-02T02:30:00Z", "2026-06-02T06:00:00Z"),
        ]
    );
    let jin = on_call_at(&r, utc("2026-06-01T23:00:00Z")).unwrap();
    assert_eq!(
        (jin.source, jin.layer, jin.contact.as_deref()),
        (Some(Source::Override), None, Some("jin@example.com"))
    );
    assert_eq!(jin.start, utc("2026-06-01T22:00:00Z"));
    let nia = on_call_at(&r, utc("2026-06-01T15:00:00Z")).unwrap();
    assert_eq!(nia.layer.as_deref(), Some("Nights"));
    assert_eq!(nia.rotation, "ops");
    assert_eq!(
        (nia.start, nia.end),
        (utc("2026-06-01T14:30:00Z"), utc("2026-06-01T22:00:00Z"))
    );
}

#[test]
fn a_layer_alone_shows_its_own_shifts_and_gaps() {
    let r = layered();
    let nights = layer_schedule(
        &r,
        Some(0),
        utc("2026-06-01T00:00:00Z"),
        utc("2026-06-01T16:00:00Z"),
    )
    .unwrap();
    let got: Vec<_> = nights
        .iter()
        .map(|s| (s.person.as_deref(), s.start, s.end))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Nia"),
                utc("2026-06-01T00:00:00Z"),
                utc("2026-06-01T02:30:00Z")
            ),
            (
                None,
                utc("2026-06-01T02:30:00Z"),
                utc("2026-06-01T14:30:00Z")
            ),
            (
                Some("Nia"),
                utc("2026-06-01T14:30:00Z"),
                utc("2026-06-01T16:00:00Z")
            ),
        ]
    );
    let base = layer_schedule(
        &r,
        None,
        utc("2026-06-01T00:00:00Z"),
        utc("2026-06-01T16:00:00Z"),
    )
    .unwrap();
    assert_eq!(base.len(), 2, "{base:?}");
    assert_eq!(base[1].start, utc("2026-06-01T08:00:00Z"));
    let missing = layer_schedule(
        &r,
        Some(3),
        utc("2026-06-01T00:00:00Z"),
        utc("2026-06-01T01:00:00Z"),
    )
    .unwrap_err();
    assert!(
        matches!(
            missing,
            ScheduleError::UnknownLayer {
                index: 3,
                count: 1,
                ..
            }
        ),
        "{missing}"
    );
}

/// A layer with nobody (before its start, outside its windows) leaves the layer below on call;
/// one without members at all is refused, as it would never have anyone.
#[test]
fn the_next_layer_down_is_on_call_where_a_layer_has_nobody() {
    let mut r = layered();
    r.overrides.clear();
    r.layers[0].start = "2026-06-02".into();
    // The layer's first shift starts 2026-06-02 08:00 IST (02:30Z), inside no window until
    // 20:00 IST (14:30Z): before that the base has Ben (from 08:00Z on 06-01).
    assert_eq!(
        rows(&r, "2026-06-01T12:00:00Z", "2026-06-02T15:00:00Z"),
        [
            row("Ben", "2026-06-01T12:00:00Z", "2026-06-02T08:00:00Z"),
            row("Ana", "2026-06-02T08:00:00Z", "2026-06-02T14:30:00Z"),
            row("Nia", "2026-06-02T14:30:00Z", "2026-06-02T15:00:00Z"),
        ]
    );
    r.layers[0].members.clear();
    let err =
        final_schedule(&r, utc("2026-06-02T14:00:00Z"), utc("2026-06-02T15:00:00Z")).unwrap_err();
    assert!(err.to_string().contains("layers[0].members"), "{err}");
}
