//! Properties that hold for any rotation: the final schedule covers its range without holes or
//! overlaps, never lists two adjacent entries that should be one, agrees with `on_call_at`, and
//! does not depend on where a range is cut.

use chrono::Duration;
use proptest::prelude::*;
use proptest::sample::select;

use super::*;

const ZONES: &[&str] = &[
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "Asia/Kolkata",
    // A two-hour spring-forward gap (2026-03-29 01:00Z), longer than a one-hour shift.
    "Antarctica/Troll",
];

fn any_rotation() -> impl Strategy<Value = Rotation> {
    let schedule = (
        select(ZONES),
        1u32..=72,
        0u32..24,
        select(vec![0u32, 15, 30]),
        1usize..4,
    );
    let window = (0u32..24, 0u32..24, any::<bool>());
    (schedule.clone(), window, schedule, any::<bool>()).prop_map(
        |((zone, hours, h, m, n), (from, to, restricted), (lzone, lhours, lh, lm, ln), ovr)| {
            let names = ["Ana", "Ben", "Cy"];
            let mut r = rotation(
                zone,
                hours,
                &format!("{h:02}:{m:02}"),
                "2026-03-01",
                &names[..n],
            );
            if restricted {
                r.restrictions = vec![every_day(&format!("{from:02}:00"), &format!("{to:02}:30"))];
            }
            r.layers.push(Layer {
                name: "Top".into(),
                time_zone: lzone.into(),
                shift_hours: lhours,
                handoff: format!("{lh:02}:{lm:02}"),
                start: "2026-03-05".into(),
                members: members(&["Di", "Ed"][..ln.min(2)]),
                restrictions: vec![every_day("22:00", "02:00")],
            });
            if ovr {
                r.overrides.push(Override {
                    name: "Jin".into(),
                    contact: String::new(),
                    from: "2026-03-29T00:30:00Z".into(),
                    to: "2026-03-29T05:00:00Z".into(),
                });
            }
            r
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_final_schedule_is_whole_consistent_and_cut_anywhere(
        r in any_rotation(),
        start_minutes in 0i64..(40 * 24 * 60),
        length_minutes in 1i64..(12 * 24 * 60),
        cut in 0.0f64..1.0,
    ) {
        let from = utc("2026-03-01T00:00:00Z") + Duration::minutes(start_minutes);
        let to = from + Duration::minutes(length_minutes);
        let whole = final_schedule(&r, from, to).unwrap();
        prop_assert_eq!(whole.first().map(|s| s.start), Some(from));
        prop_assert_eq!(whole.last().map(|s| s.end), Some(to));
        for pair in whole.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start);
            prop_assert!(
                (&pair[0].person, pair[0].source, &pair[0].layer)
                    != (&pair[1].person, pair[1].source, &pair[1].layer),
                "unmerged neighbours {:?}", pair
            );
        }
        prop_assert!(whole.iter().all(|s| s.start < s.end));
        // Cut anywhere, the two halves join into the whole.
        // Strictly inside: an empty half is refused like any empty range.
        let inside = ((to - from).num_seconds() - 2) as f64 * cut;
        let mid = from + Duration::seconds(inside as i64 + 1);
        let mut joined = final_schedule(&r, from, mid).unwrap();
        for s in final_schedule(&r, mid, to).unwrap() {
            match joined.last_mut() {
                Some(last) if last.end == s.start
                    && (&last.person, last.source, &last.layer) == (&s.person, s.source, &s.layer) =>
                {
                    last.end = s.end;
                }
                _ => joined.push(s),
            }
        }
        prop_assert_eq!(&joined, &whole);
        // Each entry's person is who `on_call_at` names at its first instant.
        for s in whole.iter().take(6) {
            let at = on_call_at(&r, s.start).unwrap();
            prop_assert_eq!(&at.person, &s.person);
            prop_assert_eq!(&at.layer, &s.layer);
        }
    }
}
