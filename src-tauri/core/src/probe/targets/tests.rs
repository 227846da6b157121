use std::net::IpAddr;

use super::*;
use crate::probe::request::{self, EnvSecrets};

const SIM: &str = "http://127.0.0.1:8642";

fn simulated() -> Routing {
    Routing::Simulated {
        base_url: format!("{SIM}/"),
    }
}

fn endpoint(id: &str, vendor: &str, base_url: &str, probe: Option<ProbeConfig>) -> Endpoint {
    Endpoint {
        id: id.into(),
        vendor: vendor.into(),
        name: id.into(),
        model: "m".into(),
        base_url: base_url.into(),
        api_style: ApiStyle::Openai,
        credential: Some("env:OPENAI_API_KEY".into()),
        latency_slo_ms: 1000,
        probe,
    }
}

fn vendor(id: &str, status_api: Option<&str>) -> Vendor {
    Vendor {
        id: id.into(),
        name: id.to_uppercase(),
        status_page: None,
        status_api: status_api.map(str::to_owned),
        status_components: vec!["API".into()],
    }
}

fn inventory() -> Inventory {
    let probe = Some(ProbeConfig::default());
    Inventory {
        vendors: vec![
            vendor(
                "openai",
                Some("https://status.openai.com/api/v2/summary.json"),
            ),
            vendor("azure", None),
            vendor(
                "quiet",
                Some("https://status.quiet.example/api/v2/summary.json"),
            ),
        ],
        endpoints: vec![
            endpoint("gpt", "openai", "https://api.openai.com/v1", probe.clone()),
            Endpoint {
                api_style: ApiStyle::AzureOpenai,
                ..endpoint("az", "azure", "https://x.openai.azure.com/", probe.clone())
            },
            endpoint(
                "local",
                "openai",
                "http://10.0.0.5:8000/v1/?region=eu",
                probe.clone(),
            ),
            endpoint("off", "quiet", "https://api.quiet.example/v1", None),
            endpoint(
                "none",
                "quiet",
                "https://api.quiet.example/v1",
                Some(ProbeConfig {
                    kind: Some(ProbeKind::None),
                    ..ProbeConfig::default()
                }),
            ),
        ],
        ..Default::default()
    }
}

fn urls(routing: &Routing) -> Vec<(String, String)> {
    endpoint_targets(&inventory(), routing)
        .into_iter()
        .map(|t| (t.endpoint.id, t.endpoint.base_url))
        .collect()
}

#[test]
fn real_routing_keeps_each_base_url_and_leaves_unprobed_endpoints_out() {
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        urls(&Routing::Real),
        pairs(&[
            ("gpt", "https://api.openai.com/v1"),
            ("az", "https://x.openai.azure.com/"),
            ("local", "http://10.0.0.5:8000/v1/?region=eu"),
        ])
    );
}

#[test]
fn simulated_routing_puts_the_vendor_before_the_base_urls_path() {
    let got = urls(&simulated());
    let want = [
        ("gpt", format!("{SIM}/openai/v1")),
        ("az", format!("{SIM}/azure")),
        ("local", format!("{SIM}/openai/v1?region=eu")),
    ];
    let want: Vec<(String, String)> = want.into_iter().map(|(a, b)| (a.into(), b)).collect();
    assert_eq!(got, want);
}

#[test]
fn simulated_requests_reach_the_simulator_by_path_suffix() {
    let target = endpoint_targets(&inventory(), &simulated()).remove(1);
    let secrets = simulated().secrets(Arc::new(EnvSecrets::process()));
    let request = request::build(&target.endpoint, &target.config, secrets.as_ref())
        .unwrap()
        .unwrap();
    assert!(request.url.starts_with(&format!(
        "{SIM}/azure/openai/deployments/m/chat/completions?api-version="
    )));
}

#[test]
fn status_pages_are_fetched_for_vendors_with_a_status_api_and_a_probed_endpoint() {
    let inv = inventory();
    let real: Vec<_> = status_targets(&inv, &Routing::Real)
        .into_iter()
        .map(|s| {
            (
                s.vendor,
                s.target.endpoint.id,
                s.target.endpoint.base_url,
                s.components,
            )
        })
        .collect();
    assert_eq!(
        real,
        [(
            "openai".to_string(),
            "status:openai".to_string(),
            "https://status.openai.com/api/v2/summary.json".to_string(),
            vec!["API".to_string()]
        )]
    );
    let sim = status_targets(&inv, &simulated());
    assert_eq!(
        sim[0].target.endpoint.base_url,
        format!("{SIM}/openai/api/v2/summary.json")
    );
    assert_eq!(sim[0].target.config.kind, Some(ProbeKind::Http));
    assert_eq!(sim[0].target.endpoint.credential, None);
}

/// A resolver that fails the test if it is ever asked.
struct NeverAsked;

impl SecretResolver for NeverAsked {
    fn secret(&self, reference: &str) -> Result<String, CredentialError> {
        panic!("the real resolver was asked for {reference}")
    }
}

#[test]
fn simulated_credentials_are_the_fixed_key_and_real_ones_are_never_read() {
    let secrets = simulated().secrets(Arc::new(NeverAsked));
    for reference in ["env:OPENAI_API_KEY", "keyring:brownout/openai", "junk"] {
        assert_eq!(secrets.secret(reference).unwrap(), SIMULATED_KEY);
    }
    let real = Routing::Real.secrets(Arc::new(EnvSecrets::with_lookup(|_| Some("k".into()))));
    assert_eq!(real.secret("env:X").unwrap(), "k");
}

#[test]
fn the_simulator_network_reaches_loopback_only() {
    let policy = simulated().network().policy;
    let ip = |s: &str| s.parse::<IpAddr>().unwrap();
    assert!(policy.allows(ip("127.0.0.1")));
    assert!(policy.allows(ip("::1")));
    assert!(!policy.allows(ip("10.0.0.5")));
    assert!(Routing::Real.network().policy.allows(ip("10.0.0.5")));
    assert!(simulated().is_simulated() && !Routing::Real.is_simulated());
}
