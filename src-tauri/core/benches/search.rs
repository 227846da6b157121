//! Full-text search over 1,000 runbooks of about 3 KB each, as the Runbooks view runs it while
//! the operator types. The target is an answer within 50 ms.
//!
//! `cargo bench -p brownout-core --bench search`

use brownout_core::inventory::demo::demo_inventory;
use brownout_core::inventory::FailureMode;
use brownout_core::runbook::library::{search, sync};
use brownout_core::runbook::RunbookQuery;
use brownout_core::store::Store;
use criterion::{criterion_group, criterion_main, Criterion};

const VENDORS: [&str; 6] = [
    "openai",
    "anthropic",
    "google",
    "azure-openai",
    "aws-bedrock",
    "any",
];
const WORDS: [&str; 16] = [
    "quota",
    "latency",
    "overloaded",
    "retry",
    "fallback",
    "regional",
    "timeout",
    "deployment",
    "tokens",
    "customers",
    "probe",
    "status",
    "traffic",
    "gradual",
    "billing",
    "capacity",
];

fn runbook(i: usize) -> String {
    let vendor = VENDORS[i % VENDORS.len()];
    let mut body = format!(
        "---\nid: rb-{i}\ntitle: Runbook {i} for {vendor}\nvendor: {vendor}\nfailure_modes: [throttled, unavailable, slow]\n---\n# Runbook {i}\n"
    );
    let mut n = i as u64;
    while body.len() < 3000 {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let a = WORDS[(n >> 33) as usize % WORDS.len()];
        let b = WORDS[(n >> 41) as usize % WORDS.len()];
        body.push_str(&format!(
            "\n## Throttled {i}\n\n- [ ] Check the {a} and the {b} on {{{{endpoint:openai-gpt-4o}}}} before moving traffic\n- [ ] Note the {b} in the incident\n"
        ));
    }
    body
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        std::fs::write(dir.path().join(format!("rb-{i:04}.md")), runbook(i)).unwrap();
    }
    let (store, _) = Store::open(&dir.path().join("bench.db")).unwrap();
    let inv = demo_inventory().unwrap();
    let report = sync(&store, dir.path(), &inv).unwrap();
    assert_eq!(report.added.len(), 1000);

    let mut group = c.benchmark_group("search_1000_runbooks");
    for (name, query) in [
        (
            "one_word",
            RunbookQuery {
                text: Some("overloaded".into()),
                ..Default::default()
            },
        ),
        (
            "two_words_prefix",
            RunbookQuery {
                text: Some("quota lat".into()),
                ..Default::default()
            },
        ),
        (
            "word_vendor_mode",
            RunbookQuery {
                text: Some("regional".into()),
                vendor: Some("anthropic".into()),
                failure_mode: Some(FailureMode::Slow),
            },
        ),
        ("list_all", RunbookQuery::default()),
    ] {
        group.bench_function(name, |b| b.iter(|| search(&store, &query).unwrap()));
    }
    group.finish();

    // What opening the view does: re-read and re-check the whole folder.
    c.bench_function("sync_1000_unchanged", |b| {
        b.iter(|| sync(&store, dir.path(), &inv).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
