//! Parse, render and sanitize a 1 MiB runbook, against bare pulldown-cmark HTML output of the
//! same input with the same options, in the same run; then `check` and `render` over 1, 4 and
//! 16 MB of ordinary runbook text, of `a&amp;` repeated and of `a\*` repeated, to show that
//! both grow linearly with the input (16 MB should take about 16 times as long as 1 MB).
//!
//! `cargo bench -p brownout-core --bench render`
//! (`-- linear` for the second part only)

use std::collections::HashMap;

use brownout_core::health::Health;
use brownout_core::inventory::demo::demo_inventory;
use brownout_core::runbook::check_source;
use brownout_core::runbook::render::{markdown_options, render_document, RenderOptions};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn one_mib_runbook() -> String {
    let section = "## Throttled (429s) {n}\n\n\
        Confirm with the [status page](https://status.openai.com) and the probes.\n\n\
        - [ ] Check the error rate on {{endpoint:openai-gpt-4o}} for **429** responses\n\
        - [ ] Shift traffic to {{endpoint:anthropic-haiku}} {{if-healthy:anthropic-haiku}}\n\
        - [x] Post the customer message in the status channel {#post-message}\n\n\
        | Signal | Threshold | Action |\n|---|---|---|\n| 429 rate | > 5% | shift |\n| p95 | > SLO | warn |\n\n\
        ```sh\ncurl -s https://api.example.com/health | jq .\n```\n\n\
        > Raw <b>html</b> like <script>alert(1)</script> is shown as text.\n\n";
    let mut out = String::from("---\nid: bench\ntitle: Bench\n---\n# Big runbook\n\n");
    let mut n = 0;
    while out.len() < 1 << 20 {
        out.push_str(&section.replace("{n}", &n.to_string()));
        n += 1;
    }
    out
}

const MB: usize = 1_000_000;

const FRONT: &str =
    "---\nid: bench\ntitle: Bench\nvendor: openai\nfailure_modes: [throttled]\n---\n# Big runbook\n\n";

/// `unit` repeated after a valid front matter until the file is `size` bytes or a little more.
fn repeated(unit: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + unit.len());
    out.push_str(FRONT);
    while out.len() < size {
        out.push_str(unit);
    }
    out
}

fn ordinary(size: usize) -> String {
    let one = one_mib_runbook();
    let body = &one[one.find("# Big runbook").unwrap_or(0)..];
    let mut out = String::from(FRONT);
    while out.len() < size {
        out.push_str(body);
    }
    out
}

/// Makes an input of about the given size.
type Shape = fn(usize) -> String;

/// Check and render over growing inputs of three shapes.
fn linear(c: &mut Criterion) {
    let inv = demo_inventory().unwrap();
    let health = HashMap::from([("openai-gpt-4o".to_string(), Health::Down)]);
    let opts = RenderOptions {
        asset_folder: Some(""),
        health: &health,
    };
    let shapes: [(&str, Shape); 3] = [
        ("ordinary", ordinary),
        ("amp_entity", |n| repeated("a&amp;", n)),
        ("escaped_star", |n| repeated("a\\*", n)),
    ];
    for (shape, make) in shapes {
        let mut group = c.benchmark_group(format!("linear_{shape}"));
        group.sample_size(10);
        group.warm_up_time(std::time::Duration::from_millis(500));
        for mb in [1, 4, 16] {
            let input = make(mb * MB);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_function(format!("check_{mb}mb"), |b| {
                b.iter(|| check_source("bench.md", std::hint::black_box(&input), &inv))
            });
            group.bench_function(format!("render_{mb}mb"), |b| {
                b.iter(|| render_document(std::hint::black_box(&input), &opts))
            });
            // The control: the markdown parser alone over the same input, so growth that
            // comes from the parser (and the memory its event tree takes) shows as such.
            group.bench_function(format!("parser_alone_{mb}mb"), |b| {
                b.iter(|| {
                    pulldown_cmark::Parser::new_ext(
                        std::hint::black_box(&input),
                        markdown_options(),
                    )
                    .count()
                })
            });
        }
        group.finish();
    }
}

fn bench(c: &mut Criterion) {
    let input = one_mib_runbook();
    let health = HashMap::from([
        ("openai-gpt-4o".to_string(), Health::Down),
        ("anthropic-haiku".to_string(), Health::Healthy),
    ]);
    let opts = RenderOptions {
        asset_folder: Some(""),
        health: &health,
    };
    let mut group = c.benchmark_group("render_1mib");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(20);
    group.bench_function("brownout_render_sanitize", |b| {
        b.iter(|| render_document(std::hint::black_box(&input), &opts))
    });
    group.bench_function("bare_pulldown_cmark", |b| {
        b.iter(|| {
            let mut html = String::new();
            let parser =
                pulldown_cmark::Parser::new_ext(std::hint::black_box(&input), markdown_options());
            pulldown_cmark::html::push_html(&mut html, parser);
            html
        })
    });
    group.finish();
}

criterion_group!(benches, bench, linear);
criterion_main!(benches);
