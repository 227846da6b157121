//! The on-call schedule commands through the real dispatch on Tauri's mock runtime: a
//! rotation's calendar (each layer, the overrides, the final schedule), overrides added and
//! removed with the rotation form's validation, and who is on call now.

mod support {
    pub mod ipc_harness;
}

use brownout_shell::commands::list::name;
use serde_json::{json, Value};
use support::ipc_harness::*;

/// A rotation in UTC so the expected instants read straight off the definition: Ana and Ben
/// take daily shifts from 1 December at 09:00 (Ana on odd days' shifts: 1, 3, 5, 7 December),
/// and a "Nights" layer has Cy on call from 20:00 to 08:00 every day.
fn nights_rotation() -> Value {
    json!({
        "id": "calendar-test", "name": "Calendar test", "time_zone": "UTC",
        "shift_hours": 24, "handoff": "09:00", "start": "2026-12-01",
        "members": [{"name": "Ana"}, {"name": "Ben", "contact": "ben@example.com"}],
        "restrictions": [],
        "layers": [{
            "name": "Nights", "time_zone": "UTC", "shift_hours": 24, "handoff": "00:00",
            "start": "2026-12-01", "members": [{"name": "Cy", "contact": "+44 20 7946 0000"}],
            "restrictions": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "20:00", "to": "08:00"}]
        }],
        "overrides": []
    })
}

fn with_rotation(rotation: Value) -> Harness {
    let h = Harness::new();
    h.ok(
        name::rotation_save,
        json!({"originalId": null, "rotation": rotation}),
    );
    h
}

/// `(person, start, end)` of each entry, `-` for a gap.
fn entries(shifts: &Value) -> Vec<(String, String, String)> {
    shifts
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["person"].as_str().unwrap_or("-").to_owned(),
                s["start"].as_str().unwrap().to_owned(),
                s["end"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn e(person: &str, start: &str, end: &str) -> (String, String, String) {
    (
        person.into(),
        format!("2026-12-{start}:00Z"),
        format!("2026-12-{end}:00Z"),
    )
}

fn calendar(h: &Harness, from: &str, days: u32) -> Value {
    h.ok(
        name::rotation_calendar,
        json!({"id": "calendar-test", "from": from, "days": days}),
    )
}

#[test]
fn the_calendar_has_a_row_per_layer_the_overrides_and_the_final_schedule() {
    let h = with_rotation(nights_rotation());
    h.ok(
        name::rotation_override_add,
        json!({"id": "calendar-test", "value": {"name": "Jin", "contact": "jin@example.com", "from": "2026-12-07T12:00:00Z", "to": "2026-12-07T14:00:00Z"}}),
    );
    let cal = calendar(&h, "2026-12-07T00:00:00Z", 2);
    assert_eq!(cal["rotation"], "calendar-test");
    assert_eq!(cal["time_zone"], "UTC");
    assert_eq!(
        (cal["from"].as_str(), cal["to"].as_str()),
        (Some("2026-12-07T00:00:00Z"), Some("2026-12-09T00:00:00Z"))
    );

    let layers = cal["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 2);
    assert_eq!(layers[0]["name"], Value::Null, "the base layer comes first");
    assert_eq!(
        entries(&layers[0]["shifts"]),
        [
            e("Ben", "07T00:00", "07T09:00"),
            e("Ana", "07T09:00", "08T09:00"),
            e("Ben", "08T09:00", "09T00:00"),
        ]
    );
    assert_eq!(layers[1]["name"], "Nights");
    assert_eq!(
        entries(&layers[1]["shifts"]),
        [
            e("Cy", "07T00:00", "07T08:00"),
            e("-", "07T08:00", "07T20:00"),
            e("Cy", "07T20:00", "08T08:00"),
            e("-", "08T08:00", "08T20:00"),
            e("Cy", "08T20:00", "09T00:00"),
        ]
    );

    let overrides = cal["overrides"].as_array().unwrap();
    assert_eq!(overrides.len(), 1);
    assert_eq!(
        overrides[0],
        json!({"index": 0, "name": "Jin", "contact": "jin@example.com", "start": "2026-12-07T12:00:00Z", "end": "2026-12-07T14:00:00Z"})
    );

    assert_eq!(
        entries(&cal["final_schedule"]),
        [
            e("Cy", "07T00:00", "07T08:00"),
            e("Ben", "07T08:00", "07T09:00"),
            e("Ana", "07T09:00", "07T12:00"),
            e("Jin", "07T12:00", "07T14:00"),
            e("Ana", "07T14:00", "07T20:00"),
            e("Cy", "07T20:00", "08T08:00"),
            e("Ana", "08T08:00", "08T09:00"),
            e("Ben", "08T09:00", "08T20:00"),
            e("Cy", "08T20:00", "09T00:00"),
        ]
    );
    let finals = cal["final_schedule"].as_array().unwrap();
    assert_eq!(
        (&finals[0]["source"], &finals[0]["layer"]),
        (&json!("layer"), &json!("Nights"))
    );
    assert_eq!(
        (
            &finals[1]["source"],
            &finals[1]["layer"],
            &finals[1]["contact"]
        ),
        (&json!("layer"), &Value::Null, &json!("ben@example.com"))
    );
    assert_eq!(finals[3]["source"], "override");
}

#[test]
fn the_calendar_clips_overrides_to_its_range_and_shows_gaps_before_the_start() {
    let mut r = nights_rotation();
    r["layers"] = json!([]);
    r["overrides"] = json!([
        {"name": "Jin", "contact": "", "from": "2026-11-29T22:00:00Z", "to": "2026-11-30T02:00:00Z"},
        {"name": "Kim", "contact": "", "from": "2026-11-20T00:00:00Z", "to": "2026-11-21T00:00:00Z"}
    ]);
    let h = with_rotation(r);
    let cal = calendar(&h, "2026-11-30T00:00:00Z", 2);
    assert_eq!(
        cal["overrides"],
        json!([{"index": 0, "name": "Jin", "contact": "", "start": "2026-11-30T00:00:00Z", "end": "2026-11-30T02:00:00Z"}])
    );
    // Nobody is on call before the first handoff, 1 December at 09:00.
    assert_eq!(
        entries(&cal["final_schedule"]),
        [
            (
                "Jin".into(),
                "2026-11-30T00:00:00Z".into(),
                "2026-11-30T02:00:00Z".into()
            ),
            (
                "-".into(),
                "2026-11-30T02:00:00Z".into(),
                "2026-12-01T09:00:00Z".into()
            ),
            (
                "Ana".into(),
                "2026-12-01T09:00:00Z".into(),
                "2026-12-02T00:00:00Z".into()
            ),
        ]
    );
}

#[test]
fn the_calendar_refuses_bad_arguments_naming_them() {
    let h = with_rotation(nights_rotation());
    let e = h.refused(
        name::rotation_calendar,
        json!({"id": "calendar-test", "from": "tomorrow", "days": 14}),
        "invalid",
    );
    assert_eq!(field_names(&e), ["from"]);
    for days in [0, 63] {
        let e = h.refused(
            name::rotation_calendar,
            json!({"id": "calendar-test", "from": "2026-12-07T00:00:00Z", "days": days}),
            "invalid",
        );
        assert_eq!(field_names(&e), ["days"]);
    }
    let e = h.refused(
        name::rotation_calendar,
        json!({"id": "nope", "from": "2026-12-07T00:00:00Z", "days": 14}),
        "not_found",
    );
    assert!(e["message"].as_str().unwrap().contains("nope"), "{e}");
}

#[test]
fn an_override_is_stored_with_the_rotation_and_validated_like_the_form() {
    let h = with_rotation(nights_rotation());
    let jin = json!({"name": "Jin", "contact": "jin@example.com", "from": "2026-12-07T12:00:00Z", "to": "2026-12-07T14:00:00Z"});
    let saved = h.ok(
        name::rotation_override_add,
        json!({"id": "calendar-test", "value": jin}),
    );
    assert_eq!(saved["overrides"], json!([jin]));
    let stored = h.inventory();
    assert_eq!(
        find(&stored["rotations"], "calendar-test").unwrap()["overrides"],
        json!([jin])
    );

    // The new override is the last one, and its errors say so.
    let e = h.refused(
        name::rotation_override_add,
        json!({"id": "calendar-test", "value": {"name": "Kim", "contact": "", "from": "2026-12-07T13:00:00Z", "to": "2026-12-07T15:00:00Z"}}),
        "invalid",
    );
    assert_eq!(field_names(&e), ["overrides[1].from"]);
    assert!(e["fields"][0]["message"].as_str().unwrap().contains("Jin"));
    let e = h.refused(
        name::rotation_override_add,
        json!({"id": "calendar-test", "value": {"name": "", "contact": "", "from": "2026-12-08T15:00:00Z", "to": "2026-12-08T15:00:00Z"}}),
        "invalid",
    );
    assert_eq!(field_names(&e), ["overrides[1].name", "overrides[1].to"]);
    h.refused(
        name::rotation_override_add,
        json!({"id": "nope", "value": jin}),
        "not_found",
    );
    // Nothing refused was stored.
    assert_eq!(
        find(&h.inventory()["rotations"], "calendar-test").unwrap()["overrides"],
        json!([jin])
    );

    h.refused(
        name::rotation_override_remove,
        json!({"id": "calendar-test", "index": 1}),
        "not_found",
    );
    let saved = h.ok(
        name::rotation_override_remove,
        json!({"id": "calendar-test", "index": 0}),
    );
    assert_eq!(saved["overrides"], json!([]));
    assert_eq!(
        find(&h.inventory()["rotations"], "calendar-test").unwrap()["overrides"],
        json!([])
    );
}

#[test]
fn on_call_now_answers_per_rotation_with_its_workflows_and_until_when() {
    let h = Harness::new();
    // An override around the present instant, whatever it is, decides who answers now.
    let cal = h.ok(name::oncall_now, json!({}));
    let support = cal
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rotation"] == "support-ai")
        .unwrap()
        .clone();
    assert_eq!(support["rotation_name"], "Support AI on-call");
    let owned: Vec<&str> = support["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    let expected: Vec<String> = h.inventory()["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["owner"] == "support-ai")
        .map(|w| w["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(!owned.is_empty());
    assert_eq!(owned, expected);
    assert_eq!(support["problem"], Value::Null);
    let now = &support["now"];
    assert_eq!(now["rotation"], "support-ai");
    assert!(
        ["Ana Lima", "Jonas Weber"].contains(&now["person"].as_str().unwrap()),
        "{now}"
    );

    // An override from the stretch's start to its end makes someone else on call until its end.
    let (from, to) = (now["start"].clone(), now["end"].clone());
    h.ok(
        name::rotation_override_add,
        json!({"id": "support-ai", "value": {"name": "Jin Park", "contact": "jin@example.com", "from": from, "to": to}}),
    );
    let list = h.ok(name::oncall_now, json!({}));
    let now = &list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rotation"] == "support-ai")
        .unwrap()["now"];
    assert_eq!(
        (
            &now["person"],
            &now["contact"],
            &now["source"],
            &now["layer"]
        ),
        (
            &json!("Jin Park"),
            &json!("jin@example.com"),
            &json!("override"),
            &Value::Null
        )
    );
    assert_eq!((&now["start"], &now["end"]), (&from, &to));
    assert_eq!(
        list.as_array().unwrap().len(),
        h.inventory()["rotations"].as_array().unwrap().len(),
        "one entry per rotation"
    );
}
