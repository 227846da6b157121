//! The control API, on the simulator's own port: `GET /_simulator/faults` gives every vendor
//! key's fault, `PUT /_simulator/faults/VENDOR` with a [`Fault`] as JSON sets one (`none`
//! clears it). [`Remote`] is its client, for `brownout simulate set`.
//!
//! Only local programs may switch faults: the server listens on loopback, and the control API
//! also refuses peers that are not loopback and a `Host` that is not a loopback name (a web
//! page cannot reach it through a rebound DNS name). `PUT` with a JSON body is not a request a
//! browser sends cross-site without asking first, and the simulator never says yes.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use serde_json::json;

use super::answer::Answer;
use super::fault::{check_vendor_key, Fault, FaultError, Faults};
use super::server::{read_body, REQUEST_CAP};

/// Where the control API lives.
pub const CONTROL_PATH: &str = "/_simulator/faults";
/// How long the client waits for the simulator's answer.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

pub(crate) fn is_control(path: &str) -> bool {
    path == "/_simulator" || path.starts_with("/_simulator/")
}

fn error(status: u16, message: impl Into<String>) -> Answer {
    Answer::json(status, &json!({ "error": message.into() }))
}

fn table(faults: &Faults) -> Answer {
    Answer::json(200, &json!(faults.all()))
}

/// Whether `host` (a `Host` header) names this machine's loopback.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        // `[::1]:8642`, `127.0.0.1:8642`; a bare `::1` is not a valid Host.
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.to_canonical().is_loopback())
}

pub(crate) async fn handle(
    request: Request<Incoming>,
    peer: SocketAddr,
    faults: &Faults,
) -> Answer {
    let host = request
        .headers()
        .get(hyper::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if !peer.ip().to_canonical().is_loopback() || !is_loopback_host(&host) {
        return error(403, "the control API answers loopback clients only");
    }
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    if path == CONTROL_PATH {
        return match method {
            Method::GET => table(faults),
            _ => error(
                405,
                format!("{CONTROL_PATH} takes GET; set one vendor with PUT {CONTROL_PATH}/VENDOR"),
            ),
        };
    }
    let Some(vendor) = path
        .strip_prefix(CONTROL_PATH)
        .and_then(|p| p.strip_prefix('/'))
    else {
        return error(404, format!("the control API is {CONTROL_PATH}"));
    };
    let vendor = vendor.to_owned();
    match method {
        Method::GET => Answer::json(200, &json!(faults.get(&vendor))),
        Method::PUT => {
            let Some(body) = read_body(request.into_body()).await else {
                return error(400, format!("the body is larger than {REQUEST_CAP} bytes"));
            };
            let fault: Fault = match serde_json::from_slice(&body) {
                Ok(fault) => fault,
                Err(e) => return error(400, format!("the body is not a fault: {e}")),
            };
            match faults.set(&vendor, fault) {
                Ok(()) => table(faults),
                Err(e) => error(400, e.to_string()),
            }
        }
        _ => error(405, format!("{CONTROL_PATH}/VENDOR takes GET or PUT")),
    }
}

/// Why the control API could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ControlError {
    #[error("no simulator listens on 127.0.0.1:{port} ({why}); start one with `brownout simulate --port {port}`")]
    NotListening { port: u16, why: String },
    #[error("the simulator on 127.0.0.1:{port} did not answer within {} s", CLIENT_TIMEOUT.as_secs())]
    NoAnswer { port: u16 },
    #[error("the simulator on 127.0.0.1:{port} refused: {message}")]
    Refused { port: u16, message: String },
    #[error("127.0.0.1:{port} answered, but not as a Brownout simulator: {why}")]
    NotSimulator { port: u16, why: String },
    #[error(transparent)]
    Fault(#[from] FaultError),
}

impl crate::error::Coded for ControlError {
    fn code(&self) -> crate::error::Code {
        match self {
            ControlError::Refused { .. } | ControlError::Fault(_) => crate::error::Code::Invalid,
            _ => crate::error::Code::Io,
        }
    }
}

/// A client of the control API of the simulator on `127.0.0.1:port`. Blocking: it runs its
/// own small runtime, so the command line needs none.
#[derive(Debug, Clone, Copy)]
pub struct Remote {
    pub port: u16,
}

impl Remote {
    pub fn new(port: u16) -> Self {
        Self { port }
    }

    /// Every vendor key with a fault.
    pub fn faults(&self) -> Result<BTreeMap<String, Fault>, ControlError> {
        self.call(Method::GET, CONTROL_PATH.to_owned(), None)
    }

    /// Sets `vendor`'s fault and returns the whole table after it.
    pub fn set(
        &self,
        vendor: &str,
        fault: &Fault,
    ) -> Result<BTreeMap<String, Fault>, ControlError> {
        check_vendor_key(vendor)?;
        fault.validate()?;
        let body = serde_json::to_vec(fault).unwrap_or_default();
        self.call(Method::PUT, format!("{CONTROL_PATH}/{vendor}"), Some(body))
    }

    fn call(
        &self,
        method: Method,
        path: String,
        body: Option<Vec<u8>>,
    ) -> Result<BTreeMap<String, Fault>, ControlError> {
        let port = self.port;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ControlError::NotListening {
                port,
                why: format!("no runtime: {e}"),
            })?;
        runtime.block_on(async move {
            match tokio::time::timeout(CLIENT_TIMEOUT, exchange(port, method, path, body)).await {
                Ok(result) => result,
                Err(_) => Err(ControlError::NoAnswer { port }),
            }
        })
    }
}

async fn exchange(
    port: u16,
    method: Method,
    path: String,
    body: Option<Vec<u8>>,
) -> Result<BTreeMap<String, Fault>, ControlError> {
    let not_simulator = |why: String| ControlError::NotSimulator { port, why };
    let stream = tokio::net::TcpStream::connect((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|e| ControlError::NotListening {
            port,
            why: e.to_string(),
        })?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| not_simulator(e.to_string()))?;
    tokio::spawn(connection);
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("host", format!("127.0.0.1:{port}"))
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body.unwrap_or_default())))
        .map_err(|e| not_simulator(e.to_string()))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| not_simulator(e.to_string()))?;
    let status = response.status();
    let bytes = Limited::new(response.into_body(), REQUEST_CAP)
        .collect()
        .await
        .map_err(|e| not_simulator(e.to_string()))?
        .to_bytes();
    if status.is_success() {
        return serde_json::from_slice(&bytes).map_err(|e| not_simulator(e.to_string()));
    }
    let message = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_owned));
    match message {
        Some(message) => Err(ControlError::Refused { port, message }),
        None => Err(not_simulator(format!("HTTP {status}"))),
    }
}
