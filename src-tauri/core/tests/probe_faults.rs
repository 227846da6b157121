//! One probe against a server that misbehaves in each way a vendor (or something in between)
//! can: each test asserts the raw outcome and that the probe ended within its deadline. All
//! traffic stays on loopback: the probes may reach loopback addresses only, and names resolve
//! through a test resolver, never real DNS.

mod support {
    pub mod fault_server;
}

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use brownout_core::inventory::{ApiStyle, Endpoint};
use brownout_core::probe::http::network::NoSuchName;
use brownout_core::probe::http::{AddressPolicy, Network, Prober, BODY_CAP, HARD_DEADLINE_GRACE};
use brownout_core::probe::request::{self, EnvSecrets, ProbeRequest};
use brownout_core::probe::runner::{self, Limits, Target};
use brownout_core::probe::{Outcome, ProbeConfig, Reply, TransportFailure};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use support::fault_server::FaultServer;

/// Room on top of a probe's deadline for a loaded machine: a bound, not a speed claim.
const MARGIN: Duration = Duration::from_secs(10);

/// `probe.test` is 127.0.0.1; every other name does not exist.
struct TestResolver;

impl Resolve for TestResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            if host == "probe.test" {
                let addr: SocketAddr = "127.0.0.1:0".parse().expect("literal");
                Ok(Box::new(std::iter::once(addr)) as Addrs)
            } else {
                Err(Box::new(NoSuchName {
                    name: host,
                    why: " (test resolver)".into(),
                }) as _)
            }
        })
    }
}

fn prober() -> Prober {
    Prober::new(Network {
        resolver: Arc::new(TestResolver),
        policy: AddressPolicy::loopback_only(),
    })
}

fn endpoint(url: &str, credential: Option<&str>) -> Endpoint {
    Endpoint {
        id: "probe-target".into(),
        vendor: "v".into(),
        name: "Target".into(),
        model: "m".into(),
        base_url: url.into(),
        api_style: ApiStyle::Http,
        credential: credential.map(str::to_owned),
        latency_slo_ms: 1000,
        probe: None,
    }
}

fn config(timeout_ms: u32) -> ProbeConfig {
    ProbeConfig {
        timeout_ms,
        connect_timeout_ms: 1000,
        ..ProbeConfig::default()
    }
}

fn secrets() -> EnvSecrets<impl Fn(&str) -> Option<String> + Send + Sync> {
    EnvSecrets::with_lookup(|name| (name == "PROBE_KEY").then(|| "sk-canary-1234".to_owned()))
}

fn request(url: &str, credential: Option<&str>) -> ProbeRequest {
    request::build(
        &endpoint(url, credential),
        &ProbeConfig::default(),
        &secrets(),
    )
    .expect("credential resolves")
    .expect("the http kind sends a request")
}

/// Runs one probe and checks it ended within its deadline.
async fn probe_with(prober: &Prober, request: &ProbeRequest, config: &ProbeConfig) -> Outcome {
    let started = Instant::now();
    let outcome = prober.probe(request, config).await;
    let bound = Duration::from_millis(u64::from(config.timeout_ms)) + HARD_DEADLINE_GRACE + MARGIN;
    assert!(
        started.elapsed() <= bound,
        "probe ran {:?}, past its deadline bound {bound:?}",
        started.elapsed()
    );
    outcome
}

async fn probe(url: &str, timeout_ms: u32) -> Outcome {
    probe_with(&prober(), &request(url, None), &config(timeout_ms)).await
}

/// Probes `path` on a fresh fault server.
async fn outcome_from(path: &str, timeout_ms: u32) -> Outcome {
    let server = FaultServer::start("127.0.0.1").await;
    probe(&server.url(path), timeout_ms).await
}

/// Probes `path` on a fresh fault server, which must reply.
async fn reply_from(path: &str, timeout_ms: u32) -> Reply {
    reply(outcome_from(path, timeout_ms).await)
}

/// Checks that `outcome` failed as `expected`, with `detail_has` in its detail.
fn assert_failed(outcome: &Outcome, expected: TransportFailure, detail_has: &str) {
    let (failure, detail) = failure(outcome);
    assert_eq!(failure, expected, "{detail}");
    assert!(detail.contains(detail_has), "{detail}");
}

/// The value of the reply's header `name`, if it has one.
fn header<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    let value = |(n, v): &'a (String, String)| (n == name).then_some(v.as_str());
    reply.headers.iter().find_map(value)
}

fn reply(outcome: Outcome) -> Reply {
    match outcome {
        Outcome::Reply(reply) => reply,
        other => panic!("expected a reply, got {other:?}"),
    }
}

fn failure(outcome: &Outcome) -> (TransportFailure, &str) {
    match outcome {
        Outcome::Failed {
            failure, detail, ..
        } => (*failure, detail.as_str()),
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[tokio::test]
async fn a_well_behaved_server_gives_a_whole_reply() {
    let reply = reply_from("/ok", 5000).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, b"{\"ok\":true}");
    assert!(!reply.body_cut && !reply.ended_early);
}

#[tokio::test]
async fn faults_before_a_whole_reply_fail_by_kind() {
    use TransportFailure::{ConnectionReset, Redirect, Timeout};
    let cases = [
        // A server that never answers times out.
        ("/hang", 800, Timeout, ""),
        // Headers then one byte a second: the whole probe times out.
        ("/drip", 1500, Timeout, ""),
        // An event stream that never ends times out, after its status.
        ("/sse", 1500, Timeout, "status 200"),
        ("/reset-before-reply", 5000, ConnectionReset, ""),
        ("/loop", 5000, Redirect, "more than 3 redirects"),
    ];
    for (path, timeout_ms, expected, detail_has) in cases {
        let outcome = outcome_from(path, timeout_ms).await;
        assert_failed(&outcome, expected, detail_has);
    }
}

#[tokio::test]
async fn a_server_whose_accept_queue_is_full_is_a_connect_timeout() {
    // A listener that never accepts, with its queue filled: the kernel drops further
    // handshakes, so connecting hangs until the connect timeout.
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind("127.0.0.1:0".parse().expect("literal"))
        .expect("bind loopback");
    let listener = socket.listen(1).expect("listen");
    let addr = listener.local_addr().expect("address");
    let mut queued = Vec::new();
    for _ in 0..3 {
        let connect = tokio::net::TcpStream::connect(addr);
        if let Ok(Ok(stream)) = tokio::time::timeout(Duration::from_millis(300), connect).await {
            queued.push(stream);
        }
    }
    let config = ProbeConfig {
        connect_timeout_ms: 300,
        ..config(5000)
    };
    let url = format!("http://{addr}/ok");
    let outcome = probe_with(&prober(), &request(&url, None), &config).await;
    assert_failed(&outcome, TransportFailure::ConnectTimeout, "");
    drop((queued, listener));
}

#[tokio::test]
async fn a_1_gb_body_is_cut_at_the_cap() {
    let reply = reply_from("/huge", 20_000).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body_cut);
    assert_eq!(reply.body.len(), BODY_CAP);
    assert!(!reply.ended_early);
}

#[tokio::test]
async fn a_gzip_bomb_stops_at_the_cap_after_decompression() {
    let reply = reply_from("/gzip-bomb", 20_000).await;
    assert!(reply.body_cut);
    assert_eq!(reply.body.len(), BODY_CAP);
    // Decompressed: the bomb is zeros, its gzip form is not.
    assert!(reply.body.iter().all(|b| *b == 0));
}

#[tokio::test]
async fn a_same_origin_redirect_without_a_credential_is_followed() {
    let reply = reply_from("/redirect-to//ok", 5000).await;
    assert_eq!(
        (reply.status, reply.body.as_slice()),
        (200, &b"{\"ok\":true}"[..])
    );
}

#[tokio::test]
async fn a_request_with_a_credential_follows_no_redirect() {
    let server = FaultServer::start("127.0.0.1").await;
    let request = request(&server.url("/redirect-to//ok"), Some("env:PROBE_KEY"));
    let outcome = probe_with(&prober(), &request, &config(5000)).await;
    assert_failed(&outcome, TransportFailure::Redirect, "carries a credential");
    assert!(!format!("{outcome:?}").contains("sk-canary-1234"));
}

#[tokio::test]
async fn a_redirect_to_another_loopback_host_is_refused() {
    let server = FaultServer::start("127.0.0.1").await;
    let other = FaultServer::start("127.0.0.2").await;
    let outcome = probe(
        &server.url(&format!("/redirect-to/{}", other.url("/ok"))),
        5000,
    )
    .await;
    assert_failed(&outcome, TransportFailure::Redirect, "another origin");
    assert_eq!(other.connections(), 0, "the other origin was connected to");
}

#[tokio::test]
async fn a_redirect_to_a_link_local_address_is_refused_before_connecting() {
    let server = FaultServer::start("127.0.0.1").await;
    // The policy refuses the address itself: no connection is tried, so no traffic leaves
    // loopback.
    let outcome = probe(
        &server.url("/redirect-to/http://169.254.169.254/latest/meta-data/"),
        5000,
    )
    .await;
    assert_failed(
        &outcome,
        TransportFailure::Redirect,
        "refused by address: 169.254.169.254",
    );
}

#[tokio::test]
async fn an_html_page_with_status_200_is_a_reply_with_its_content_type() {
    let reply = reply_from("/html", 5000).await;
    assert_eq!(reply.status, 200);
    let content_type = header(&reply, "content-type");
    assert_eq!(content_type, Some("text/html; charset=utf-8"));
    assert!(reply.body.starts_with(b"<!doctype html>"));
}

#[tokio::test]
async fn retry_after_reaches_the_reply_as_sent_whatever_its_form() {
    let server = FaultServer::start("127.0.0.1").await;
    let values = [
        "120",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "-5",
        "99999999999999999999",
        "soon",
    ];
    for value in values {
        let encoded =
            percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC);
        let reply = reply(probe(&server.url(&format!("/retry-after/{encoded}")), 5000).await);
        assert_eq!(reply.status, 429);
        let got = header(&reply, "retry-after");
        assert_eq!(got, Some(value));
    }
}

#[tokio::test]
async fn a_reset_mid_body_ends_early() {
    let reply = reply_from("/reset", 5000).await;
    assert!(reply.ended_early, "{reply:?}");
    assert!(!reply.body_cut);
    assert!(reply.body.len() <= 10_000);
}

#[tokio::test]
async fn a_body_shorter_than_its_length_ends_early() {
    let reply = reply_from("/short", 5000).await;
    assert!(reply.ended_early);
    assert_eq!(reply.body, b"{\"choi");
}

#[tokio::test]
async fn a_name_that_does_not_resolve_is_a_dns_failure() {
    let outcome = probe("http://nowhere.invalid:9/ok", 5000).await;
    assert_failed(
        &outcome,
        TransportFailure::Dns,
        "nowhere.invalid does not resolve",
    );
}

#[tokio::test]
async fn a_name_resolving_to_a_refused_address_is_never_connected_to() {
    // The test resolver gives 127.0.0.1; a policy refusing it stands in for a name that
    // resolves to a link-local address.
    let server = FaultServer::start("127.0.0.1").await;
    let refusing = Prober::new(Network {
        resolver: Arc::new(TestResolver),
        policy: AddressPolicy::new(|_| false),
    });
    let url = format!("http://probe.test:{}/ok", server.addr.port());
    let outcome = probe_with(&refusing, &request(&url, None), &config(5000)).await;
    assert_failed(
        &outcome,
        TransportFailure::Dns,
        "addresses probes may not reach",
    );
    assert_eq!(server.connections(), 0);
}

mod tls {
    use super::*;
    use tokio_rustls::rustls;
    use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

    /// A server with a self-signed certificate for `probe.test`, and that certificate as PEM.
    async fn self_signed_server() -> (FaultServer, String) {
        let certified =
            rcgen::generate_simple_self_signed(vec!["probe.test".to_owned()]).expect("certificate");
        let cert: CertificateDer<'static> = certified.cert.der().clone();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            certified.signing_key.serialize_der(),
        ));
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .expect("server certificate");
        let server = FaultServer::start_tls("127.0.0.1", Arc::new(config)).await;
        (server, certified.cert.pem())
    }

    #[tokio::test]
    async fn a_self_signed_certificate_is_refused_by_default() {
        let (server, _) = self_signed_server().await;
        let url = format!("https://probe.test:{}/ok", server.addr.port());
        let outcome = probe_with(&prober(), &request(&url, None), &config(5000)).await;
        assert_failed(&outcome, TransportFailure::Tls, "");
    }

    #[tokio::test]
    async fn a_self_signed_certificate_is_accepted_with_its_ca_file() {
        let (server, pem) = self_signed_server().await;
        let dir = tempfile::tempdir().expect("temp dir");
        let ca_file = dir.path().join("ca.pem");
        std::fs::write(&ca_file, pem).expect("write ca file");
        let config = ProbeConfig {
            ca_file: Some(ca_file.display().to_string()),
            ..config(5000)
        };
        let url = format!("https://probe.test:{}/ok", server.addr.port());
        let reply = reply(probe_with(&prober(), &request(&url, None), &config).await);
        assert_eq!(
            (reply.status, reply.body.as_slice()),
            (200, &b"{\"ok\":true}"[..])
        );
    }

    #[tokio::test]
    async fn a_ca_file_without_certificates_is_a_tls_failure_naming_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ca_file = dir.path().join("empty.pem");
        std::fs::write(&ca_file, "not a certificate").expect("write ca file");
        let config = ProbeConfig {
            ca_file: Some(ca_file.display().to_string()),
            ..config(5000)
        };
        let outcome = probe_with(
            &prober(),
            &request("https://probe.test:9/ok", None),
            &config,
        )
        .await;
        assert_failed(&outcome, TransportFailure::Tls, "empty.pem");
        assert_failed(&outcome, TransportFailure::Tls, "no PEM certificate");
    }
}

mod sweep {
    use super::*;

    fn target(id: &str, url: &str, credential: Option<&str>, timeout_ms: u32) -> Target {
        let mut endpoint = endpoint(url, credential);
        endpoint.id = id.into();
        Target {
            endpoint,
            config: config(timeout_ms),
        }
    }

    #[tokio::test]
    async fn a_hanging_probe_delays_no_other() {
        let hanging = FaultServer::start("127.0.0.1").await;
        let quick: Vec<FaultServer> = start_servers(3).await;
        let mut targets = vec![target("hangs", &hanging.url("/hang"), None, 5000)];
        for (i, server) in quick.iter().enumerate() {
            targets.push(target(
                &format!("quick-{i}"),
                &server.url("/ok"),
                None,
                5000,
            ));
        }
        let secrets = Arc::new(secrets());
        let limits = Limits {
            global: 2,
            per_host: 1,
        };
        let mut arrivals = runner::sweep_as_done(Arc::new(prober()), secrets, targets, limits);
        let mut order = Vec::new();
        while let Some((id, outcome)) = arrivals.recv().await {
            order.push((id, outcome));
        }
        let ids: Vec<&str> = order.iter().map(|(id, _)| id.as_str()).collect();
        // Even with only two slots, the three quick probes all end before the hanging one.
        assert_eq!(ids.last(), Some(&"hangs"), "{ids:?}");
        assert_eq!(ids.len(), 4);
        assert_eq!(failure(&order[3].1).0, TransportFailure::Timeout);
    }

    async fn start_servers(n: usize) -> Vec<FaultServer> {
        let mut servers = Vec::new();
        for _ in 0..n {
            servers.push(FaultServer::start("127.0.0.1").await);
        }
        servers
    }

    #[tokio::test]
    async fn a_sweep_returns_every_endpoint_in_order_with_missing_credentials_as_such() {
        let server = FaultServer::start("127.0.0.1").await;
        let targets = vec![
            target("a", &server.url("/ok"), None, 5000),
            target("b", &server.url("/ok"), Some("env:NOT_SET_ANYWHERE"), 5000),
            target("c", &server.url("/html"), None, 5000),
        ];
        let results = runner::sweep(
            Arc::new(prober()),
            Arc::new(secrets()),
            targets,
            Limits::default(),
        )
        .await;
        let ids: Vec<&str> = results.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let (failure, detail) = failure(&results[1].1);
        assert_eq!(failure, TransportFailure::NoCredential);
        assert!(detail.contains("NOT_SET_ANYWHERE"), "{detail}");
        assert_eq!(reply(results[2].1.clone()).status, 200);
    }
}
