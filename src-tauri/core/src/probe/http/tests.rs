use super::*;
use crate::inventory::{ApiStyle, Endpoint};
use crate::probe::request::{build, EnvSecrets};

fn get(url: &str, credential: Option<&str>) -> ProbeRequest {
    // Only where it points and what it carries matter to redirects.
    let endpoint = Endpoint {
        base_url: url.into(),
        credential: credential.map(str::to_owned),
        api_style: ApiStyle::Http,
        probe: None,
        latency_slo_ms: 1000,
        id: "e".into(),
        vendor: "v".into(),
        name: "E".into(),
        model: "m".into(),
    };
    let secrets = EnvSecrets::with_lookup(|_| Some("k".to_owned()));
    build(&endpoint, &ProbeConfig::default(), &secrets)
        .unwrap()
        .unwrap()
}

fn next(request: &ProbeRequest, location: &str, hop: usize) -> Result<String, String> {
    let from = Url::parse(&request.url).unwrap();
    follow(request, &from, location, hop, &AddressPolicy::standard()).map(|u| u.to_string())
}

#[test]
fn same_origin_redirects_are_followed_up_to_the_limit() {
    let r = get("https://api.example/v1/models", None);
    assert_eq!(
        next(&r, "/v2/models", 0),
        Ok("https://api.example/v2/models".into())
    );
    assert_eq!(
        next(&r, "/v2/models", MAX_REDIRECTS - 1),
        Ok("https://api.example/v2/models".into())
    );
    let err = next(&r, "/v2/models", MAX_REDIRECTS).unwrap_err();
    assert!(err.contains("more than 3 redirects"), "{err}");
}

#[test]
fn a_refused_first_hop_names_its_reason() {
    let plain = get("https://api.example/v1", None);
    let with_credential = get("https://api.example/v1", Some("env:K"));
    let cases = [
        // Another origin, even on another port or scheme.
        (&plain, "https://other.example/v1", "another origin"),
        (&plain, "https://api.example:8443/v1", "another origin"),
        (&plain, "http://api.example/v1", "another origin"),
        // A request with a credential follows nothing...
        (&with_credential, "/v1/", "carries a credential"),
        // ...but a refused address is named before any other reason.
        (
            &with_credential,
            "http://169.254.169.254/latest",
            "refused by address",
        ),
        (&with_credential, "http://[fe80::1]/", "refused by address"),
        (
            &with_credential,
            "http://[fd00:ec2::254]/",
            "refused by address",
        ),
    ];
    for (request, location, reason) in cases {
        let err = next(request, location, 0).unwrap_err();
        assert!(err.contains(reason), "{location}: {err}");
    }
}

#[test]
fn the_standard_policy_allows_servers_but_not_link_local_or_unspecified() {
    let policy = AddressPolicy::standard();
    for ip in [
        "127.0.0.1",
        "10.0.0.5",
        "192.168.1.2",
        "8.8.8.8",
        "::1",
        "2001:db8::1",
    ] {
        assert!(policy.allows(ip.parse().unwrap()), "{ip}");
    }
    for ip in [
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "fe80::1",
        "::",
        "::ffff:169.254.169.254",
    ] {
        assert!(!policy.allows(ip.parse().unwrap()), "{ip}");
    }
}

#[test]
fn loopback_only_refuses_everything_else() {
    let policy = AddressPolicy::loopback_only();
    for ip in ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"] {
        assert!(policy.allows(ip.parse().unwrap()), "{ip}");
    }
    for ip in ["10.0.0.1", "169.254.169.254", "192.168.0.1", "2001:db8::1"] {
        assert!(!policy.allows(ip.parse().unwrap()), "{ip}");
    }
}

#[test]
fn address_literals_are_read_from_urls_names_are_not() {
    let ip = |url: &str| literal_ip(&Url::parse(url).unwrap());
    assert_eq!(
        ip("http://169.254.169.254/x"),
        Some("169.254.169.254".parse().unwrap())
    );
    assert_eq!(ip("http://[::1]:8080/"), Some("::1".parse().unwrap()));
    assert_eq!(ip("http://api.example/"), None);
}

#[tokio::test]
async fn a_literal_base_address_outside_the_policy_is_never_contacted() {
    let prober = Prober::new(Network {
        resolver: Arc::new(network::SystemResolver),
        policy: AddressPolicy::loopback_only(),
    });
    let outcome = prober
        .probe(
            &get("http://192.0.2.1/health", None),
            &ProbeConfig::default(),
        )
        .await;
    match outcome {
        Outcome::Failed {
            failure, detail, ..
        } => {
            assert_eq!(failure, TransportFailure::Dns);
            assert!(detail.contains("refused by address: 192.0.2.1"), "{detail}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}
