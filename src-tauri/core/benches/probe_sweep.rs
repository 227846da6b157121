//! One sweep of 1,000 endpoints against a local keep-alive server (50 ports, so the per-host
//! limit of one still leaves room for the global limit of 16), beside a bare reqwest loop
//! making the same requests at the same global concurrency, in the same run. Prints the peak
//! resident memory of the process after each.

use std::net::SocketAddr;
use std::sync::Arc;

use brownout_core::inventory::{ApiStyle, Endpoint};
use brownout_core::probe::http::{Network, Prober};
use brownout_core::probe::request::EnvSecrets;
use brownout_core::probe::runner::{self, Limits, Target};
use brownout_core::probe::{Outcome, ProbeConfig};
use criterion::{criterion_group, criterion_main, Criterion};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::runtime::Runtime;
use tokio::sync::Semaphore;

const ENDPOINTS: usize = 1000;
const PORTS: usize = 50;
const CONCURRENCY: usize = 16;

async fn serve_keep_alive(listener: TcpListener) {
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(async move {
            let mut buf = vec![0u8; 8192];
            let mut head = Vec::new();
            loop {
                let Ok(n) = stream.read(&mut buf).await else {
                    return;
                };
                if n == 0 {
                    return;
                }
                head.extend_from_slice(&buf[..n]);
                while let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
                    head.drain(..end + 4);
                    let body = r#"{"object":"list","data":[{"id":"m"}]}"#;
                    // One write per reply: head and body apart would meet Nagle's algorithm.
                    let reply = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if stream.write_all(reply.as_bytes()).await.is_err() {
                        return;
                    }
                }
            }
        });
    }
}

fn start_servers(rt: &Runtime) -> Vec<SocketAddr> {
    rt.block_on(async {
        let mut addrs = Vec::new();
        for _ in 0..PORTS {
            let listener = TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind loopback");
            addrs.push(listener.local_addr().expect("address"));
            tokio::spawn(serve_keep_alive(listener));
        }
        addrs
    })
}

fn urls(addrs: &[SocketAddr]) -> Vec<String> {
    (0..ENDPOINTS)
        .map(|i| format!("http://{}/health/{i}", addrs[i % addrs.len()]))
        .collect()
}

fn targets(urls: &[String]) -> Vec<Target> {
    urls.iter()
        .enumerate()
        .map(|(i, url)| Target {
            endpoint: Endpoint {
                id: format!("e{i}"),
                vendor: "v".into(),
                name: format!("E{i}"),
                model: "m".into(),
                base_url: url.clone(),
                api_style: ApiStyle::Http,
                credential: None,
                latency_slo_ms: 1000,
                probe: None,
            },
            config: ProbeConfig::default(),
        })
        .collect()
}

async fn bare_loop(client: &reqwest::Client, urls: &[String]) -> usize {
    let slots = Arc::new(Semaphore::new(CONCURRENCY));
    let mut tasks = tokio::task::JoinSet::new();
    for url in urls {
        let (client, url, slots) = (client.clone(), url.clone(), slots.clone());
        tasks.spawn(async move {
            let _slot = slots.acquire_owned().await.expect("open semaphore");
            let response = client.get(url).send().await.expect("local server answers");
            response.bytes().await.expect("whole body").len()
        });
    }
    let mut ok = 0;
    while let Some(done) = tasks.join_next().await {
        ok += usize::from(done.expect("task") > 0);
    }
    ok
}

fn peak_rss_kib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let addrs = start_servers(&rt);
    let urls = urls(&addrs);
    let prober = Arc::new(Prober::new(Network::system()));
    let secrets = Arc::new(EnvSecrets::process());
    let limits = Limits {
        global: CONCURRENCY,
        per_host: 1,
    };
    // The bare client takes reqwest's own TLS set-up, which needs a process-wide provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");

    let mut group = c.benchmark_group("probe_sweep_1000");
    group.sample_size(10);
    group.bench_function("brownout_sweep", |b| {
        b.iter(|| {
            let results = rt.block_on(runner::sweep(
                prober.clone(),
                secrets.clone(),
                targets(&urls),
                limits,
            ));
            assert!(results
                .iter()
                .all(|(_, o)| matches!(o, Outcome::Reply(r) if r.status == 200)));
            results.len()
        })
    });
    eprintln!("peak RSS after brownout_sweep: {}", peak_rss_kib());
    group.bench_function("bare_reqwest", |b| {
        b.iter(|| {
            let ok = rt.block_on(bare_loop(&client, &urls));
            assert_eq!(ok, ENDPOINTS);
            ok
        })
    });
    eprintln!("peak RSS after bare_reqwest: {}", peak_rss_kib());
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
