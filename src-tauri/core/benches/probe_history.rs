//! The probe history's write and prune costs: one sweep of 1,000 samples recorded in one
//! transaction, and a prune that rolls up a day (then two days) of samples of 50 endpoints
//! probed every minute. Pruning should cost about twice as much for twice the samples.
//!
//! `cargo bench -p brownout-core --bench probe_history`

use brownout_core::probe::history::{prune, record_samples};
use brownout_core::probe::{RateLimit, Reason, Sample};
use brownout_core::store::Store;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

const ENDPOINTS: usize = 50;

fn start() -> DateTime<Utc> {
    "2026-11-20T00:00:00Z".parse().unwrap()
}

fn sample(endpoint: usize, at: DateTime<Utc>, i: usize) -> Sample {
    Sample {
        endpoint: format!("endpoint-{endpoint}"),
        at: at.to_rfc3339_opts(SecondsFormat::Secs, true),
        reason: match i % 17 {
            0 => Reason::Throttled,
            1 => Reason::Timeout,
            _ => Reason::Ok,
        },
        http_status: Some(200),
        latency_ms: ((i * 7919) % 3000) as u32 + 50,
        first_token_ms: None,
        rate_limit: RateLimit::default(),
        retry_after_s: None,
        error_excerpt: None,
    }
}

/// A store holding `hours` of samples, one a minute, for each endpoint.
fn history(hours: usize) -> Store {
    let (store, _) = Store::open_in_memory().unwrap();
    for minute in 0..hours * 60 {
        let at = start() + Duration::minutes(minute as i64);
        let sweep: Vec<Sample> = (0..ENDPOINTS).map(|e| sample(e, at, minute + e)).collect();
        record_samples(&store, &sweep).unwrap();
    }
    store
}

fn bench(c: &mut Criterion) {
    let (store, _) = Store::open_in_memory().unwrap();
    let sweep: Vec<Sample> = (0..1000).map(|e| sample(e, start(), e)).collect();
    c.bench_function("record one sweep of 1,000 samples", |b| {
        b.iter(|| record_samples(&store, &sweep).unwrap())
    });

    let mut group = c.benchmark_group("prune");
    for hours in [24, 48] {
        let now = start() + Duration::hours(hours as i64);
        group.bench_function(format!("roll up {hours} h of {ENDPOINTS} endpoints"), |b| {
            b.iter_batched(
                || history(hours),
                |store| prune(&store, now).unwrap(),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
