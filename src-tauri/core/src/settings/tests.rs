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
        simulated: true,
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
            simulated: false,
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
            simulated: false,
        },
    )
    .unwrap();
    assert_eq!(saved.operator, "Ana Lima");
    assert_eq!(load(&store, dir.path()).unwrap(), saved);
}

/// A database from before the setting existed is not simulated; saving switches it both ways.
#[test]
fn simulated_is_off_until_set_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open_in_memory().unwrap();
    let mut s = load(&store, dir.path()).unwrap();
    assert!(!s.simulated);
    s.runbooks_dir = dir.path().join("rb").display().to_string();
    for simulated in [true, false] {
        s.simulated = simulated;
        assert_eq!(save(&store, &s).unwrap().simulated, simulated);
        assert_eq!(load(&store, dir.path()).unwrap().simulated, simulated);
    }
}

/// Settings sent without the field (an older window) are not simulated.
#[test]
fn settings_without_the_simulated_key_read_as_not_simulated() {
    let s: Settings =
        serde_json::from_str(r#"{"operator":"Ana","runbooks_dir":"/tmp/rb","time_zone":"UTC"}"#)
            .unwrap();
    assert!(!s.simulated);
}

/// A new database is seeded with the demo, which probes the embedded simulator.
#[test]
fn a_fresh_workspace_is_simulated() {
    use crate::workspace::{Workspace, WorkspaceLocation};
    let dir = tempfile::tempdir().unwrap();
    let location = WorkspaceLocation {
        db: Some(dir.path().join("fresh.db")),
    };
    let ws = Workspace::open(&location).unwrap();
    assert!(load(&ws.store, ws.dir()).unwrap().simulated);
    // Opening it again does not seed it again: a choice to switch it off stays.
    let mut s = load(&ws.store, ws.dir()).unwrap();
    s.simulated = false;
    save(&ws.store, &s).unwrap();
    drop(ws);
    let ws = Workspace::open(&location).unwrap();
    assert!(!load(&ws.store, ws.dir()).unwrap().simulated);
}
