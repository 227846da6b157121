//! Reading an inventory file: the nesting pre-scan and the whole parse grow linearly with the
//! file, and a deeply nested file is refused at once, where the YAML parser alone slows down
//! with the square of the nesting (shown on small inputs, for comparison).
//!
//! `cargo bench -p brownout-core --bench inventory_file`

use brownout_core::inventory::demo::demo_inventory;
use brownout_core::inventory::file::{parse, to_text, Format};
use brownout_core::inventory::{Inventory, Workflow};
use brownout_core::yaml::{self, nesting_depth, Limits};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// A valid inventory file of about `bytes`: the demo with its workflows repeated.
fn inventory_text(bytes: usize) -> String {
    let demo = demo_inventory().unwrap();
    let base = to_text(&demo, Format::Yaml).unwrap().len();
    let per_copy = demo
        .workflows
        .iter()
        .map(|w| {
            to_text(
                &Inventory {
                    workflows: vec![w.clone()],
                    ..Inventory::default()
                },
                Format::Yaml,
            )
            .unwrap()
            .len()
        })
        .sum::<usize>();
    let copies = bytes.saturating_sub(base) / per_copy + 1;
    let workflows = (0..copies)
        .flat_map(|i| {
            demo.workflows.iter().map(move |w| Workflow {
                id: format!("{}-{i}", w.id),
                ..w.clone()
            })
        })
        .collect();
    to_text(
        &Inventory {
            workflows,
            ..demo.clone()
        },
        Format::Yaml,
    )
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("inventory_file");
    g.sample_size(10);
    for mib in [1usize, 4] {
        let text = inventory_text(mib * 1024 * 1024 - 64 * 1024);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("nesting_scan", mib), &text, |b, t| {
            b.iter(|| nesting_depth(t))
        });
        g.bench_with_input(
            BenchmarkId::new("parse_and_validate", mib),
            &text,
            |b, t| b.iter(|| parse("bench.yaml", t, Format::Yaml).unwrap()),
        );
    }
    let deep = "[".repeat(400 * 1024);
    g.throughput(Throughput::Bytes(deep.len() as u64));
    g.bench_function("deep_400k_refused", |b| {
        b.iter(|| yaml::from_str::<serde_yaml_ng::Value>(&deep, Limits::DEFAULT).unwrap_err())
    });
    for kib in [4usize, 8, 16] {
        let deep = "[".repeat(kib * 1024);
        g.throughput(Throughput::Bytes(deep.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("deep_unbounded_parser", kib),
            &deep,
            |b, t| b.iter(|| serde_yaml_ng::from_str::<serde_yaml_ng::Value>(t).unwrap_err()),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
