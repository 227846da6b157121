//! Schedule tests. Every expected instant is a literal worked out by hand from the IANA rules
//! (transition dates and offsets in the comments), never from the code under test.

use chrono::{DateTime, Utc};

use super::*;
use crate::rotation::{Layer, Override, Restriction, Rotation, RotationMember, Weekday};

mod consistency;
mod dst;
mod ics_feed;
mod layers;
mod whole_year;

/// An instant written as RFC 3339 UTC.
fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn members(names: &[&str]) -> Vec<RotationMember> {
    names
        .iter()
        .map(|n| RotationMember {
            name: (*n).into(),
            contact: Some(format!("{}@example.com", n.to_lowercase())),
        })
        .collect()
}

/// A base layer alone: `names` take turns from (`start`, `handoff`) in `zone`.
fn rotation(zone: &str, shift_hours: u32, handoff: &str, start: &str, names: &[&str]) -> Rotation {
    Rotation {
        id: "ops".into(),
        name: "Ops on-call".into(),
        time_zone: zone.into(),
        shift_hours,
        handoff: handoff.into(),
        start: start.into(),
        members: members(names),
        restrictions: Vec::new(),
        layers: Vec::new(),
        overrides: Vec::new(),
    }
}

/// A rotation in New York, whose DST changes most of these tests cross.
fn new_york(shift_hours: u32, handoff: &str, start: &str, names: &[&str]) -> Rotation {
    rotation("America/New_York", shift_hours, handoff, start, names)
}

fn every_day(from: &str, to: &str) -> Restriction {
    use Weekday::*;
    Restriction {
        days: vec![Mon, Tue, Wed, Thu, Fri, Sat, Sun],
        from: from.into(),
        to: to.into(),
    }
}

/// The final schedule as `(person, start, end)` rows, `"-"` for a gap.
fn rows(r: &Rotation, from: &str, to: &str) -> Vec<(String, String, String)> {
    final_schedule(r, utc(from), utc(to))
        .unwrap()
        .into_iter()
        .map(|s| {
            (
                s.person.unwrap_or_else(|| "-".into()),
                format_instant(s.start),
                format_instant(s.end),
            )
        })
        .collect()
}

fn row(person: &str, start: &str, end: &str) -> (String, String, String) {
    (person.into(), start.into(), end.into())
}

fn who(r: &Rotation, at: &str) -> Option<String> {
    on_call_at(r, utc(at)).unwrap().person
}

use crate::rotation::format_instant;

/// At the exact instant of a handoff the incoming person is on call.
#[test]
fn a_handoff_instant_belongs_to_the_incoming_person() {
    // New York, January: EST, UTC-5, so 09:00 local is 14:00Z. Jan 5: Ana, Jan 6: Ben.
    let r = new_york(24, "09:00", "2026-01-05", &["Ana", "Ben"]);
    assert_eq!(who(&r, "2026-01-06T13:59:59Z").as_deref(), Some("Ana"));
    assert_eq!(who(&r, "2026-01-06T14:00:00Z").as_deref(), Some("Ben"));
    let now = on_call_at(&r, utc("2026-01-06T14:00:00Z")).unwrap();
    assert_eq!(now.start, utc("2026-01-06T14:00:00Z"));
    assert_eq!(now.end, utc("2026-01-07T14:00:00Z"));
    assert_eq!(now.source, Some(Source::Layer));
    assert_eq!(now.layer, None);
    assert_eq!(now.contact.as_deref(), Some("ben@example.com"));
}

#[test]
fn nobody_is_on_call_before_the_start_and_the_gap_reaches_back_at_most_90_days() {
    let r = new_york(24, "09:00", "2026-01-05", &["Ana"]);
    let before = on_call_at(&r, utc("2026-01-05T13:59:59Z")).unwrap();
    assert_eq!(before.person, None);
    assert_eq!(before.source, None);
    // 90 days before 2026-01-05T13:59:59Z: 2025-10-07T13:59:59Z (Oct has 31, Nov 30, Dec 31
    // days: 24 + 30 + 31 + 5 = 90).
    assert_eq!(before.start, utc("2025-10-07T13:59:59Z"));
    assert_eq!(before.end, utc("2026-01-05T14:00:00Z"));
    // With one member the stretch runs the whole 90 days ahead.
    let one = on_call_at(&r, utc("2026-01-05T14:00:00Z")).unwrap();
    assert_eq!(one.start, utc("2026-01-05T14:00:00Z"));
    assert_eq!(one.end, utc("2026-04-05T14:00:00Z"));
}

#[test]
fn the_range_is_limited_and_must_not_run_backwards() {
    let r = rotation("Asia/Kolkata", 24, "09:00", "2026-01-05", &["Ana"]);
    let err =
        final_schedule(&r, utc("2026-01-01T00:00:00Z"), utc("2027-02-06T00:00:00Z")).unwrap_err();
    assert!(
        matches!(err, ScheduleError::RangeTooLong { limit: 400, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("longer than 400 days"), "{err}");
    // 400 days exactly is allowed: 2026-01-01 + 400 days = 2027-02-05.
    assert!(final_schedule(&r, utc("2026-01-01T00:00:00Z"), utc("2027-02-05T00:00:00Z")).is_ok());
    let err = gaps(&r, utc("2026-02-01T00:00:00Z"), utc("2026-01-01T00:00:00Z")).unwrap_err();
    assert!(matches!(err, ScheduleError::RangeReversed { .. }), "{err}");
    // An empty range is refused too, not answered with an empty schedule.
    let at = utc("2026-02-01T00:00:00Z");
    let err = final_schedule(&r, at, at).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the range's end 2026-02-01T00:00:00Z is not after its start 2026-02-01T00:00:00Z"
    );
    assert!(layer_schedule(&r, None, at, at).is_err());
}

#[test]
fn an_invalid_rotation_is_refused_naming_the_field() {
    let mut r = rotation("Asia/Kolkata", 24, "09:00", "2026-01-05", &["Ana"]);
    r.layers.push(Layer {
        name: "Nights".into(),
        time_zone: "Mars/Olympus".into(),
        shift_hours: 24,
        handoff: "09:00".into(),
        start: "2026-01-05".into(),
        members: members(&["Ben"]),
        restrictions: Vec::new(),
    });
    let err = on_call_at(&r, utc("2026-02-01T00:00:00Z")).unwrap_err();
    assert!(err.to_string().contains("layers[0].time_zone"), "{err}");
}

/// Instants serialise as UTC, whole seconds, `Z`.
#[test]
fn shifts_serialise_with_utc_whole_seconds() {
    let r = rotation("Asia/Kolkata", 24, "09:00", "2026-01-05", &["Ana"]);
    // 09:00 IST (+05:30) is 03:30Z.
    let s = &final_schedule(
        &r,
        utc("2026-01-05T03:30:00.250Z"),
        utc("2026-01-05T04:00:00Z"),
    )
    .unwrap()[0];
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(json["start"], "2026-01-05T03:30:00Z");
    assert_eq!(json["source"], "layer");
    assert_eq!(json["layer"], serde_json::Value::Null);
    let back: Shift = serde_json::from_value(json).unwrap();
    assert_eq!(back.end, utc("2026-01-05T04:00:00Z"));
}

/// Overrides count in whole seconds, like everything the schedule writes: a fraction would
/// give entries that print as empty and calendar events sharing a UID.
#[test]
fn override_instants_count_in_whole_seconds() {
    let mut r = rotation("UTC", 24, "00:00", "2026-01-05", &["Ana"]);
    r.overrides.push(Override {
        name: "Zoe".into(),
        contact: String::new(),
        from: "2026-03-01T04:00:00.200Z".into(),
        to: "2026-03-01T05:30:00.700Z".into(),
    });
    assert_eq!(
        final_schedule(&r, utc("2026-03-01T03:00:00Z"), utc("2026-03-01T06:00:00Z")).unwrap(),
        [
            ("Ana", Source::Layer, "03:00:00", "04:00:00"),
            ("Zoe", Source::Override, "04:00:00", "05:30:00"),
            ("Ana", Source::Layer, "05:30:00", "06:00:00"),
        ]
        .map(|(person, source, start, end)| Shift {
            person: Some(person.into()),
            contact: (person == "Ana").then(|| "ana@example.com".into()),
            source: Some(source),
            layer: None,
            start: utc(&format!("2026-03-01T{start}Z")),
            end: utc(&format!("2026-03-01T{end}Z")),
        })
    );
    // Less than a second is no range at all.
    r.overrides[0].to = "2026-03-01T04:00:00.900Z".into();
    let errors = crate::rotation::rotation_errors(&r);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "overrides[0].to");
    assert!(
        errors[0].message.ends_with("(to the whole second)"),
        "{errors:?}"
    );
}

/// The stretch around an instant is cut where RFC 3339's four-digit years end, so its start
/// and end always print as RFC 3339; an instant at or past the last second is refused.
#[test]
fn the_stretch_stays_within_four_digit_years() {
    // Daily from 9999-12-01: the 31st is day 30, Ana's.
    let r = rotation("UTC", 24, "00:00", "9999-12-01", &["Ana", "Ben"]);
    let late = on_call_at(&r, utc("9999-12-31T23:59:58Z")).unwrap();
    assert_eq!(late.person.as_deref(), Some("Ana"));
    assert_eq!(format_instant(late.start), "9999-12-31T00:00:00Z");
    assert_eq!(format_instant(late.end), "9999-12-31T23:59:59Z");
    let early = on_call_at(&r, utc("0000-01-02T00:00:00Z")).unwrap();
    assert_eq!(early.person, None);
    assert_eq!(format_instant(early.start), "0000-01-01T00:00:00Z");
    let err = on_call_at(&r, utc("9999-12-31T23:59:59Z")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "9999-12-31T23:59:59Z is outside the years 0000 to 9999 a schedule covers"
    );
}
