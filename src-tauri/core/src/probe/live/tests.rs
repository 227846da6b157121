use super::*;

fn sample(reason: Reason, i: u32) -> Sample {
    Sample {
        endpoint: "gpt".into(),
        at: format!("2026-11-24T10:{:02}:{:02}Z", i / 60, i % 60),
        reason,
        http_status: None,
        latency_ms: 100,
        first_token_ms: None,
        rate_limit: Default::default(),
        retry_after_s: None,
        error_excerpt: None,
    }
}

fn config(failures_to_down: u32, successes_to_up: u32) -> ProbeConfig {
    ProbeConfig {
        failures_to_down,
        successes_to_up,
        ..ProbeConfig::default()
    }
}

/// Feeds `reasons` in order; returns each sample's change as (to, reason) and the final state.
fn run(state: &mut LiveState, reasons: &[Reason]) -> Vec<Option<(Health, Reason)>> {
    reasons
        .iter()
        .enumerate()
        .map(|(i, r)| {
            state
                .observe(&sample(*r, i as u32))
                .map(|c| (c.to, c.reason))
        })
        .collect()
}

/// The samples that changed the state, by position, with the state and reason they changed to;
/// every other sample changed nothing.
fn changed_at(changes: &[Option<(Health, Reason)>]) -> Vec<(usize, Health, Reason)> {
    changes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|(to, reason)| (i, to, reason)))
        .collect()
}

use Reason::{ConnectionReset, Ok as Good, Overloaded, Throttled, Timeout};

#[test]
fn starts_unknown_and_the_first_sample_sets_the_state_directly() {
    for (reason, health) in [
        (Good, Health::Healthy),
        (Throttled, Health::Degraded),
        (Timeout, Health::Down),
    ] {
        let mut s = LiveState::new(&config(3, 2));
        assert_eq!(s.health(), Health::Unknown);
        let change = s.observe(&sample(reason, 7)).unwrap();
        assert_eq!(
            change,
            StateChange {
                endpoint: "gpt".into(),
                from: Health::Unknown,
                to: health,
                reason,
                at: "2026-11-24T10:00:07Z".into(),
            }
        );
        assert_eq!((s.health(), s.reason()), (health, reason));
    }
}

#[test]
fn a_not_probed_sample_changes_nothing() {
    let mut s = LiveState::new(&config(3, 2));
    assert_eq!(run(&mut s, &[Reason::NotProbed]), vec![None]);
    assert_eq!(s.health(), Health::Unknown);
    run(&mut s, &[Good, Reason::NotProbed]);
    assert_eq!(s.health(), Health::Healthy);
}

#[test]
fn first_bad_sample_degrades_with_its_reason_and_down_needs_consecutive_failures() {
    let mut s = LiveState::new(&config(3, 2));
    let changes = run(&mut s, &[Good, Timeout, Timeout, Timeout, Timeout]);
    assert_eq!(changes.len(), 5);
    let expected = [
        (0, Health::Healthy, Good),
        (1, Health::Degraded, Timeout),
        (3, Health::Down, Timeout),
    ];
    assert_eq!(changed_at(&changes), expected);
}

#[test]
fn a_degraded_sample_breaks_the_run_of_down_samples() {
    let mut s = LiveState::new(&config(3, 2));
    let changes = run(
        &mut s,
        &[Good, Timeout, Timeout, Throttled, Timeout, Timeout],
    );
    assert!(changes[2..].iter().all(Option::is_none), "{changes:?}");
    assert_eq!((s.health(), s.reason()), (Health::Degraded, Timeout));
    assert_eq!(
        s.observe(&sample(ConnectionReset, 9)).map(|c| c.to),
        Some(Health::Down)
    );
}

#[test]
fn back_to_healthy_only_after_consecutive_successes() {
    let mut s = LiveState::new(&config(2, 3));
    let changes = run(
        &mut s,
        &[Timeout, Good, Good, Timeout, Good, Good, Good, Good],
    );
    assert_eq!(changes.len(), 8);
    let expected = [(0, Health::Down, Timeout), (6, Health::Healthy, Good)];
    assert_eq!(changed_at(&changes), expected);
    assert_eq!(s.reason(), Good);
}

#[test]
fn out_of_down_through_degraded_samples_needs_as_many_not_down() {
    let mut s = LiveState::new(&config(3, 2));
    let changes = run(
        &mut s,
        &[Timeout, Throttled, Timeout, Throttled, Overloaded],
    );
    assert_eq!(changes.len(), 5);
    let expected = [
        (0, Health::Down, Timeout),
        (4, Health::Degraded, Overloaded),
    ];
    assert_eq!(changed_at(&changes), expected);
    // While down, the reason stays the down one.
    let mut s = LiveState::new(&config(3, 2));
    run(&mut s, &[Timeout, Throttled]);
    assert_eq!((s.health(), s.reason()), (Health::Down, Timeout));
}

#[test]
fn a_new_reason_in_the_same_state_is_kept_without_a_change() {
    let mut s = LiveState::new(&config(3, 2));
    let changes = run(&mut s, &[Throttled, Overloaded]);
    assert_eq!(changes[1], None);
    assert_eq!((s.health(), s.reason()), (Health::Degraded, Overloaded));
    // A healthy sample short of the threshold leaves the degraded reason.
    run(&mut s, &[Good]);
    assert_eq!((s.health(), s.reason()), (Health::Degraded, Overloaded));
}

#[test]
fn alternating_samples_do_not_flap() {
    let pairs = [
        (Good, Timeout),
        (Good, Throttled),
        (Timeout, Throttled),
        (Timeout, Good),
    ];
    for (a, b) in pairs {
        let mut s = LiveState::new(&config(3, 2));
        let reasons: Vec<Reason> = (0..40).map(|i| if i % 2 == 0 { a } else { b }).collect();
        let changes: Vec<_> = run(&mut s, &reasons).into_iter().flatten().collect();
        assert!(
            changes.len() <= 2,
            "{a}/{b} alternating changed state {} times: {changes:?}",
            changes.len()
        );
        // After the settling changes the state holds.
        let last = s.health();
        let more = run(&mut s, &reasons);
        assert!(more.iter().all(Option::is_none), "{a}/{b}: {more:?}");
        assert_eq!(s.health(), last);
    }
}

#[test]
fn thresholds_of_one_follow_every_sample_and_zero_counts_as_one() {
    for n in [0, 1] {
        let mut s = LiveState::new(&config(n, n));
        let changes = run(&mut s, &[Good, Timeout, Good, Throttled, Timeout]);
        assert_eq!(
            changes,
            vec![
                Some((Health::Healthy, Good)),
                Some((Health::Down, Timeout)),
                Some((Health::Healthy, Good)),
                Some((Health::Degraded, Throttled)),
                Some((Health::Down, Timeout)),
            ]
        );
    }
}

#[test]
fn new_thresholds_keep_the_state_and_the_runs_so_far() {
    let mut s = LiveState::new(&config(5, 5));
    run(&mut s, &[Good, Timeout]);
    s.reconfigure(&config(2, 2));
    assert_eq!(s.health(), Health::Degraded);
    assert_eq!(
        s.observe(&sample(Timeout, 9)).map(|c| c.to),
        Some(Health::Down),
        "the earlier timeout counts towards the new threshold"
    );
}
