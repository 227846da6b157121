//! The simulator as a probe sees it: the real [`Prober`] and `classify` against each vendor
//! style under each fault, asserting the reason the fault is meant to produce. Loopback only.

use std::net::SocketAddr;
use std::sync::Arc;

use brownout_core::inventory::{ApiStyle, Endpoint};
use brownout_core::probe::classify::{classify, Classified, ProbeContext};
use brownout_core::probe::http::network::SystemResolver;
use brownout_core::probe::http::{AddressPolicy, Network, Prober};
use brownout_core::probe::request::{self, EnvSecrets};
use brownout_core::probe::status_page::classify_status_page;
use brownout_core::probe::{ProbeConfig, ProbeKind, Reason};
use brownout_core::simulator::{Fault, FaultKind, Simulator, SimulatorHandle};

/// Each API style as simulated routing writes its base URL: `{base}/{vendor}{path}`.
const STYLES: [(ApiStyle, &str, &str, &str); 5] = [
    (ApiStyle::Openai, "openai", "/v1", "gpt-4o-mini"),
    (ApiStyle::Anthropic, "anthropic", "/v1", "claude-haiku-4-5"),
    (ApiStyle::Gemini, "google", "/v1beta", "gemini-2.0-flash"),
    (ApiStyle::AzureOpenai, "azure-openai", "", "gpt-4o"),
    (
        ApiStyle::Bedrock,
        "aws-bedrock",
        "",
        "anthropic.claude-sonnet-4-5-v1:0",
    ),
];

fn simulator() -> SimulatorHandle {
    Simulator::start(SocketAddr::from(([127, 0, 0, 1], 0))).expect("simulator starts")
}

fn prober() -> Prober {
    Prober::new(Network {
        resolver: Arc::new(SystemResolver),
        policy: AddressPolicy::loopback_only(),
    })
}

/// Probes `vendor`'s endpoint of `style` once and classifies the outcome.
async fn probe(
    sim: &SimulatorHandle,
    (style, vendor, path, model): (ApiStyle, &str, &str, &str),
    kind: ProbeKind,
    timeout_ms: u32,
    latency_slo_ms: u32,
) -> Classified {
    let config = ProbeConfig {
        kind: Some(kind),
        timeout_ms,
        ..ProbeConfig::default()
    };
    let endpoint = Endpoint {
        id: format!("{vendor}-probe"),
        vendor: vendor.into(),
        name: "Probe".into(),
        model: model.into(),
        base_url: format!("{}/{vendor}{path}", sim.base_url()),
        api_style: style,
        credential: Some("env:SIMULATED".into()),
        latency_slo_ms,
        probe: Some(config.clone()),
    };
    let secrets = EnvSecrets::with_lookup(|_| Some("simulated-key".to_owned()));
    let request = request::build(&endpoint, &config, &secrets)
        .expect("request")
        .expect("a probed kind");
    let outcome = prober().probe(&request, &config).await;
    let ctx = ProbeContext {
        config: &config,
        credential: Some("simulated-key"),
        now: chrono::Utc::now(),
    };
    classify(style, kind, &outcome, latency_slo_ms, &ctx)
}

/// Every style under `fault` gives `expected`.
async fn every_style(
    fault: Fault,
    expected: Reason,
    timeout_ms: u32,
    slo_ms: u32,
) -> Vec<Classified> {
    let sim = simulator();
    let mut all = Vec::new();
    for style in STYLES {
        sim.set_fault(style.1, fault.clone()).expect("fault set");
        let got = probe(&sim, style, ProbeKind::Chat, timeout_ms, slo_ms).await;
        assert_eq!(
            got.reason, expected,
            "{:?} under {fault:?}: {got:?}",
            style.0
        );
        all.push(got);
    }
    all
}

#[tokio::test]
async fn without_a_fault_every_style_is_ok_for_chat_and_models() {
    let answers = every_style(Fault::none(), Reason::Ok, 10_000, 0).await;
    assert!(answers.iter().all(|a| a.http_status == Some(200)));
    let sim = simulator();
    // Bedrock's runtime has no model list: its `models` probe asks the model, read as such.
    for style in &STYLES {
        let got = probe(&sim, *style, ProbeKind::Models, 10_000, 0).await;
        assert_eq!(got.reason, Reason::Ok, "{:?} models: {got:?}", style.0);
    }
}

#[tokio::test]
async fn throttle_is_throttled_with_retry_after_and_headroom() {
    let fault = Fault {
        kind: FaultKind::Throttle,
        retry_after_s: Some(7),
        latency_ms: None,
    };
    let answers = every_style(fault, Reason::Throttled, 10_000, 0).await;
    for (got, style) in answers.iter().zip(STYLES) {
        assert_eq!(got.http_status, Some(429));
        assert_eq!(got.retry_after_s, Some(7), "{:?}", style.0);
    }
    // OpenAI's and Anthropic's own headers say no requests are left, and when they reset.
    for got in &answers[..2] {
        assert_eq!(got.rate_limit.remaining_requests, Some(0));
        let reset = got.rate_limit.requests_reset_s.expect("a reset time");
        assert!((1..=7).contains(&reset), "reset {reset}");
    }
}

#[tokio::test]
async fn quota_is_quota_exhausted() {
    every_style(
        Fault::of(FaultKind::Quota),
        Reason::QuotaExhausted,
        10_000,
        0,
    )
    .await;
}

#[tokio::test]
async fn overloaded_is_overloaded_with_each_vendors_status() {
    let answers = every_style(
        Fault::of(FaultKind::Overloaded),
        Reason::Overloaded,
        10_000,
        0,
    )
    .await;
    let statuses: Vec<_> = answers.iter().map(|a| a.http_status).collect();
    assert_eq!(
        statuses,
        [Some(503), Some(529), Some(503), Some(503), Some(503)]
    );
}

#[tokio::test]
async fn outage_is_a_server_error() {
    let answers = every_style(Fault::of(FaultKind::Outage), Reason::ServerError, 10_000, 0).await;
    assert!(answers.iter().all(|a| a.http_status == Some(500)));
}

#[tokio::test]
async fn latency_beyond_the_slo_is_slow() {
    let fault = Fault {
        kind: FaultKind::Latency,
        retry_after_s: None,
        latency_ms: Some(300),
    };
    let answers = every_style(fault, Reason::Slow, 10_000, 100).await;
    assert!(answers.iter().all(|a| a.latency_ms >= 300));
}

#[tokio::test]
async fn a_slow_stream_is_slow_but_whole() {
    let fault = Fault {
        kind: FaultKind::SlowStream,
        retry_after_s: None,
        latency_ms: Some(150),
    };
    // At least two gaps of 150 ms in every style's stream.
    every_style(fault, Reason::Slow, 10_000, 250).await;
}

#[tokio::test]
async fn a_truncated_stream_is_truncated() {
    every_style(
        Fault::of(FaultKind::Truncated),
        Reason::Truncated,
        10_000,
        0,
    )
    .await;
}

#[tokio::test]
async fn a_hanging_vendor_times_out() {
    every_style(Fault::of(FaultKind::Hang), Reason::Timeout, 300, 0).await;
}

#[tokio::test]
async fn faults_are_per_vendor_key() {
    let sim = simulator();
    sim.set_fault("anthropic", Fault::of(FaultKind::Outage))
        .unwrap();
    let openai = probe(&sim, STYLES[0], ProbeKind::Chat, 10_000, 0).await;
    let anthropic = probe(&sim, STYLES[1], ProbeKind::Chat, 10_000, 0).await;
    assert_eq!(
        (openai.reason, anthropic.reason),
        (Reason::Ok, Reason::ServerError)
    );
    sim.set_fault("anthropic", Fault::none()).unwrap();
    let anthropic = probe(&sim, STYLES[1], ProbeKind::Chat, 10_000, 0).await;
    assert_eq!(anthropic.reason, Reason::Ok);
}

#[tokio::test]
async fn the_status_page_reports_outages_and_overload() {
    let sim = simulator();
    let config = ProbeConfig::default();
    let secrets = EnvSecrets::with_lookup(|_| None);
    let page = Endpoint {
        id: "openai-status".into(),
        vendor: "openai".into(),
        name: "Status".into(),
        model: String::new(),
        base_url: format!("{}/openai/api/v2/summary.json", sim.base_url()),
        api_style: ApiStyle::Http,
        credential: None,
        latency_slo_ms: 0,
        probe: None,
    };
    let request = request::build(&page, &config, &secrets).unwrap().unwrap();
    let watched = vec!["API".to_owned()];
    for (kind, expected) in [
        (FaultKind::None, Reason::Ok),
        (FaultKind::Throttle, Reason::Ok),
        (FaultKind::Overloaded, Reason::StatusPageDegraded),
        (FaultKind::Outage, Reason::StatusPageOutage),
    ] {
        sim.set_fault("openai", Fault::of(kind)).unwrap();
        let outcome = prober().probe(&request, &config).await;
        let ctx = ProbeContext {
            config: &config,
            credential: None,
            now: chrono::Utc::now(),
        };
        for watched in [None, Some(watched.as_slice())] {
            let got = classify_status_page(&outcome, watched, &ctx);
            assert_eq!(got.reason, expected, "{kind} watching {watched:?}");
        }
    }
}
