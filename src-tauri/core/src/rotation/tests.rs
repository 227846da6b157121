use super::*;
use crate::rotation::{Layer, Override, Restriction, Weekday};
use crate::store::{Store, StoreError};

fn night() -> Rotation {
    Rotation {
        id: "night".into(),
        name: "Night".into(),
        time_zone: "Europe/Berlin".into(),
        shift_hours: 12,
        handoff: "20:00".into(),
        start: DEFAULT_START.into(),
        members: vec![
            RotationMember {
                name: "Ada".into(),
                contact: Some("@ada".into()),
            },
            RotationMember {
                name: "Grace".into(),
                contact: None,
            },
        ],
        restrictions: Vec::new(),
        layers: Vec::new(),
        overrides: Vec::new(),
    }
}

fn stored(store: &Store) -> Vec<Rotation> {
    store.read(|c| Ok::<_, StoreError>(load_all(c)?)).unwrap()
}

#[test]
fn a_valid_rotation_has_no_errors() {
    assert_eq!(rotation_errors(&night()), vec![]);
}

#[test]
fn every_bad_field_is_named() {
    let r = Rotation {
        id: "Night Shift".into(),
        name: " ".into(),
        time_zone: "Mars/Olympus".into(),
        shift_hours: 0,
        handoff: "25:00".into(),
        members: vec![RotationMember {
            name: "".into(),
            contact: None,
        }],
        ..night()
    };
    let fields: Vec<_> = rotation_errors(&r).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "id",
            "name",
            "time_zone",
            "shift_hours",
            "handoff",
            "members[0].name"
        ]
    );
    let long = Rotation {
        shift_hours: 24 * 28 + 1,
        ..night()
    };
    assert_eq!(rotation_errors(&long)[0].field, "shift_hours");
}

#[test]
fn stores_renames_and_deletes_with_members_in_order() {
    let (store, _) = Store::open_in_memory().unwrap();
    let mut r = night();
    store
        .write(|tx| Ok::<_, StoreError>(insert(tx, &r)?))
        .unwrap();
    assert_eq!(stored(&store), [r.clone()]);

    r.id = "nights".into();
    r.members.swap(0, 1);
    let n = store
        .write(|tx| Ok::<_, StoreError>(update(tx, "night", &r)?))
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(stored(&store), [r.clone()]);
    let exists_old = store.read(|c| Ok::<_, StoreError>(exists(c, "night")?));
    assert!(!exists_old.unwrap());

    let missing = store
        .write(|tx| Ok::<_, StoreError>(update(tx, "ghost", &r)?))
        .unwrap();
    assert_eq!(missing, 0);
    let removed = store
        .write(|tx| Ok::<_, StoreError>(delete(tx, "nights")?))
        .unwrap();
    assert_eq!(removed, 1);
    assert!(stored(&store).is_empty());
}

/// `night()` with a layer, windows (one crossing midnight) and two overrides.
fn scheduled() -> Rotation {
    let mut r = night();
    r.start = "2026-03-02".into();
    r.restrictions = vec![Restriction {
        days: vec![Weekday::Fri, Weekday::Sat],
        from: "22:00".into(),
        to: "06:00".into(),
    }];
    r.layers = vec![Layer {
        name: "APAC nights".into(),
        time_zone: "Asia/Kolkata".into(),
        shift_hours: 24,
        handoff: "08:00".into(),
        start: "2026-01-01".into(),
        members: vec![RotationMember {
            name: "Jin".into(),
            contact: Some("jin@example.com".into()),
        }],
        restrictions: Vec::new(),
    }];
    r.overrides = vec![
        Override {
            name: "Jin Park".into(),
            contact: "jin@example.com".into(),
            from: "2026-11-01T04:00:00Z".into(),
            to: "2026-11-01T08:00:00Z".into(),
        },
        // Touching the first one is not overlapping it (half-open ranges).
        Override {
            name: "Ana".into(),
            contact: String::new(),
            from: "2026-11-01T09:00:00+01:00".into(),
            to: "2026-11-02T00:00:00Z".into(),
        },
    ];
    r
}

#[test]
fn a_full_schedule_with_a_window_crossing_midnight_is_valid() {
    assert_eq!(rotation_errors(&scheduled()), vec![]);
}

#[test]
fn every_bad_schedule_field_is_named_from_the_rotation_down() {
    let mut r = scheduled();
    r.start = "2026-13-01".into();
    r.restrictions[0].to = "6:00".into();
    r.restrictions.push(Restriction {
        days: Vec::new(),
        from: "24:00".into(),
        to: "08:00".into(),
    });
    let good_layer = r.layers[0].clone();
    r.layers.push(Layer {
        name: " ".into(),
        time_zone: "Asia/Bombay2".into(),
        shift_hours: 673,
        handoff: "8am".into(),
        start: "01/02/2026".into(),
        ..good_layer
    });
    r.overrides[0].to = "2026-11-01T04:00:00Z".into(); // not after its from
    r.overrides.push(Override {
        name: "Cy".into(),
        contact: String::new(),
        from: "2026-11-01T10:00:00Z".into(), // inside overrides[1]
        to: "2026-11-01T11:00:00Z".into(),
    });
    r.overrides.push(Override {
        name: "Di".into(),
        contact: String::new(),
        from: "yesterday".into(),
        to: "2026-11-01 11:00".into(),
    });
    let fields: Vec<_> = rotation_errors(&r).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "start",
            "restrictions[0].to",
            "restrictions[1].days",
            "restrictions[1].from",
            "layers[1].name",
            "layers[1].time_zone",
            "layers[1].shift_hours",
            "layers[1].handoff",
            "layers[1].start",
            "overrides[0].to",
            "overrides[3].from",
            "overrides[3].to",
            "overrides[2].from",
        ]
    );
    let overlap = rotation_errors(&r).pop().unwrap();
    assert_eq!(overlap.message, "overlaps overrides[1] ('Ana')");
}

#[test]
fn stores_and_reads_back_layers_windows_and_overrides() {
    let (store, _) = Store::open_in_memory().unwrap();
    let mut r = scheduled();
    store
        .write(|tx| Ok::<_, StoreError>(insert(tx, &r)?))
        .unwrap();
    assert_eq!(stored(&store), [r.clone()]);
    r.overrides.remove(0);
    r.layers[0].restrictions.push(r.restrictions[0].clone());
    store
        .write(|tx| Ok::<_, StoreError>(update(tx, "night", &r)?))
        .unwrap();
    assert_eq!(stored(&store), [r.clone()]);
    let rows: i64 = store
        .read(|c| {
            Ok::<_, StoreError>(c.query_row(
                "SELECT count(*) FROM rotation_overrides",
                [],
                |x| x.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(rows, 1);
}

/// A rotation stored before schedules (schema version 8) loads with the fixed default start
/// and nothing else added.
#[test]
fn rotations_stored_before_schedules_load_with_the_default_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let (old, _) = Store::open_at_version(&path, 8).unwrap();
    old.write(|tx| {
        tx.execute_batch(
            "INSERT INTO rotations (id, name, time_zone, shift_hours, handoff_time)
                 VALUES ('night', 'Night', 'Europe/Berlin', 12, '20:00');
             INSERT INTO rotation_members VALUES ('night', 0, 'Ada', '@ada');
             INSERT INTO rotation_members VALUES ('night', 1, 'Grace', NULL);",
        )?;
        Ok::<_, StoreError>(())
    })
    .unwrap();
    drop(old);
    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(stored(&store), [night()]);
    assert_eq!(stored(&store)[0].start, "2026-01-05");
}

/// Layers are told apart by name in every schedule entry, so two may not share one; a layer
/// without members would never have anyone on call.
#[test]
fn a_duplicate_layer_name_and_a_layer_without_members_are_named() {
    let mut r = scheduled();
    let mut twin = r.layers[0].clone();
    twin.name = format!(" {} ", r.layers[0].name);
    r.layers.push(twin);
    let mut empty = r.layers[0].clone();
    empty.name = "Empty".into();
    empty.members.clear();
    r.layers.push(empty);
    let errors = rotation_errors(&r);
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["layers[1].name", "layers[2].members"]);
    assert_eq!(
        errors[0].message,
        format!("'{}' is already the name of layers[0]", r.layers[1].name)
    );
}

/// Every query computes every layer and override: their numbers are bounded, with a message
/// naming the list and the limit.
#[test]
fn very_long_lists_are_refused_naming_the_list_and_the_limit() {
    let mut r = scheduled();
    let member = r.members[0].clone();
    r.members = vec![member.clone(); MAX_MEMBERS + 1];
    r.restrictions = vec![r.restrictions[0].clone(); MAX_RESTRICTIONS + 1];
    let layer = r.layers[0].clone();
    r.layers = (0..=MAX_LAYERS)
        .map(|i| Layer {
            name: format!("Layer {i}"),
            ..layer.clone()
        })
        .collect();
    let start = chrono::DateTime::parse_from_rfc3339("2027-01-01T00:00:00Z").unwrap();
    r.overrides = (0..=MAX_OVERRIDES as i64)
        .map(|i| Override {
            name: "Cy".into(),
            contact: String::new(),
            from: (start + chrono::Duration::hours(i)).to_rfc3339(),
            to: (start + chrono::Duration::hours(i + 1)).to_rfc3339(),
        })
        .collect();
    let errors = rotation_errors(&r);
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("members", "has 201 entries; at most 200 are allowed"),
            ("restrictions", "has 51 entries; at most 50 are allowed"),
            ("layers", "has 21 entries; at most 20 are allowed"),
            ("overrides", "has 1001 entries; at most 1000 are allowed"),
        ]
    );
    // At the limits the same rotation is valid.
    r.members.truncate(MAX_MEMBERS);
    r.restrictions.truncate(MAX_RESTRICTIONS);
    r.layers.truncate(MAX_LAYERS);
    r.overrides.truncate(MAX_OVERRIDES);
    assert_eq!(rotation_errors(&r), vec![]);
}

/// Times are exactly `HH:MM` and dates exactly `YYYY-MM-DD`: no spaces, signs or short parts.
#[test]
fn times_and_dates_are_read_strictly() {
    for (handoff, start) in [
        (" 9:00", "2026- 1-05"),
        ("09: 5", "-001-01-01"),
        ("9:00", "2026-1-5"),
        ("25:00", "+2026-1-05"),
        ("09:00 ", "2026-02-30"),
    ] {
        let mut r = night();
        r.handoff = handoff.into();
        r.start = start.into();
        let fields: Vec<_> = rotation_errors(&r).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["handoff", "start"], "{handoff:?} {start:?}");
    }
    let mut r = night();
    r.handoff = "00:00".into();
    r.start = "0001-01-01".into();
    assert_eq!(rotation_errors(&r), vec![]);
}
