//! A loopback HTTP server that hands every credential it receives straight back, as careless
//! or hostile servers do: in its error body and in its reply headers. It remembers what it
//! received, so a test can prove the probes really sent the key.
//!
//! | path ends with | reply |
//! |---|---|
//! | `/html` | `200` with an HTML page quoting the key |
//! | `/broken` | `500` with a plain-text body quoting the key |
//! | anything else | `401` with an OpenAI-style JSON error quoting the key |
//!
//! Every reply also carries the key in `x-echo-credential` and `www-authenticate`.
// Each test crate uses only part of this file.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// Request headers that carry a credential in one API style or another.
const CREDENTIAL_HEADERS: [&str; 4] = ["authorization", "x-api-key", "api-key", "x-goog-api-key"];

pub struct EchoServer {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<String>>>,
}

impl EchoServer {
    /// Listens on 127.0.0.1, a free port, on a thread of its own for the rest of the test run.
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = received.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = log.clone();
                std::thread::spawn(move || serve(stream, &log));
            }
        });
        Self { addr, received }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Every credential header value received so far (`Bearer …` as sent).
    pub fn received(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/")
        .to_owned();
    let mut credentials = Vec::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_owned());
        if name == "content-length" {
            length = value.parse().unwrap_or(0);
        }
        if CREDENTIAL_HEADERS.contains(&name.as_str()) {
            credentials.push(value);
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    log.lock().unwrap().extend(credentials.iter().cloned());
    let echoed = credentials.join(", ");
    let (status, content_type, body) = if path.ends_with("/html") {
        (
            "200 OK",
            "text/html",
            format!("<html><body><h1>Sign in</h1><p>Your key {echoed} was not accepted.</p></body></html>"),
        )
    } else if path.ends_with("/broken") {
        (
            "500 Internal Server Error",
            "text/plain",
            format!("upstream failed while checking {echoed}"),
        )
    } else {
        let message = format!("Incorrect API key provided: {echoed}.");
        (
            "401 Unauthorized",
            "application/json",
            serde_json::json!({ "error": {
                "message": message, "type": "invalid_request_error", "code": "invalid_api_key",
            }})
            .to_string(),
        )
    };
    let reply = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\nx-echo-credential: {echoed}\r\nwww-authenticate: Bearer realm=\"{echoed}\"\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = stream;
    let _ = stream.write_all(reply.as_bytes());
    let _ = stream.flush();
}
