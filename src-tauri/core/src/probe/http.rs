//! Running one probe: one request (following at most a few safe redirects), its reply read with
//! a cap, every step under the probe's deadline, turned into an [`Outcome`].
//!
//! - [`network`]: the addresses a probe may reach and the resolver it uses.
//! - [`failure`]: which [`TransportFailure`] a transport error is.

mod failure;
pub mod network;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use reqwest::{header, Client, StatusCode, Url};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;

use crate::probe::request::{Method, ProbeRequest};
use crate::probe::{Outcome, ProbeConfig, Reply, TransportFailure};

pub use network::{AddressPolicy, Network};

/// The most of a reply body a probe reads, counted after decompression.
pub const BODY_CAP: usize = 64 * 1024;
/// Redirects a probe without a credential follows, all within one origin.
pub const MAX_REDIRECTS: usize = 3;
/// How long past its total timeout a probe may run before the outer deadline cuts it off,
/// whatever it is waiting on.
pub const HARD_DEADLINE_GRACE: Duration = Duration::from_millis(500);

/// A client setting that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("ca_file {path}: {why}")]
    CaFile { path: String, why: String },
    #[error("TLS set-up: {0}")]
    Tls(#[from] rustls::Error),
    #[error("HTTP client set-up: {0}")]
    Client(#[from] reqwest::Error),
}

/// Clients differ only by what a probe block can change about the connection.
#[derive(Clone, PartialEq, Eq, Hash)]
struct ClientKey {
    ca_file: Option<String>,
    connect_timeout_ms: u32,
}

/// Runs probes. Cheap to share: clients (and their connection pools) are kept per setting.
pub struct Prober {
    network: Network,
    clients: Mutex<HashMap<ClientKey, Client>>,
}

impl Prober {
    pub fn new(network: Network) -> Self {
        Self {
            network,
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `request` under `config`'s timeouts. Never takes longer than the total timeout plus
    /// [`HARD_DEADLINE_GRACE`].
    pub async fn probe(&self, request: &ProbeRequest, config: &ProbeConfig) -> Outcome {
        let started = Instant::now();
        let total = Duration::from_millis(u64::from(config.timeout_ms));
        let hard = total + HARD_DEADLINE_GRACE;
        match tokio::time::timeout(hard, self.attempt(request, config, started, total)).await {
            Ok(outcome) => outcome,
            Err(_) => failed(
                TransportFailure::Timeout,
                format!("no whole reply within {} ms", config.timeout_ms),
                started,
            ),
        }
    }

    fn client(&self, config: &ProbeConfig) -> Result<Client, ClientError> {
        let key = ClientKey {
            ca_file: config.ca_file.clone(),
            connect_timeout_ms: config.connect_timeout_ms,
        };
        let mut clients = self
            .clients
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(client) = clients.get(&key) {
            return Ok(client.clone());
        }
        let client = Client::builder()
            .tls_backend_preconfigured(tls_config(key.ca_file.as_deref())?)
            .dns_resolver(network::PolicyResolver {
                inner: self.network.resolver.clone(),
                policy: self.network.policy.clone(),
            })
            // Redirects are followed by hand, so each hop is checked before it is sent.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would connect on the probe's behalf, past the address policy.
            .no_proxy()
            .connect_timeout(Duration::from_millis(u64::from(key.connect_timeout_ms)))
            .build()?;
        clients.insert(key, client.clone());
        Ok(client)
    }

    async fn attempt(
        &self,
        request: &ProbeRequest,
        config: &ProbeConfig,
        started: Instant,
        total: Duration,
    ) -> Outcome {
        let client = match self.client(config) {
            Ok(client) => client,
            Err(e) => return failed(TransportFailure::Tls, e.to_string(), started),
        };
        let mut url = match Url::parse(&request.url) {
            Ok(url) => url,
            Err(e) => {
                let detail = format!(
                    "base URL {} is not a usable URL: {e}",
                    request.redact(&request.url)
                );
                return failed(TransportFailure::Dns, detail, started);
            }
        };
        let mut method = request.method;
        let mut body = request.body.as_ref().map(|b| b.to_string());
        for hop in 0..=MAX_REDIRECTS {
            if let Some(ip) = literal_ip(&url).filter(|ip| !self.network.policy.allows(*ip)) {
                let failure = if hop == 0 {
                    TransportFailure::Dns
                } else {
                    TransportFailure::Redirect
                };
                let detail = format!("refused by address: {ip} is not an address probes may reach");
                return failed(failure, detail, started);
            }
            let mut builder = client
                .request(reqwest_method(method), url.clone())
                .timeout(total.saturating_sub(started.elapsed()));
            for (name, value) in &request.headers {
                if body.is_none() && name == "content-type" {
                    continue;
                }
                builder = builder.header(name, value);
            }
            if let Some(body) = &body {
                builder = builder.body(body.clone());
            }
            let response = match builder.send().await {
                Ok(response) => response,
                Err(e) => {
                    let (failure, detail) = failure::of(&e, hop > 0);
                    return failed(failure, request.redact(&detail), started);
                }
            };
            let Some(location) = redirect_target(&response) else {
                return read_reply(response, request, started).await;
            };
            let next = match follow(request, &url, &location, hop, &self.network.policy) {
                Ok(next) => next,
                Err(why) => {
                    return failed(TransportFailure::Redirect, request.redact(&why), started)
                }
            };
            // 303, and 301/302 after a POST, continue as GET, as browsers do.
            let status = response.status();
            if status == StatusCode::SEE_OTHER
                || (method == Method::Post
                    && matches!(status, StatusCode::MOVED_PERMANENTLY | StatusCode::FOUND))
            {
                method = Method::Get;
                body = None;
            }
            url = next;
        }
        unreachable!("follow refuses the hop after the last allowed one")
    }
}

fn reqwest_method(method: Method) -> reqwest::Method {
    match method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
    }
}

fn literal_ip(url: &Url) -> Option<IpAddr> {
    // `host_str` keeps IPv6 literals in brackets.
    url.host_str()?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

fn redirect_target(response: &reqwest::Response) -> Option<String> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response.headers().get(header::LOCATION)?;
    Some(String::from_utf8_lossy(location.as_bytes()).into_owned())
}

/// The next URL of a redirect, or why the probe may not follow it. The address is checked
/// first, so a hop to a refused address is refused as such, before anything connects to it.
fn follow(
    request: &ProbeRequest,
    from: &Url,
    location: &str,
    hop: usize,
    policy: &AddressPolicy,
) -> Result<Url, String> {
    let next = from
        .join(location)
        .map_err(|e| format!("redirect to {location:?}, which is not a URL: {e}"))?;
    if let Some(ip) = literal_ip(&next).filter(|ip| !policy.allows(*ip)) {
        return Err(format!(
            "redirect to {next} refused by address: {ip} is not an address probes may reach"
        ));
    }
    if request.carries_credential() {
        return Err(format!(
            "redirect to {next} refused: the request carries a credential"
        ));
    }
    if next.origin() != from.origin() {
        return Err(format!(
            "redirect to {next} refused: another origin than {}",
            from.origin().ascii_serialization()
        ));
    }
    if hop >= MAX_REDIRECTS {
        return Err(format!(
            "more than {MAX_REDIRECTS} redirects (the last to {next})"
        ));
    }
    Ok(next)
}

/// Reads the reply: its body streamed (decompressed) up to [`BODY_CAP`].
async fn read_reply(
    response: reqwest::Response,
    request: &ProbeRequest,
    started: Instant,
) -> Outcome {
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                request.redact(&String::from_utf8_lossy(value.as_bytes())),
            )
        })
        .collect();
    let mut body = Vec::new();
    let mut body_cut = false;
    let mut ended_early = false;
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(bytes) => {
                let room = BODY_CAP - body.len();
                if bytes.len() > room {
                    body.extend_from_slice(&bytes[..room]);
                    body_cut = true;
                    break;
                }
                body.extend_from_slice(&bytes);
            }
            Err(e) if e.is_timeout() => {
                let detail = format!("status {status} arrived, but not the whole body in time");
                return failed(TransportFailure::Timeout, detail, started);
            }
            Err(_) => {
                // A reset, a body shorter than its length, a broken chunk or gzip stream.
                ended_early = true;
                break;
            }
        }
    }
    Outcome::Reply(Reply {
        status,
        headers,
        body: request.redact_body(body, body_cut),
        body_cut,
        ended_early,
        latency_ms: elapsed_ms(started),
        first_token_ms: None,
    })
}

/// The trust roots: Mozilla's, plus the certificates of `ca_file`. Verification stays on.
fn tls_config(ca_file: Option<&str>) -> Result<rustls::ClientConfig, ClientError> {
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(path) = ca_file {
        let ca_error = |why: String| ClientError::CaFile {
            path: path.to_owned(),
            why,
        };
        let mut added = 0;
        for cert in CertificateDer::pem_file_iter(path).map_err(|e| ca_error(e.to_string()))? {
            let cert = cert.map_err(|e| ca_error(e.to_string()))?;
            roots.add(cert).map_err(|e| ca_error(e.to_string()))?;
            added += 1;
        }
        if added == 0 {
            return Err(ca_error("holds no PEM certificate".into()));
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

fn elapsed_ms(started: Instant) -> u32 {
    u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX)
}

fn failed(failure: TransportFailure, detail: String, started: Instant) -> Outcome {
    Outcome::Failed {
        failure,
        detail,
        latency_ms: elapsed_ms(started),
    }
}

#[cfg(test)]
mod tests;
