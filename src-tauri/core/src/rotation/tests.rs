use super::*;
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
