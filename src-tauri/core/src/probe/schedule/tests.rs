use super::*;

fn t0() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn secs(s: i64) -> Duration {
    Duration::seconds(s)
}

/// The next probe after `t0` when the random source always answers `draw`.
fn next_with(interval: u32, draw: u64) -> DateTime<Utc> {
    next_probe(t0(), interval, None, &mut Fixed(draw))
}

/// Always answers the same number.
struct Fixed(u64);

impl RandomSource for Fixed {
    fn next_u64(&mut self) -> u64 {
        self.0
    }
}

#[test]
fn the_next_probe_is_one_interval_later_within_ten_percent() {
    let mut random = SplitMix64::new(7);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..1000 {
        let next = next_probe(t0(), 60, None, &mut random);
        let ms = (next - t0()).num_milliseconds();
        assert!((54_000..=66_000).contains(&ms), "{ms} ms");
        seen.insert(ms);
    }
    assert!(
        seen.len() > 100,
        "jitter spreads probes: {} times",
        seen.len()
    );
    // The bounds themselves, from a source that answers its extremes.
    assert_eq!(next_with(60, 0), t0() + secs(54));
    assert_eq!(next_with(60, 12_000), t0() + secs(66));
}

#[test]
fn the_same_seed_gives_the_same_times() {
    let times = |seed| {
        let mut random = SplitMix64::new(seed);
        (0..20)
            .map(|_| next_probe(t0(), 30, None, &mut random))
            .collect::<Vec<_>>()
    };
    assert_eq!(times(42), times(42));
    assert_ne!(times(42), times(43));
}

#[test]
fn an_interval_below_the_minimum_is_the_minimum() {
    assert_eq!(next_with(1, 0), t0() + secs(9));
    assert_eq!(next_with(0, 2_000), t0() + secs(11));
}

#[test]
fn retry_after_holds_the_next_probe_back_up_to_ten_minutes() {
    // Longer than the interval: the Retry-After decides, whatever the jitter.
    for seed in 0..50 {
        let next = next_probe(t0(), 60, Some(300), &mut SplitMix64::new(seed));
        assert_eq!(next, t0() + secs(300));
    }
    // Capped at 10 minutes.
    assert_eq!(
        next_probe(t0(), 60, Some(86_400), &mut Fixed(0)),
        t0() + secs(600)
    );
    assert_eq!(
        next_probe(t0(), 60, Some(u32::MAX), &mut Fixed(0)),
        t0() + secs(600)
    );
    // Shorter than the interval: the interval decides.
    assert_eq!(
        next_probe(t0(), 60, Some(5), &mut Fixed(0)),
        t0() + secs(54)
    );
    // An interval longer than the cap is still kept.
    assert_eq!(
        next_probe(t0(), 3600, Some(86_400), &mut Fixed(0)),
        t0() + secs(3240)
    );
}

#[test]
fn endpoints_start_spread_over_the_first_tenth_of_an_interval() {
    let mut schedule = Schedule::seeded(1);
    for i in 0..1000 {
        schedule.insert(&format!("e{i}"), 60, t0());
    }
    assert_eq!(schedule.len(), 1000);
    let first = schedule.next_due().unwrap();
    assert!(first >= t0());
    assert!(schedule.take_due(t0() - secs(1)).is_empty());
    let mut taken = 0;
    let mut batches = 0;
    for s in 0..=6 {
        let due = schedule.take_due(t0() + secs(s));
        taken += due.len();
        batches += usize::from(!due.is_empty());
    }
    assert_eq!(taken, 1000, "all due within 6 s of being added");
    assert!(batches >= 5, "spread over the first seconds, not one burst");
}

#[test]
fn due_endpoints_are_taken_once_until_their_probe_completes() {
    let mut schedule = Schedule::with_random(Fixed(0));
    schedule.insert("a", 60, t0());
    schedule.insert("b", 120, t0() + secs(1));
    assert_eq!(schedule.due_at("a"), Some(t0()));
    assert_eq!(schedule.take_due(t0() + secs(1)), vec!["a", "b"]);
    // Running: not due again, however late it gets.
    assert!(schedule.take_due(t0() + secs(3600)).is_empty());
    assert_eq!(schedule.due_at("a"), None);
    assert_eq!(schedule.next_due(), None);

    assert_eq!(schedule.completed("a", t0(), None), Some(t0() + secs(54)));
    assert_eq!(
        schedule.completed("b", t0() + secs(1), None),
        Some(t0() + secs(109))
    );
    assert_eq!(schedule.next_due(), Some(t0() + secs(54)));
    assert!(schedule.take_due(t0() + secs(53)).is_empty());
    assert_eq!(schedule.take_due(t0() + secs(54)), vec!["a"]);
    assert_eq!(schedule.completed("unknown", t0(), None), None);
}

#[test]
fn a_throttled_endpoint_is_not_probed_before_its_retry_after() {
    let mut schedule = Schedule::seeded(9);
    schedule.insert("gpt", 10, t0());
    schedule.insert("claude", 10, t0());
    assert_eq!(schedule.take_due(t0() + secs(1)).len(), 2);
    schedule.completed("gpt", t0() + secs(1), Some(120));
    schedule.completed("claude", t0() + secs(1), None);
    let mut probed_gpt_at = None;
    for s in 2..=200 {
        let now = t0() + secs(s);
        for endpoint in schedule.take_due(now) {
            if endpoint == "gpt" && probed_gpt_at.is_none() {
                probed_gpt_at = Some(s);
            }
            schedule.completed(&endpoint, now, None);
        }
    }
    assert_eq!(probed_gpt_at, Some(121));
}

#[test]
fn a_new_interval_applies_from_the_next_probe_and_a_running_probe_stays_running() {
    let mut schedule = Schedule::with_random(Fixed(0));
    schedule.insert("a", 60, t0());
    schedule.insert("a", 600, t0() + secs(30));
    assert_eq!(schedule.len(), 1);
    assert_eq!(schedule.due_at("a"), Some(t0()), "the due time stays");
    assert_eq!(schedule.take_due(t0()), vec!["a"]);
    // Changed while running: still not due until it completes.
    schedule.insert("a", 30, t0() + secs(1));
    assert!(schedule.take_due(t0() + secs(3600)).is_empty());
    assert_eq!(schedule.completed("a", t0(), None), Some(t0() + secs(27)));
}

#[test]
fn a_removed_endpoint_is_no_longer_due() {
    let mut schedule = Schedule::with_random(Fixed(0));
    schedule.insert("a", 60, t0());
    schedule.insert("b", 60, t0());
    schedule.remove("a");
    assert_eq!(schedule.len(), 1);
    assert_eq!(schedule.take_due(t0()), vec!["b"]);
    // Removed while running: its completion schedules nothing.
    schedule.remove("b");
    assert!(schedule.is_empty());
    assert_eq!(schedule.completed("b", t0(), None), None);
    assert_eq!(schedule.next_due(), None);
}
