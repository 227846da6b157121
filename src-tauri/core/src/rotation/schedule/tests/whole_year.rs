//! A daily 09:00 handoff over the whole of 2026 in each zone stays at 09:00 local across both
//! changes. The table gives, per zone, the date ranges (local dates of the handoff, inclusive)
//! and the UTC time of day of 09:00 local in each, worked out from the IANA rules:
//! - America/New_York: EST -5 until 03-07, EDT -4 from 03-08 until 10-31, EST from 11-01.
//! - Europe/London: GMT +0 until 03-28, BST +1 from 03-29 until 10-24, GMT from 10-25.
//! - Australia/Sydney: AEDT +11 until 04-04 (the change is 03:00 on Sun 04-05, after 09:00
//!   of 04-04 and before 09:00 of 04-05), AEST +10 from 04-05 until 10-03, AEDT from 10-04.
//!   09:00 local is the previous UTC day.
//! - Australia/Lord_Howe: +11 until 04-04, +10:30 from 04-05 until 10-03, +11 from 10-04.
//! - Asia/Kolkata: +05:30 all year.

use chrono::{Days, NaiveDate};

use super::*;

/// (first date, last date, UTC time of day, true when that is on the previous UTC day).
type Span = (&'static str, &'static str, &'static str, bool);

const ZONES: &[(&str, &[Span])] = &[
    (
        "America/New_York",
        &[
            ("2026-01-05", "2026-03-07", "14:00", false),
            ("2026-03-08", "2026-10-31", "13:00", false),
            ("2026-11-01", "2026-12-31", "14:00", false),
        ],
    ),
    (
        "Europe/London",
        &[
            ("2026-01-05", "2026-03-28", "09:00", false),
            ("2026-03-29", "2026-10-24", "08:00", false),
            ("2026-10-25", "2026-12-31", "09:00", false),
        ],
    ),
    (
        "Australia/Sydney",
        &[
            ("2026-01-05", "2026-04-04", "22:00", true),
            ("2026-04-05", "2026-10-03", "23:00", true),
            ("2026-10-04", "2026-12-31", "22:00", true),
        ],
    ),
    (
        "Australia/Lord_Howe",
        &[
            ("2026-01-05", "2026-04-04", "22:00", true),
            ("2026-04-05", "2026-10-03", "22:30", true),
            ("2026-10-04", "2026-12-31", "22:00", true),
        ],
    ),
    (
        "Asia/Kolkata",
        &[("2026-01-05", "2026-12-31", "03:30", false)],
    ),
];

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Every expected handoff instant of the year, in order, from the table.
fn expected_handoffs(spans: &[Span]) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    for (first, last, time, previous_day) in spans {
        let mut day = date(first);
        while day <= date(last) {
            let utc_day = if *previous_day {
                day - Days::new(1)
            } else {
                day
            };
            out.push(utc(&format!("{utc_day}T{time}:00Z")));
            day = day + Days::new(1);
        }
    }
    out
}

#[test]
fn a_daily_0900_handoff_stays_at_0900_local_all_year_in_every_zone() {
    // Seven members so that each day's person is checked too: day k has members[k mod 7].
    let names = ["A", "B", "C", "D", "E", "F", "G"];
    for (zone, spans) in ZONES {
        let handoffs = expected_handoffs(spans);
        assert_eq!(handoffs.len(), 361, "{zone}: 2026-01-05 to 2026-12-31");
        let r = rotation(zone, 24, "09:00", "2026-01-05", &names);
        let first = handoffs[0];
        let last = *handoffs.last().unwrap();
        let got = final_schedule(&r, first, last).unwrap();
        let starts: Vec<_> = got.iter().map(|s| s.start).collect();
        assert_eq!(starts, handoffs[..360], "{zone}");
        for (k, s) in got.iter().enumerate() {
            assert_eq!(s.person.as_deref(), Some(names[k % 7]), "{zone} day {k}");
            assert_eq!(s.end, handoffs[k + 1], "{zone} day {k}");
        }
        // The same instants seen one second either side of each handoff.
        for (k, h) in handoffs.iter().enumerate().skip(1).step_by(13) {
            let at = on_call_at(&r, *h).unwrap();
            assert_eq!(at.start, *h, "{zone} day {k}");
            assert_eq!(at.person.as_deref(), Some(names[k % 7]));
            let before = on_call_at(&r, *h - chrono::Duration::seconds(1)).unwrap();
            assert_eq!(before.end, *h, "{zone} day {k}");
            assert_eq!(before.person.as_deref(), Some(names[(k - 1) % 7]));
        }
    }
}
