//! `brownout oncall now`, `brownout rotation shifts` and `brownout rotation ics` on the real
//! binary, at instants on both sides of DST changes. Every expected instant is a literal
//! worked out by hand from the IANA rules (see each comment), not from the code under test.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod support {
    pub mod binary;
}

use support::binary::{assert_fails_saying, brownout, text};

/// Rotations in the zones under test, imported into a fresh database over the demo (whose
/// workflows name platform-ml and support-ai). doc-summaries loses its owner.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = brownout(&db, &["inventory", "export", "--format", "json"]);
    let mut inv: Value = serde_json::from_slice(&out.stdout).unwrap();
    let member = |name: &str| json!({"name": name, "contact": format!("{}@example.com", name.to_lowercase())});
    let every_day = json!(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    let base = |id: &str, zone: &str, handoff: &str, start: &str, names: &[&str]| {
        json!({
            "id": id, "name": id, "time_zone": zone, "shift_hours": 24, "handoff": handoff,
            "start": start, "members": names.iter().map(|n| member(n)).collect::<Vec<_>>(),
        })
    };
    let mut london = base(
        "london",
        "Europe/London",
        "09:00",
        "2026-03-27",
        &["Ana", "Ben"],
    );
    london["overrides"] = json!([{"name": "Jin", "contact": "jin@example.com",
        "from": "2026-03-29T07:00:00Z", "to": "2026-03-29T10:00:00Z"}]);
    let mut sydney = base("sydney", "Australia/Sydney", "12:00", "2026-04-01", &["Cy"]);
    sydney["restrictions"] = json!([{"days": every_day, "from": "22:00", "to": "06:00"}]);
    inv["rotations"] = json!([
        base(
            "platform-ml",
            "America/New_York",
            "09:00",
            "2026-03-01",
            &["Ana", "Ben"]
        ),
        base(
            "support-ai",
            "Asia/Kolkata",
            "09:00",
            "2026-01-05",
            &["Ana"]
        ),
        base(
            "lord-howe",
            "Australia/Lord_Howe",
            "09:00",
            "2026-10-01",
            &["Ana", "Ben"]
        ),
        london,
        sydney,
    ]);
    for w in inv["workflows"].as_array_mut().unwrap() {
        if w["id"] == "doc-summaries" {
            w.as_object_mut().unwrap().remove("owner");
        }
    }
    let file = dir.path().join("inv.json");
    std::fs::write(&file, serde_json::to_vec(&inv).unwrap()).unwrap();
    let out = brownout(&db, &["inventory", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    (dir, db)
}

/// `oncall now ARGS --json`: the exit code and the object.
fn now(db: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["oncall", "now", "--json"];
    all.extend(args);
    let out = brownout(db, &all);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}{}", text(&out.stdout), text(&out.stderr)));
    (out.status.code().unwrap(), v)
}

fn on_call(person: Option<&str>, rotation: &str, start: &str, end: &str) -> Value {
    json!({
        "person": person,
        "contact": person.map(|p| format!("{}@example.com", p.to_lowercase())),
        "rotation": rotation,
        "source": person.map(|_| "layer"),
        "layer": null,
        "start": start,
        "end": end,
    })
}

#[test]
fn oncall_now_answers_on_both_sides_of_new_york_changes() {
    let (_dir, db) = workspace();
    // Daily 09:00 from Sun 03-01: day 6 (03-07) Ana, day 7 (03-08) Ben. 09:00 EST on 03-07
    // is 14:00Z; 09:00 EDT on 03-08 (after 02:00 EST → 03:00 EDT) is 13:00Z.
    let cases = [
        (
            "2026-03-08T12:59:59Z",
            "Ana",
            "2026-03-07T14:00:00Z",
            "2026-03-08T13:00:00Z",
        ),
        (
            "2026-03-08T13:00:00Z",
            "Ben",
            "2026-03-08T13:00:00Z",
            "2026-03-09T13:00:00Z",
        ),
        // 10-31 is day 244 (Ana), 09:00 EDT = 13:00Z; 11-01 (Ben) 09:00 EST = 14:00Z.
        (
            "2026-11-01T13:59:59Z",
            "Ana",
            "2026-10-31T13:00:00Z",
            "2026-11-01T14:00:00Z",
        ),
        (
            "2026-11-01T14:00:00Z",
            "Ben",
            "2026-11-01T14:00:00Z",
            "2026-11-02T14:00:00Z",
        ),
    ];
    for (at, person, start, end) in cases {
        let expected = on_call(Some(person), "platform-ml", start, end);
        assert_eq!(
            now(&db, &["--rotation", "platform-ml", "--at", at]),
            (0, expected.clone()),
            "{at}"
        );
        // ticket-search is owned by platform-ml.
        assert_eq!(
            now(&db, &["--workflow", "ticket-search", "--at", at]),
            (0, expected),
            "{at}"
        );
    }
    // Plain text names the person, the contact and until when.
    let out = brownout(
        &db,
        &[
            "oncall",
            "now",
            "--rotation",
            "platform-ml",
            "--at",
            "2026-03-08T13:00:00+00:00",
        ],
    );
    assert_eq!(
        text(&out.stdout),
        "Ben <ben@example.com> is on call for platform-ml (base layer) from 2026-03-08T13:00:00Z until 2026-03-09T13:00:00Z\n"
    );
}

#[test]
fn oncall_now_answers_on_both_sides_of_lord_howe_and_sydney_changes() {
    let (_dir, db) = workspace();
    // Lord Howe, daily 09:00 from 10-01: 10-03 Ana at 09:00 +10:30 (22:30Z on 10-02), 10-04
    // Ben at 09:00 +11 (22:00Z on 10-03; 02:00 → 02:30 that night).
    let cases = [
        (
            "2026-10-03T21:59:59Z",
            "Ana",
            "2026-10-02T22:30:00Z",
            "2026-10-03T22:00:00Z",
        ),
        (
            "2026-10-03T22:00:00Z",
            "Ben",
            "2026-10-03T22:00:00Z",
            "2026-10-04T22:00:00Z",
        ),
    ];
    for (at, person, start, end) in cases {
        let expected = on_call(Some(person), "lord-howe", start, end);
        assert_eq!(
            now(&db, &["--rotation", "lord-howe", "--at", at]),
            (0, expected),
            "{at}"
        );
    }
    // Sydney, Cy every night 22:00–06:00: the night into Sun 04-05 runs from 22:00 AEDT (+11,
    // 11:00Z on 04-04) to 06:00 AEST (+10, 20:00Z) — 9 hours, as 03:00 AEDT became 02:00 AEST.
    assert_eq!(
        now(
            &db,
            &["--rotation", "sydney", "--at", "2026-04-04T19:59:59Z"]
        ),
        (
            0,
            on_call(
                Some("Cy"),
                "sydney",
                "2026-04-04T11:00:00Z",
                "2026-04-04T20:00:00Z"
            )
        )
    );
    // Then nobody until 22:00 AEST on 04-05, 12:00Z: exit 1.
    assert_eq!(
        now(
            &db,
            &["--rotation", "sydney", "--at", "2026-04-04T20:00:00Z"]
        ),
        (
            1,
            on_call(
                None,
                "sydney",
                "2026-04-04T20:00:00Z",
                "2026-04-05T12:00:00Z"
            )
        )
    );
}

#[test]
fn oncall_now_exits_1_for_nobody_and_2_for_unknown_ids_or_no_owner() {
    let (_dir, db) = workspace();
    // Before platform-ml's start (03-01 09:00 EST, 14:00Z) nobody, looking back 90 days
    // (02-01 less 31 + 31 + 28 days: 11-03).
    assert_eq!(
        now(
            &db,
            &["--rotation", "platform-ml", "--at", "2026-02-01T00:00:00Z"]
        ),
        (
            1,
            on_call(
                None,
                "platform-ml",
                "2025-11-03T00:00:00Z",
                "2026-03-01T14:00:00Z"
            )
        )
    );
    let out = brownout(&db, &["oncall", "now", "--rotation", "nope"]);
    assert_fails_saying(&out, 2, "there is no rotation 'nope'");
    let out = brownout(&db, &["oncall", "now", "--workflow", "nope"]);
    assert_fails_saying(&out, 2, "there is no workflow 'nope'");
    let out = brownout(&db, &["oncall", "now", "--workflow", "doc-summaries"]);
    assert_fails_saying(&out, 2, "workflow 'doc-summaries' has no owner rotation");
    let out = brownout(
        &db,
        &["oncall", "now", "--rotation", "london", "--at", "yesterday"],
    );
    assert_fails_saying(&out, 2, "'yesterday' is not an RFC 3339 instant");
}

fn shifts(db: &Path, id: &str, from: &str, to: &str) -> Value {
    let out = brownout(
        db,
        &[
            "rotation", "shifts", id, "--from", from, "--to", to, "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn entry(person: Option<&str>, source: Option<&str>, start: &str, end: &str) -> Value {
    json!({
        "person": person,
        "contact": person.map(|p| format!("{}@example.com", p.to_lowercase())),
        "source": source,
        "layer": null,
        "start": start,
        "end": end,
    })
}

#[test]
fn rotation_shifts_across_the_london_change_with_an_override() {
    let (_dir, db) = workspace();
    // Daily 09:00 from 03-27: Ana 03-27 (09:00Z GMT), Ben 03-28 (09:00Z), Ana 03-29 (08:00Z:
    // BST from 01:00Z that day), Ben 03-30 (08:00Z). Jin overrides 07:00Z–10:00Z on 03-29.
    let layer = Some("layer");
    assert_eq!(
        shifts(
            &db,
            "london",
            "2026-03-28T00:00:00Z",
            "2026-03-31T00:00:00Z"
        ),
        json!([
            entry(
                Some("Ana"),
                layer,
                "2026-03-28T00:00:00Z",
                "2026-03-28T09:00:00Z"
            ),
            entry(
                Some("Ben"),
                layer,
                "2026-03-28T09:00:00Z",
                "2026-03-29T07:00:00Z"
            ),
            entry(
                Some("Jin"),
                Some("override"),
                "2026-03-29T07:00:00Z",
                "2026-03-29T10:00:00Z"
            ),
            entry(
                Some("Ana"),
                layer,
                "2026-03-29T10:00:00Z",
                "2026-03-30T08:00:00Z"
            ),
            entry(
                Some("Ben"),
                layer,
                "2026-03-30T08:00:00Z",
                "2026-03-31T00:00:00Z"
            ),
        ])
    );
    // Kolkata, no DST: 09:00 IST is 03:30Z; nobody before the start on 01-05.
    assert_eq!(
        shifts(
            &db,
            "support-ai",
            "2026-01-05T00:00:00Z",
            "2026-01-06T00:00:00Z"
        ),
        json!([
            entry(None, None, "2026-01-05T00:00:00Z", "2026-01-05T03:30:00Z"),
            entry(
                Some("Ana"),
                layer,
                "2026-01-05T03:30:00Z",
                "2026-01-06T00:00:00Z"
            ),
        ])
    );
    let out = brownout(
        &db,
        &[
            "rotation",
            "shifts",
            "london",
            "--from",
            "2026-01-01T00:00:00Z",
            "--to",
            "2027-06-01T00:00:00Z",
        ],
    );
    assert_fails_saying(&out, 2, "longer than 400 days");
    // An empty range is an error, not an empty schedule.
    let at = "2026-03-29T01:00:00Z";
    let out = brownout(
        &db,
        &["rotation", "shifts", "london", "--from", at, "--to", at],
    );
    assert_fails_saying(
        &out,
        2,
        "the range's end 2026-03-29T01:00:00Z is not after its start 2026-03-29T01:00:00Z",
    );
}

#[test]
fn rotation_shifts_show_gaps_around_a_sydney_night_across_the_april_change() {
    let (_dir, db) = workspace();
    // Nights 22:00–06:00: 04-03 22:00 AEDT to 04-04 06:00 AEDT is 11:00Z–19:00Z on 04-03;
    // the next 11:00Z–20:00Z on 04-04; the next starts 04-05 22:00 AEST, 12:00Z.
    assert_eq!(
        shifts(
            &db,
            "sydney",
            "2026-04-04T00:00:00Z",
            "2026-04-05T12:00:00Z"
        ),
        json!([
            entry(None, None, "2026-04-04T00:00:00Z", "2026-04-04T11:00:00Z"),
            entry(
                Some("Cy"),
                Some("layer"),
                "2026-04-04T11:00:00Z",
                "2026-04-04T20:00:00Z"
            ),
            entry(None, None, "2026-04-04T20:00:00Z", "2026-04-05T12:00:00Z"),
        ])
    );
    let out = brownout(
        &db,
        &[
            "rotation",
            "shifts",
            "sydney",
            "--from",
            "2026-04-04T11:00:00Z",
            "--to",
            "2026-04-04T21:00:00Z",
        ],
    );
    assert_eq!(
        text(&out.stdout),
        "2026-04-04T11:00:00Z  2026-04-04T20:00:00Z  Cy <cy@example.com> (base layer)\n\
         2026-04-04T20:00:00Z  2026-04-04T21:00:00Z  nobody\n"
    );
}

#[test]
fn rotation_ics_writes_the_fall_back_days_in_utc() {
    let (_dir, db) = workspace();
    // 10-31 00:00 EDT (04:00Z) to 11-02 00:00 EST (05:00Z): Ben's 10-30 shift (13:00Z, cut
    // by the start, kept whole), Ana 10-31 13:00Z to 11-01 14:00Z (25 hours), Ben 11-01 14:00Z.
    let out = brownout(
        &db,
        &[
            "rotation",
            "ics",
            "platform-ml",
            "--from",
            "2026-10-31",
            "--days",
            "2",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ics = text(&out.stdout);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    let events: Vec<(&str, &str)> = ics
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|e| {
            let field = |name: &str| e.split("\r\n").find_map(|l| l.strip_prefix(name)).unwrap();
            (field("DTSTART:"), field("DTEND:"))
        })
        .collect();
    assert_eq!(
        events,
        [
            ("20261030T130000Z", "20261031T130000Z"),
            ("20261031T130000Z", "20261101T140000Z"),
            ("20261101T140000Z", "20261102T140000Z"),
        ]
    );
    assert!(ics.contains("UID:platform-ml-20261031T130000Z@brownout\r\n"));
    // Without --from: today in the rotation's zone, 90 days.
    let out = brownout(&db, &["rotation", "ics", "support-ai"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("BEGIN:VEVENT\r\n"));
    let out = brownout(&db, &["rotation", "ics", "nope"]);
    assert_fails_saying(&out, 2, "there is no rotation 'nope'");
}
