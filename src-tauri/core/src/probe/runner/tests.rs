use super::*;

#[test]
fn hosts_are_told_apart_by_name_and_port_not_by_path() {
    assert_eq!(
        host_key("https://api.openai.com/v1/models"),
        "api.openai.com:443"
    );
    assert_eq!(
        host_key("https://api.openai.com/v1/chat/completions"),
        "api.openai.com:443"
    );
    assert_eq!(host_key("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
    assert_ne!(
        host_key("http://127.0.0.1:8080/"),
        host_key("http://127.0.0.1:8081/")
    );
}

#[tokio::test]
async fn kind_none_is_left_out_and_a_missing_secret_needs_no_network() {
    let endpoint = |id: &str, credential: Option<&str>| Endpoint {
        id: id.into(),
        vendor: "v".into(),
        name: "E".into(),
        model: "m".into(),
        base_url: "https://api.example/v1".into(),
        api_style: crate::inventory::ApiStyle::Openai,
        credential: credential.map(str::to_owned),
        latency_slo_ms: 1000,
        probe: None,
    };
    let off = ProbeConfig {
        kind: Some(crate::probe::ProbeKind::None),
        ..ProbeConfig::default()
    };
    let targets = vec![
        Target {
            endpoint: endpoint("off", None),
            config: off,
        },
        Target {
            endpoint: endpoint("keyless", Some("keyring:brownout/x")),
            config: ProbeConfig::default(),
        },
    ];
    let prober = Arc::new(Prober::new(crate::probe::http::Network {
        resolver: Arc::new(crate::probe::http::network::SystemResolver),
        policy: crate::probe::http::AddressPolicy::new(|_| false),
    }));
    let secrets = Arc::new(request::EnvSecrets::with_lookup(|_| None));
    let results = sweep(prober, secrets, targets, Limits::default()).await;
    assert_eq!(results.len(), 1);
    let (id, outcome) = &results[0];
    assert_eq!(id, "keyless");
    match outcome {
        Outcome::Failed {
            failure, detail, ..
        } => {
            assert_eq!(*failure, TransportFailure::NoCredential);
            assert!(
                detail.contains("keyring references are not supported"),
                "{detail}"
            );
        }
        other => panic!("expected no credential, got {other:?}"),
    }
}
