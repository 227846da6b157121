use super::*;
use crate::health::Health;

fn store() -> Store {
    Store::open_in_memory().unwrap().0
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn sample(endpoint: &str, time: &str, reason: Reason, latency_ms: u32) -> Sample {
    Sample {
        endpoint: endpoint.into(),
        at: time.into(),
        reason,
        http_status: Some(200),
        latency_ms,
        first_token_ms: None,
        rate_limit: RateLimit::default(),
        retry_after_s: None,
        error_excerpt: None,
    }
}

/// A new store holding `samples`.
fn store_with(samples: &[Sample]) -> Store {
    let store = store();
    record_all(&store, samples);
    store
}

fn record_all(store: &Store, samples: &[Sample]) {
    record_samples(store, samples).unwrap();
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .read(|c| {
            Ok::<_, StoreError>(
                c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?,
            )
        })
        .unwrap()
}

fn failures(list: &[(Reason, u32)]) -> Vec<ReasonCount> {
    list.iter()
        .map(|&(reason, samples)| ReasonCount { reason, samples })
        .collect()
}

#[test]
fn a_sample_round_trips_with_every_field_newest_first() {
    let store = store();
    let full = Sample {
        endpoint: "gpt".into(),
        at: "2026-11-24T10:00:07.250+01:00".into(),
        reason: Reason::Throttled,
        http_status: Some(429),
        latency_ms: 812,
        first_token_ms: Some(90),
        rate_limit: RateLimit {
            remaining_requests: Some(0),
            remaining_tokens: Some(12_000),
            requests_reset_s: Some(20),
            tokens_reset_s: Some(3),
        },
        retry_after_s: Some(20),
        error_excerpt: Some("Rate limit reached for requests".into()),
    };
    record_all(
        &store,
        &[
            full.clone(),
            sample("gpt", "2026-11-24T09:10:00Z", Reason::Ok, 100),
            sample("gpt", "2026-11-24T08:00:00Z", Reason::Ok, 100),
            sample("claude", "2026-11-24T09:30:00Z", Reason::Ok, 100),
        ],
    );
    let got = recent_samples(&store, "gpt", at("2026-11-24T08:30:00Z"), 10).unwrap();
    let times: Vec<&str> = got.iter().map(|s| s.at.as_str()).collect();
    // Stored in whole seconds, shown in UTC.
    assert_eq!(times, ["2026-11-24T09:10:00Z", "2026-11-24T09:00:07Z"]);
    assert_eq!(
        got[0],
        Sample {
            at: "2026-11-24T09:10:00Z".into(),
            ..sample("gpt", "", Reason::Ok, 100)
        }
    );
    assert_eq!(
        got[1],
        Sample {
            at: "2026-11-24T09:00:07Z".into(),
            ..full
        }
    );
    let limited = recent_samples(&store, "gpt", at("2026-11-24T00:00:00Z"), 1).unwrap();
    assert_eq!(limited.len(), 1);
    assert_eq!(limited[0].at, "2026-11-24T09:10:00Z");
    assert!(
        recent_samples(&store, "gemini", at("2026-11-01T00:00:00Z"), 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_unreadable_time_is_refused_naming_endpoint_and_time() {
    let store = store();
    let err = record_sample(&store, &sample("gpt", "yesterday", Reason::Ok, 1)).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("gpt") && msg.contains("\"yesterday\""),
        "{msg}"
    );
    // One bad time in a sweep records none of it.
    let sweep = [
        sample("claude", "2026-11-24T10:00:00Z", Reason::Ok, 1),
        sample("gemini", "2026-11-24 10:00", Reason::Ok, 1),
    ];
    let msg = record_samples(&store, &sweep).unwrap_err().to_string();
    assert!(
        msg.contains("gemini") && msg.contains("2026-11-24 10:00"),
        "{msg}"
    );
    let change = StateChange {
        endpoint: "gpt".into(),
        from: Health::Unknown,
        to: Health::Healthy,
        reason: Reason::Ok,
        at: "".into(),
    };
    assert!(matches!(
        record_change(&store, &change),
        Err(HistoryError::BadTime { .. })
    ));
    assert_eq!(count(&store, "probe_samples"), 0);
    assert_eq!(count(&store, "probe_state_changes"), 0);
}

/// Nearest-rank percentiles, computed by hand:
/// - 20 latencies 10, 20, …, 200: p50 is rank ⌈0.50·20⌉ = 10 → 100; p95 is rank ⌈0.95·20⌉ = 19
///   → 190; max 200.
/// - 3 latencies 300, 100, 200: p50 is rank ⌈1.5⌉ = 2 → 200; p95 is rank ⌈2.85⌉ = 3 → 300.
/// - 1 latency: it is every percentile.
#[test]
fn finished_hours_are_rolled_up_with_nearest_rank_percentiles() {
    let store = store();
    // 10:00–11:00, shuffled, with failures: 3 throttled, 1 timeout.
    let mut hour = Vec::new();
    for i in 0..20u32 {
        let latency = (i * 7 % 20 + 1) * 10;
        let reason = match i {
            2 | 5 | 11 => Reason::Throttled,
            17 => Reason::Timeout,
            _ => Reason::Ok,
        };
        hour.push(sample(
            "gpt",
            &format!("2026-11-24T10:{:02}:00Z", i * 3),
            reason,
            latency,
        ));
    }
    record_all(&store, &hour);
    record_all(
        &store,
        &[
            sample("gpt", "2026-11-24T11:00:00Z", Reason::Ok, 300),
            sample("gpt", "2026-11-24T11:20:00Z", Reason::Overloaded, 100),
            sample("gpt", "2026-11-24T11:59:59Z", Reason::Ok, 200),
            sample("claude", "2026-11-24T11:30:00Z", Reason::Ok, 42),
            // The hour still running is not rolled up.
            sample("gpt", "2026-11-24T12:00:00Z", Reason::Ok, 5),
        ],
    );
    let pruned = prune(&store, at("2026-11-24T12:30:00Z")).unwrap();
    assert_eq!(
        pruned,
        Pruned {
            hours_rolled_up: 3,
            ..Pruned::default()
        }
    );
    let got = rollups(&store, &["gpt", "claude"], at("2026-11-24T00:00:00Z")).unwrap();
    assert_eq!(
        got,
        vec![
            Rollup {
                endpoint: "gpt".into(),
                hour: "2026-11-24T10:00:00Z".into(),
                samples: 20,
                failures: failures(&[(Reason::Throttled, 3), (Reason::Timeout, 1)]),
                latency_p50_ms: 100,
                latency_p95_ms: 190,
                latency_max_ms: 200,
            },
            Rollup {
                endpoint: "gpt".into(),
                hour: "2026-11-24T11:00:00Z".into(),
                samples: 3,
                failures: failures(&[(Reason::Overloaded, 1)]),
                latency_p50_ms: 200,
                latency_p95_ms: 300,
                latency_max_ms: 300,
            },
            Rollup {
                endpoint: "claude".into(),
                hour: "2026-11-24T11:00:00Z".into(),
                samples: 1,
                failures: vec![],
                latency_p50_ms: 42,
                latency_p95_ms: 42,
                latency_max_ms: 42,
            },
        ]
    );
    // Samples younger than 7 days stay.
    assert_eq!(count(&store, "probe_samples"), 25);
    // `since` inside an hour includes that hour; other endpoints are left out.
    let since = rollups(&store, &["gpt"], at("2026-11-24T11:15:00Z")).unwrap();
    assert_eq!(since.len(), 1);
    assert_eq!(since[0].hour, "2026-11-24T11:00:00Z");

    // Nothing new: nothing rolled up again, nothing changed.
    assert_eq!(
        prune(&store, at("2026-11-24T12:40:00Z")).unwrap(),
        Pruned::default()
    );
    assert_eq!(
        rollups(&store, &["gpt", "claude"], at("2026-11-24T00:00:00Z")).unwrap(),
        got
    );
}

#[test]
fn a_late_sample_for_a_held_hour_recomputes_it_exactly() {
    let now = at("2026-11-24T12:00:00Z");
    let store = store_with(&[
        sample("gpt", "2026-11-24T10:00:00Z", Reason::Ok, 100),
        sample("gpt", "2026-11-24T10:10:00Z", Reason::Ok, 300),
    ]);
    prune(&store, now).unwrap();
    let late = sample("gpt", "2026-11-24T10:20:00Z", Reason::Slow, 200);
    record_sample(&store, &late).unwrap();
    let pruned = prune(&store, now).unwrap();
    assert_eq!(pruned.hours_rolled_up, 1);
    let got = rollups(&store, &["gpt"], at("2026-11-24T00:00:00Z")).unwrap();
    // 100, 200, 300: p50 rank 2 → 200, p95 rank 3 → 300.
    assert_eq!(
        (got[0].samples, got[0].latency_p50_ms, got[0].latency_p95_ms),
        (3, 200, 300)
    );
    assert_eq!(got[0].failures, failures(&[(Reason::Slow, 1)]));
}

/// gpt's rollup of 03:00 on 10 November, with the given latencies and no samples yet.
fn hour_three(latency_p50_ms: u32, latency_p95_ms: u32, latency_max_ms: u32) -> Rollup {
    Rollup {
        endpoint: "gpt".into(),
        hour: "2026-11-10T03:00:00Z".into(),
        samples: 0,
        failures: Vec::new(),
        latency_p50_ms,
        latency_p95_ms,
        latency_max_ms,
    }
}

#[test]
fn old_samples_are_rolled_up_before_they_are_deleted() {
    let store = store_with(&[
        sample("gpt", "2026-11-10T03:05:00Z", Reason::Ok, 400),
        sample("gpt", "2026-11-10T03:15:00Z", Reason::Throttled, 900),
        sample("gpt", "2026-11-10T03:25:00Z", Reason::Ok, 100),
        sample("gpt", "2026-11-10T03:35:00Z", Reason::Ok, 200),
        // Exactly 7 days before `now`: kept.
        sample("gpt", "2026-11-17T12:00:00Z", Reason::Ok, 50),
    ]);
    let now = at("2026-11-24T12:00:00Z");
    let pruned = prune(&store, now).unwrap();
    assert_eq!((pruned.hours_rolled_up, pruned.samples_deleted), (2, 4));
    let left = recent_samples(&store, "gpt", at("2026-01-01T00:00:00Z"), 10).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].at, "2026-11-17T12:00:00Z");
    let got = rollups(&store, &["gpt"], at("2026-11-01T00:00:00Z")).unwrap();
    // 100, 200, 400, 900: p50 rank ⌈2⌉ = 2 → 200; p95 rank ⌈3.8⌉ = 4 → 900.
    let want = Rollup {
        samples: 4,
        failures: failures(&[(Reason::Throttled, 1)]),
        ..hour_three(200, 900, 900)
    };
    assert_eq!(got[0], want);

    // A late sample for that hour, whose samples are gone: added to the counts and the
    // maximum; the percentiles keep the values measured from the full hour.
    let late = sample("gpt", "2026-11-10T03:50:00Z", Reason::Timeout, 10_000);
    record_sample(&store, &late).unwrap();
    prune(&store, now).unwrap();
    let got = rollups(&store, &["gpt"], at("2026-11-01T00:00:00Z")).unwrap();
    let want = Rollup {
        samples: 5,
        failures: failures(&[(Reason::Throttled, 1), (Reason::Timeout, 1)]),
        ..hour_three(200, 900, 10_000)
    };
    assert_eq!(got[0], want);
    assert_eq!(count(&store, "probe_samples"), 1);
}

#[test]
fn rollups_go_after_90_days_with_their_failures() {
    let store = store_with(&[
        // Its hour ends exactly 90 days before `now`: deleted.
        sample("gpt", "2026-08-26T11:30:00Z", Reason::Throttled, 100),
        // Its hour ends after that: kept.
        sample("gpt", "2026-08-26T12:30:00Z", Reason::Throttled, 100),
    ]);
    prune(&store, at("2026-09-01T00:00:00Z")).unwrap();
    assert_eq!(count(&store, "probe_rollups"), 2);
    assert_eq!(count(&store, "probe_rollup_failures"), 2);
    let pruned = prune(&store, at("2026-11-24T12:00:00Z")).unwrap();
    assert_eq!(pruned.rollups_deleted, 1);
    let left = rollups(&store, &["gpt"], at("2026-01-01T00:00:00Z")).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].hour, "2026-08-26T12:00:00Z");
    assert_eq!(count(&store, "probe_rollup_failures"), 1);
}

fn change(endpoint: &str, time: &str, to: Health, reason: Reason) -> StateChange {
    StateChange {
        endpoint: endpoint.into(),
        from: Health::Healthy,
        to,
        reason,
        at: time.into(),
    }
}

#[test]
fn the_last_state_change_is_found_and_kept_past_90_days() {
    let store = store();
    assert_eq!(last_change(&store, "gpt").unwrap(), None);
    let changes = [
        change(
            "gpt",
            "2026-08-01T10:00:00Z",
            Health::Degraded,
            Reason::Throttled,
        ),
        change("gpt", "2026-08-01T10:05:00Z", Health::Down, Reason::Timeout),
        change(
            "claude",
            "2026-08-01T09:00:00Z",
            Health::Degraded,
            Reason::Slow,
        ),
        change(
            "claude",
            "2026-11-20T09:00:00Z",
            Health::Healthy,
            Reason::Ok,
        ),
    ];
    for c in &changes {
        record_change(&store, c).unwrap();
    }
    let each_last_change_is_kept = || {
        let last = |endpoint| last_change(&store, endpoint).unwrap();
        assert_eq!(last("gpt").as_ref(), Some(&changes[1]));
        assert_eq!(last("claude").as_ref(), Some(&changes[3]));
    };
    each_last_change_is_kept();
    assert_eq!(
        changes_since(&store, at("2026-08-01T10:00:00Z")).unwrap(),
        vec![changes[0].clone(), changes[1].clone(), changes[3].clone()]
    );
    let pruned = prune(&store, at("2026-11-24T12:00:00Z")).unwrap();
    // gpt's older change and claude's old one go; gpt's last stays although it is old.
    assert_eq!(pruned.changes_deleted, 2);
    assert_eq!(count(&store, "probe_state_changes"), 2);
    each_last_change_is_kept();
}

#[test]
fn the_heatmap_folds_hours_by_weekday_in_the_zone_shown() {
    let rollup = |hour: &str, samples, throttled, timeouts, p95| Rollup {
        endpoint: "gpt".into(),
        hour: hour.into(),
        samples,
        failures: [(Reason::Throttled, throttled), (Reason::Timeout, timeouts)]
            .into_iter()
            .filter(|f| f.1 > 0)
            .map(|(reason, samples)| ReasonCount { reason, samples })
            .collect(),
        latency_p50_ms: 0,
        latency_p95_ms: p95,
        latency_max_ms: 0,
    };
    let rollups = [
        // Two Tuesdays at 14:00 UTC, and a Tuesday 23:00 UTC.
        rollup("2026-11-17T14:00:00Z", 60, 6, 0, 100),
        rollup("2026-11-24T14:00:00Z", 20, 2, 1, 500),
        rollup("2026-11-24T23:00:00Z", 10, 0, 0, 70),
    ];
    let utc = heatmap(&rollups, &Utc);
    assert_eq!(
        utc,
        vec![
            HeatCell {
                weekday: 1,
                hour: 14,
                samples: 80,
                throttled: 8,
                failures: 9,
                // (100·60 + 500·20) / 80
                latency_p95_ms: 200,
            },
            HeatCell {
                weekday: 1,
                hour: 23,
                samples: 10,
                throttled: 0,
                failures: 0,
                latency_p95_ms: 70,
            },
        ]
    );
    // In Berlin (UTC+1 in November) they are Tuesday 15:00 and Wednesday 00:00.
    let berlin = heatmap(&rollups, &chrono_tz::Europe::Berlin);
    let cells: Vec<(u8, u8, u32)> = berlin
        .iter()
        .map(|c| (c.weekday, c.hour, c.samples))
        .collect();
    assert_eq!(cells, vec![(1, 15, 80), (2, 0, 10)]);
}

/// A sweep on a read-only copy records its history in memory; the file stays as it was.
#[test]
fn a_read_only_copy_records_history_in_memory_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    drop(Store::open(&path).unwrap());
    let before = std::fs::read(&path).unwrap();
    let (ro, _) = Store::open_with(
        &path,
        &crate::store::OpenOptions {
            read_only: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(ro.is_read_only());
    record_all(
        &ro,
        &[
            sample("gpt", "2026-11-24T10:00:00Z", Reason::Ok, 100),
            sample("gpt", "2026-11-10T10:00:00Z", Reason::Timeout, 100),
        ],
    );
    record_change(
        &ro,
        &change("gpt", "2026-11-24T10:00:00Z", Health::Down, Reason::Timeout),
    )
    .unwrap();
    let pruned = prune(&ro, at("2026-11-24T12:00:00Z")).unwrap();
    assert_eq!((pruned.hours_rolled_up, pruned.samples_deleted), (2, 1));
    assert_eq!(count(&ro, "probe_rollup_failures"), 1);
    assert_eq!(
        recent_samples(&ro, "gpt", at("2026-11-01T00:00:00Z"), 9)
            .unwrap()
            .len(),
        1
    );
    drop(ro);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "nothing written to disk"
    );
}

/// Every statement that ranges over the history searches an index: the work of pruning and of
/// the board's queries follows what they touch, not the size of the tables.
#[test]
fn history_statements_search_indexes() {
    let store = store();
    let statements = [
        ("HOUR_SAMPLES", sql::HOUR_SAMPLES),
        ("HOURS_TO_ROLL_UP", sql::HOURS_TO_ROLL_UP),
        ("MARK_ROLLED_UP", sql::MARK_ROLLED_UP),
        ("DELETE_OLD_SAMPLES", sql::DELETE_OLD_SAMPLES),
        ("DELETE_OLD_ROLLUPS", sql::DELETE_OLD_ROLLUPS),
        ("DELETE_OLD_CHANGES", sql::DELETE_OLD_CHANGES),
        ("RECENT_SAMPLES", sql::RECENT_SAMPLES),
        ("ROLLUP_HOURS", sql::ROLLUP_HOURS),
        ("LAST_CHANGE", sql::LAST_CHANGE),
        ("CHANGES_SINCE", sql::CHANGES_SINCE),
        ("COUNTS_SINCE", sql::COUNTS_SINCE),
    ];
    store
        .read(|c| {
            for (name, statement) in statements {
                let mut plan = c.prepare(&format!("EXPLAIN QUERY PLAN {statement}"))?;
                let n = plan.parameter_count();
                let args: Vec<i64> = vec![0; n];
                let details: Vec<String> = plan
                    .query_map(rusqlite::params_from_iter(args), |r| r.get(3))?
                    .collect::<Result<_, _>>()?;
                for d in &details {
                    // Pruning keeps each endpoint's last change, found in one walk of the
                    // endpoint index; state changes are few (one per change of health).
                    let walks_an_index = d.contains("USING COVERING INDEX");
                    assert!(
                        !d.starts_with("SCAN") || walks_an_index,
                        "{name} scans a table: {details:?}"
                    );
                }
                assert!(
                    details
                        .iter()
                        .any(|d| d.contains("INDEX") || d.contains("PRIMARY KEY")),
                    "{name} uses no index: {details:?}"
                );
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn counts_since_counts_each_endpoints_samples_and_healthy_ones_from_a_time_on() {
    let store = store_with(&[
        sample("gpt", "2026-11-24T09:00:00Z", Reason::Ok, 100),
        sample("gpt", "2026-11-24T10:00:00Z", Reason::Ok, 100),
        sample("gpt", "2026-11-24T10:01:00Z", Reason::Throttled, 100),
        sample("claude", "2026-11-24T10:02:00Z", Reason::Timeout, 100),
    ]);
    let counts = counts_since(&store, at("2026-11-24T10:00:00Z")).unwrap();
    assert_eq!(counts.len(), 2);
    assert_eq!(
        counts["gpt"],
        SampleCounts {
            samples: 2,
            healthy: 1
        }
    );
    assert_eq!(
        counts["claude"],
        SampleCounts {
            samples: 1,
            healthy: 0
        }
    );
}
