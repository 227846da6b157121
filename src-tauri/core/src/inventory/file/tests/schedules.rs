//! Rotation schedules in the inventory file: the issue's own example reads as written, exports
//! with every time and date quoted, and reads back the same (PyYAML included, in the parent).

use super::*;
use crate::rotation::{Weekday, DEFAULT_START};

/// The inventory file example of a schedule, with the demo's other items around it.
pub(super) const SCHEDULE_EXAMPLE: &str = r#"
rotations:
- id: support-ai
  name: Support AI on-call
  time_zone: Europe/Berlin
  shift_hours: 24           # 1 to 672
  handoff: '09:00'
  start: '2026-01-05'
  members: [{name: Ana Lima, contact: ana@example.com}, {name: Jonas Weber}]
  restrictions:
  - days: [mon, tue, wed, thu, fri]
    from: '09:00'
    to: '18:00'
  layers:
  - name: APAC nights
    time_zone: Asia/Kolkata
    shift_hours: 24
    handoff: '08:00'
    start: '2026-01-01'
    members: [{name: Priya Raman, contact: priya@example.com}]
    restrictions: [{days: [mon, tue, wed, thu, fri, sat, sun], from: '20:00', to: '08:00'}]
  overrides:
  - {name: Jin Park, contact: jin@example.com, from: '2026-11-01T04:00:00Z', to: '2026-11-01T08:00:00Z'}
"#;

/// The example's rotation.
pub(super) fn example_rotation() -> crate::rotation::Rotation {
    let inv = parse("example.yaml", SCHEDULE_EXAMPLE, Format::Yaml).unwrap();
    inv.rotations.into_iter().next().unwrap()
}

#[test]
fn the_documented_example_reads_as_written() {
    let r = example_rotation();
    assert_eq!(r.start, "2026-01-05");
    assert_eq!(r.restrictions[0].days[4], Weekday::Fri);
    assert_eq!(
        (
            r.restrictions[0].from.as_str(),
            r.restrictions[0].to.as_str()
        ),
        ("09:00", "18:00")
    );
    assert_eq!(r.layers[0].name, "APAC nights");
    assert_eq!(r.layers[0].restrictions[0].days.len(), 7);
    assert_eq!(r.overrides[0].to, "2026-11-01T08:00:00Z");
}

#[test]
fn a_rotation_without_start_reads_with_the_default_start() {
    let text = SCHEDULE_EXAMPLE
        .replace("  start: '2026-01-05'\n", "")
        .replace("    start: '2026-01-01'\n", "");
    let inv = parse("old.yaml", &text, Format::Yaml).unwrap();
    assert_eq!(inv.rotations[0].start, DEFAULT_START);
    assert_eq!(inv.rotations[0].layers[0].start, DEFAULT_START);
}

#[test]
fn exports_quote_times_and_dates_and_read_back_the_same() {
    let mut inv = demo_inventory().unwrap();
    let at = inv
        .rotations
        .iter()
        .position(|r| r.id == "support-ai")
        .unwrap();
    inv.rotations[at] = example_rotation();
    let yaml = to_text(&inv, Format::Yaml).unwrap();
    for quoted in [
        "  start: \"2026-01-05\"\n",
        "    from: \"09:00\"\n",
        "    start: \"2026-01-01\"\n",
        "  - name: Jin Park\n    contact: jin@example.com\n    from: \"2026-11-01T04:00:00Z\"\n",
    ] {
        assert!(yaml.contains(quoted), "{quoted:?} not in:\n{yaml}");
    }
    for format in [Format::Yaml, Format::Json] {
        let text = to_text(&inv, format).unwrap();
        assert_eq!(parse("x", &text, format).unwrap(), inv, "{format:?}");
    }
    // And through the store.
    let s = fresh();
    replace_all(&s, &inv).unwrap();
    assert_eq!(export(&s, Format::Yaml).unwrap(), yaml);
}

#[test]
fn a_bad_schedule_field_is_reported_with_its_path_and_line() {
    let text = SCHEDULE_EXAMPLE.replace("time_zone: Asia/Kolkata", "time_zone: Asia/Nowhere");
    let err = parse("bad.yaml", &text, Format::Yaml).unwrap_err();
    assert!(
        err.to_string()
            .contains("bad.yaml:14: rotations[0] 'support-ai': layers[0].time_zone: 'Asia/Nowhere' is not an IANA time zone"),
        "{err}"
    );
}
