use super::*;

#[test]
fn defaults_then_saved_values() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open_in_memory().unwrap();
    let s = load(&store, dir.path()).unwrap();
    assert_eq!(s.time_zone, "UTC");
    assert_eq!(
        s.runbooks_dir,
        dir.path().join("runbooks").display().to_string()
    );
    assert!(!s.operator.is_empty());
    let new = Settings {
        operator: "Ana Lima".into(),
        runbooks_dir: dir.path().join("team-runbooks").display().to_string(),
        time_zone: "Europe/Berlin".into(),
    };
    save(&store, &new).unwrap();
    assert_eq!(load(&store, dir.path()).unwrap(), new);
    assert!(dir.path().join("team-runbooks").is_dir());
}

#[test]
fn bad_values_name_their_fields_and_keep_the_old_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open_in_memory().unwrap();
    let before = load(&store, dir.path()).unwrap();
    let err = save(
        &store,
        &Settings {
            operator: " ".into(),
            runbooks_dir: "relative/dir".into(),
            time_zone: "Moon/Base".into(),
        },
    )
    .unwrap_err();
    let SettingsError::Invalid(errs) = err else {
        panic!()
    };
    let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["operator", "runbooks_dir", "time_zone"]);
    assert_eq!(load(&store, dir.path()).unwrap(), before);
}

/// What `save` returns is what `load` gives back: the operator's name as stored, trimmed.
#[test]
fn saved_settings_are_returned_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open_in_memory().unwrap();
    let saved = save(
        &store,
        &Settings {
            operator: "  Ana Lima \t".into(),
            runbooks_dir: dir.path().join("rb").display().to_string(),
            time_zone: "UTC".into(),
        },
    )
    .unwrap();
    assert_eq!(saved.operator, "Ana Lima");
    assert_eq!(load(&store, dir.path()).unwrap(), saved);
}
