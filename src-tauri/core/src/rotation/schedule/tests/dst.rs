//! Local times that do not exist or exist twice, resolved as RFC 5545 §3.3.5 says.
//!
//! Transitions used (IANA tzdata, 2026):
//! - America/New_York: Sun 2026-03-08 02:00 EST (UTC-5) → 03:00 EDT (UTC-4), at 07:00Z;
//!   Sun 2026-11-01 02:00 EDT → 01:00 EST, at 06:00Z.
//! - Europe/London: Sun 2026-03-29 01:00 GMT → 02:00 BST, at 01:00Z; Sun 2026-10-25 02:00 BST
//!   → 01:00 GMT, at 01:00Z.
//! - Australia/Sydney: Sun 2026-04-05 03:00 AEDT (+11) → 02:00 AEST (+10), at 16:00Z on 04-04;
//!   Sun 2026-10-04 02:00 AEST → 03:00 AEDT, at 16:00Z on 10-03.
//! - Australia/Lord_Howe: Sun 2026-04-05 02:00 (+11) → 01:30 (+10:30), at 15:00Z on 04-04;
//!   Sun 2026-10-04 02:00 (+10:30) → 02:30 (+11), at 15:30Z on 10-03.

use super::*;

/// `(zone, handoff, start date, the first three handoff instants)` for daily shifts whose
/// second handoff falls in a gap or a repeated hour.
const DAILY_ACROSS_A_CHANGE: &[(&str, &str, &str, [&str; 3])] = &[
    // 02:30 on 03-08 does not exist: read with EST (-5), 07:30Z (which reads 03:30 EDT).
    (
        "America/New_York",
        "02:30",
        "2026-03-07",
        [
            "2026-03-07T07:30:00Z",
            "2026-03-08T07:30:00Z",
            "2026-03-09T06:30:00Z",
        ],
    ),
    // 01:30 on 11-01 exists twice: the first is EDT (-4), 05:30Z; a day later EST, 06:30Z.
    (
        "America/New_York",
        "01:30",
        "2026-10-31",
        [
            "2026-10-31T05:30:00Z",
            "2026-11-01T05:30:00Z",
            "2026-11-02T06:30:00Z",
        ],
    ),
    // 01:30 on 03-29 does not exist: with GMT, 01:30Z (which reads 02:30 BST).
    (
        "Europe/London",
        "01:30",
        "2026-03-28",
        [
            "2026-03-28T01:30:00Z",
            "2026-03-29T01:30:00Z",
            "2026-03-30T00:30:00Z",
        ],
    ),
    // 01:30 on 10-25 exists twice: first BST (+1), 00:30Z; a day later GMT, 01:30Z.
    (
        "Europe/London",
        "01:30",
        "2026-10-24",
        [
            "2026-10-24T00:30:00Z",
            "2026-10-25T00:30:00Z",
            "2026-10-26T01:30:00Z",
        ],
    ),
    // 02:30 on 10-04 does not exist: with AEST (+10), 16:30Z on 10-03; then AEDT (+11).
    (
        "Australia/Sydney",
        "02:30",
        "2026-10-03",
        [
            "2026-10-02T16:30:00Z",
            "2026-10-03T16:30:00Z",
            "2026-10-04T15:30:00Z",
        ],
    ),
    // 02:30 on 04-05 exists twice: first AEDT (+11), 15:30Z on 04-04; then AEST (+10).
    (
        "Australia/Sydney",
        "02:30",
        "2026-04-04",
        [
            "2026-04-03T15:30:00Z",
            "2026-04-04T15:30:00Z",
            "2026-04-05T16:30:00Z",
        ],
    ),
    // 02:15 on 10-04 does not exist (02:00–02:30 skipped): with +10:30, 15:45Z on 10-03.
    (
        "Australia/Lord_Howe",
        "02:15",
        "2026-10-03",
        [
            "2026-10-02T15:45:00Z",
            "2026-10-03T15:45:00Z",
            "2026-10-04T15:15:00Z",
        ],
    ),
    // 01:45 on 04-05 exists twice (01:30–02:00 repeated): first +11, 14:45Z on 04-04.
    (
        "Australia/Lord_Howe",
        "01:45",
        "2026-04-04",
        [
            "2026-04-03T14:45:00Z",
            "2026-04-04T14:45:00Z",
            "2026-04-05T15:15:00Z",
        ],
    ),
];

#[test]
fn gap_times_take_the_offset_before_the_gap_and_repeated_times_their_first_occurrence() {
    for (zone, handoff, start, [h0, h1, h2]) in DAILY_ACROSS_A_CHANGE {
        let r = rotation(zone, 24, handoff, start, &["Ana", "Ben", "Cy"]);
        let got = rows(&r, h0, h2);
        assert_eq!(
            got,
            [row("Ana", h0, h1), row("Ben", h1, h2)],
            "{zone} {handoff} from {start}"
        );
    }
}

/// A one-hour shift inside New York's spring-forward gap starts and ends at 07:00Z: it is
/// empty, its member is skipped that turn and the order goes on.
#[test]
fn a_one_hour_shift_inside_a_gap_is_empty_and_its_member_skipped() {
    // Hourly from 00:00 EST on 03-08 (05:00Z): Ana 00:00, Ben 01:00, Cy 02:00 (does not
    // exist: 07:00Z) until 03:00 EDT (also 07:00Z), so Cy's turn is empty; Ana 03:00 EDT.
    let r = new_york(1, "00:00", "2026-03-08", &["Ana", "Ben", "Cy"]);
    assert_eq!(
        rows(&r, "2026-03-08T05:00:00Z", "2026-03-08T09:00:00Z"),
        [
            row("Ana", "2026-03-08T05:00:00Z", "2026-03-08T06:00:00Z"),
            row("Ben", "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z"),
            row("Ana", "2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"),
            row("Ben", "2026-03-08T08:00:00Z", "2026-03-08T09:00:00Z"),
        ]
    );
    // The fall-back hour 01:00–02:00 lasts two hours: Ben's 01:00 EDT (05:00Z) until 02:00
    // EST (07:00Z). Hourly from 00:00 EDT on 11-01 (04:00Z).
    let r = new_york(1, "00:00", "2026-11-01", &["Ana", "Ben", "Cy"]);
    assert_eq!(
        rows(&r, "2026-11-01T04:00:00Z", "2026-11-01T08:00:00Z"),
        [
            row("Ana", "2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z"),
            row("Ben", "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"),
            row("Cy", "2026-11-01T07:00:00Z", "2026-11-01T08:00:00Z"),
        ]
    );
}

/// A night window 20:00–08:00 every day keeps its local hours across both changes: the night
/// into 03-08 is 11 hours long, the night into 11-01 is 13.
#[test]
fn a_night_window_crossing_midnight_keeps_local_hours_across_dst() {
    // Daily 09:00 handoffs from Sun 03-01: Ana 03-01, Ben 03-02, … Ben 03-06, Ana 03-07,
    // Ben 03-08. Nights: 03-06 20:00 EST (01:00Z 03-07) to 03-07 08:00 EST (13:00Z);
    // 03-07 20:00 EST (01:00Z 03-08) to 03-08 08:00 EDT (12:00Z); 03-08 20:00 EDT (00:00Z
    // 03-09) to 03-09 08:00 EDT (12:00Z).
    let mut r = new_york(24, "09:00", "2026-03-01", &["Ana", "Ben"]);
    r.restrictions = vec![every_day("20:00", "08:00")];
    assert_eq!(
        rows(&r, "2026-03-07T12:00:00Z", "2026-03-09T12:00:00Z"),
        [
            row("Ben", "2026-03-07T12:00:00Z", "2026-03-07T13:00:00Z"),
            row("-", "2026-03-07T13:00:00Z", "2026-03-08T01:00:00Z"),
            row("Ana", "2026-03-08T01:00:00Z", "2026-03-08T12:00:00Z"),
            row("-", "2026-03-08T12:00:00Z", "2026-03-09T00:00:00Z"),
            row("Ben", "2026-03-09T00:00:00Z", "2026-03-09T12:00:00Z"),
        ]
    );
    // 10-31 20:00 EDT (00:00Z 11-01) to 11-01 08:00 EST (13:00Z). 10-31 is day 244 from
    // 03-01 (31+30+31+30+31+31+30+30 = 244): even, Ana.
    assert_eq!(
        gaps(&r, utc("2026-10-31T12:00:00Z"), utc("2026-11-01T14:00:00Z")).unwrap(),
        [
            (utc("2026-10-31T12:00:00Z"), utc("2026-11-01T00:00:00Z")),
            (utc("2026-11-01T13:00:00Z"), utc("2026-11-01T14:00:00Z")),
        ]
    );
    assert_eq!(who(&r, "2026-11-01T12:59:59Z").as_deref(), Some("Ana"));
}

/// Windows start on their listed days only, in the layer's zone.
#[test]
fn a_window_starts_on_its_listed_days() {
    use Weekday::*;
    // Kolkata (+05:30), weekdays 09:00–18:00: Fri 2026-01-09 03:30Z–12:30Z, then nothing until
    // Mon 2026-01-12 03:30Z.
    let mut r = rotation("Asia/Kolkata", 168, "09:00", "2026-01-05", &["Ana"]);
    r.restrictions = vec![Restriction {
        days: vec![Mon, Tue, Wed, Thu, Fri],
        from: "09:00".into(),
        to: "18:00".into(),
    }];
    assert_eq!(
        rows(&r, "2026-01-09T00:00:00Z", "2026-01-12T06:00:00Z"),
        [
            row("-", "2026-01-09T00:00:00Z", "2026-01-09T03:30:00Z"),
            row("Ana", "2026-01-09T03:30:00Z", "2026-01-09T12:30:00Z"),
            row("-", "2026-01-09T12:30:00Z", "2026-01-12T03:30:00Z"),
            row("Ana", "2026-01-12T03:30:00Z", "2026-01-12T06:00:00Z"),
        ]
    );
}

/// Antarctica/Troll springs forward two hours (+00 to +02 at 01:00Z on the last Sunday of
/// March: 2026-03-29), longer than an hourly shift. The handoffs at 01:00 and 02:00 local do
/// not exist: with the offset before the gap they resolve to 01:00Z and 02:00Z, after the
/// 03:00 (+02) handoff at 01:00Z. Whoever's handoff came last is on call, as the wall clock
/// says (01:30Z reads 03:30 local), so both shifts inside the gap are empty and never overlap
/// the shifts after it.
#[test]
fn shifts_inside_a_gap_longer_than_a_shift_are_empty() {
    // Hourly from 2026-03-28 00:00 (+00): 24 shifts to 03-29 00:00, so Ana 00:00, Ben 01:00
    // (empty), Cy 02:00 (empty), Ana 03:00 (01:00Z), Ben 04:00 (02:00Z), Cy 05:00 (03:00Z).
    let r = rotation(
        "Antarctica/Troll",
        1,
        "00:00",
        "2026-03-28",
        &["Ana", "Ben", "Cy"],
    );
    let expected = [
        row("Ana", "2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z"),
        row("Ben", "2026-03-29T02:00:00Z", "2026-03-29T03:00:00Z"),
        row("Cy", "2026-03-29T03:00:00Z", "2026-03-29T04:00:00Z"),
    ];
    assert_eq!(
        rows(&r, "2026-03-29T00:00:00Z", "2026-03-29T04:00:00Z"),
        expected
    );
    // The same from any starting point: the answer does not depend on the range asked for.
    assert_eq!(
        rows(&r, "2026-03-29T01:30:00Z", "2026-03-29T02:30:00Z"),
        [
            row("Ana", "2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z"),
            row("Ben", "2026-03-29T02:00:00Z", "2026-03-29T02:30:00Z"),
        ]
    );
    assert_eq!(who(&r, "2026-03-29T01:30:00Z").as_deref(), Some("Ana"));
}
