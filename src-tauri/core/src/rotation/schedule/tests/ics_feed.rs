//! The calendar feed: RFC 5545 lines, stable UIDs, and what a standard iCalendar library
//! (Python's icalendar, Debian's python3-icalendar) reads from it.

use chrono::NaiveDate;

use super::ics::{escape, fold};
use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// New York, daily 09:00, from Sat 2026-03-07: the calendar's days cross the spring change.
fn long_named_new_york() -> Rotation {
    let mut r = new_york(24, "09:00", "2026-03-01", &["Ana", "Ben"]);
    r.name = "Ops, nights; \\ and a rather long name that has to be folded across lines".into();
    r.members[0].name =
        "Ana Lima, SRE; Ünïcödé ✓ with a name long enough to need folding too".into();
    r
}

#[test]
fn lines_end_in_crlf_fold_at_75_octets_and_escape_text() {
    let text = ics(
        &long_named_new_york(),
        day("2026-03-07"),
        3,
        utc("2026-03-01T12:00:00Z"),
    )
    .unwrap();
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("X-WR-CALNAME:Ops\\, nights\\; \\\\ and a rather long name"),
        "{unfolded}"
    );
    assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    // A fold never splits a character: 74 ASCII octets then a 2-octet character.
    let folded = fold(&format!("{}é", "x".repeat(74)));
    assert_eq!(folded, format!("{}\r\n é\r\n", "x".repeat(74)));
}

#[test]
fn events_are_the_shifts_in_utc_with_stable_uids() {
    // 03-07 is day 6 from 03-01 (Ana), 03-08 Ben, 03-09 Ana. 09:00 EST on 03-07 is 14:00Z,
    // 09:00 EDT on 03-08 and 03-09 is 13:00Z. The calendar runs from 03-07 00:00 EST (05:00Z)
    // to 03-10 00:00 EDT (04:00Z); the shifts cut by its ends keep their whole length.
    let r = long_named_new_york();
    let text = ics(&r, day("2026-03-07"), 3, utc("2026-03-01T12:00:00Z")).unwrap();
    let unfolded = text.replace("\r\n ", "");
    let starts: Vec<&str> = unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("DTSTART:"))
        .map(str::trim_end)
        .collect();
    assert_eq!(
        starts,
        [
            "20260306T140000Z",
            "20260307T140000Z",
            "20260308T130000Z",
            "20260309T130000Z"
        ]
    );
    assert!(unfolded.contains("UID:ops-20260308T130000Z@brownout\r\n"));
    assert!(unfolded.contains("DTEND:20260310T130000Z\r\n"));
    assert!(unfolded.contains("DTSTAMP:20260301T120000Z\r\n"));
    // Starting a day later keeps the UIDs of the events both calendars hold.
    let later = ics(&r, day("2026-03-08"), 2, utc("2026-03-02T12:00:00Z")).unwrap();
    assert!(later.contains("UID:ops-20260307T140000Z@brownout\r\n"));
    assert!(later.contains("UID:ops-20260309T130000Z@brownout\r\n"));
}

/// One person on call all the time still gets one event per shift, and a calendar starting
/// on another day gives the same events the same UIDs.
#[test]
fn every_shift_is_its_own_event_with_the_same_uid_in_every_calendar() {
    // Kolkata (+05:30), weekly from Mon 2026-01-05 09:00 IST (03:30Z), Ana alone.
    let r = rotation("Asia/Kolkata", 168, "09:00", "2026-01-05", &["Ana"]);
    let uids = |from: &str, days: u32| -> Vec<String> {
        ics(&r, day(from), days, utc("2026-01-01T00:00:00Z"))
            .unwrap()
            .lines()
            .filter_map(|l| l.strip_prefix("UID:").map(str::to_owned))
            .collect()
    };
    assert_eq!(
        uids("2026-02-04", 14),
        [
            "ops-20260202T033000Z@brownout",
            "ops-20260209T033000Z@brownout",
            "ops-20260216T033000Z@brownout",
        ]
    );
    assert_eq!(uids("2026-02-10", 1), ["ops-20260209T033000Z@brownout"]);
    // Before the start there is nothing to show; the first event is the first shift.
    assert_eq!(uids("2026-01-01", 5), ["ops-20260105T033000Z@brownout"]);
    let now = utc("2026-01-01T00:00:00Z");
    let err = ics(&r, day("2026-01-01"), 345, now).unwrap_err();
    assert_eq!(err.to_string(), "a calendar holds 1 to 344 days, not 345");
    let err = ics(&r, day("2026-01-01"), 0, now).unwrap_err();
    assert_eq!(err.to_string(), "a calendar holds 1 to 344 days, not 0");
}

/// An override longer than any shift keeps its own start and end, so its UID is the same in
/// every calendar that shows it.
#[test]
fn a_long_override_has_the_same_uid_in_every_calendar() {
    let mut r = rotation("Asia/Kolkata", 24, "09:00", "2026-01-05", &["Ana"]);
    r.overrides.push(Override {
        name: "Jin".into(),
        contact: String::new(),
        from: "2026-01-10T00:00:00Z".into(),
        to: "2026-04-10T00:00:00Z".into(),
    });
    for from in ["2026-03-01", "2026-03-02"] {
        let text = ics(&r, day(from), 2, utc("2026-01-01T00:00:00Z")).unwrap();
        let events: Vec<&str> = text.split("BEGIN:VEVENT\r\n").skip(1).collect();
        assert_eq!(events.len(), 1, "{text}");
        assert!(
            events[0].starts_with(
                "UID:ops-20260110T000000Z@brownout\r\nDTSTAMP:20260101T000000Z\r\n\
                 DTSTART:20260110T000000Z\r\nDTEND:20260410T000000Z\r\n"
            ),
            "{from}: {}",
            events[0]
        );
    }
}

/// A first day beyond what iCalendar's four-digit years hold is refused, not a crash.
#[test]
fn a_calendar_outside_four_digit_years_is_refused() {
    let r = rotation("Asia/Kolkata", 168, "09:00", "2026-01-05", &["Ana"]);
    let now = utc("2026-01-01T00:00:00Z");
    for from in [
        NaiveDate::MAX,
        day("9999-12-01"),
        NaiveDate::MIN,
        day("0000-12-31"),
    ] {
        let err = ics(&r, from, 90, now).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("a calendar from {from} for 90 days reaches outside the years 0001 to 9999")
        );
    }
    assert!(ics(&r, day("9999-01-01"), 90, now).is_ok());
    assert!(ics(&r, day("0001-01-01"), 90, now).is_ok());
}

/// Python's icalendar library reads the feed: the events, their UTC times and the escaped
/// text come back as written.
#[test]
fn a_standard_icalendar_library_reads_the_feed() {
    let text = ics(
        &long_named_new_york(),
        day("2026-03-07"),
        3,
        utc("2026-03-01T12:00:00Z"),
    )
    .unwrap();
    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = {"name": str(cal.get("X-WR-CALNAME")), "events": []}
for e in cal.walk("VEVENT"):
    out["events"].append({
        "uid": str(e.get("UID")),
        "start": e.decoded("DTSTART").isoformat(),
        "end": e.decoded("DTEND").isoformat(),
        "summary": str(e.get("SUMMARY")),
    })
json.dump(out, sys.stdout)
"#;
    let read = python_reads(script, &text);
    assert_eq!(
        read["name"],
        "Ops, nights; \\ and a rather long name that has to be folded across lines"
    );
    let events = read["events"].as_array().unwrap();
    assert_eq!(events.len(), 4);
    assert_eq!(events[2]["uid"], "ops-20260308T130000Z@brownout");
    assert_eq!(events[2]["start"], "2026-03-08T13:00:00+00:00");
    assert_eq!(events[2]["end"], "2026-03-09T13:00:00+00:00");
    assert_eq!(
        events[1]["summary"],
        "On call: Ana Lima, SRE; Ünïcödé ✓ with a name long enough to need folding too"
    );
}

/// Runs `script` under /usr/bin/python3 with `input` on stdin and reads its JSON output.
fn python_reads(script: &str, input: &str) -> serde_json::Value {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let missing = "/usr/bin/python3 with icalendar is missing: install Debian's python3-icalendar (scripts/setup.sh does)";
    let mut child = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect(missing);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("No module named 'icalendar'"), "{missing}");
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}
