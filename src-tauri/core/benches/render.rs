//! Parse, render and sanitize a 1 MiB runbook, against bare pulldown-cmark HTML output of the
//! same input with the same options, in the same run.
//!
//! `cargo bench -p brownout-core --bench render`

use std::collections::HashMap;

use brownout_core::health::Health;
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

criterion_group!(benches, bench);
criterion_main!(benches);
