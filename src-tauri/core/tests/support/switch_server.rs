//! A loopback HTTP server whose answer per path is switched at runtime, counting the requests
//! each path got: `/NAME…` answers as [`Answer`] set for `NAME` (200 until set).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Ok,
    /// This status, with a small body.
    Status(u16),
    /// 429 with `retry-after: SECONDS`.
    Throttle(u32),
    /// Reads the request, never answers.
    Hang,
    /// 200 with this JSON body.
    Json(String),
}

#[derive(Default)]
struct Shared {
    answers: HashMap<String, Answer>,
    hits: HashMap<String, usize>,
}

pub struct SwitchServer {
    pub port: u16,
    shared: Arc<Mutex<Shared>>,
    task: JoinHandle<()>,
}

impl Drop for SwitchServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SwitchServer {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let port = listener.local_addr().expect("address").port();
        let shared = Arc::new(Mutex::new(Shared::default()));
        let serving = shared.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut stream, _)) = listener.accept().await else {
                    continue;
                };
                let shared = serving.clone();
                tokio::spawn(async move {
                    let mut head = Vec::new();
                    let mut buf = [0u8; 4096];
                    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                        match stream.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => head.extend_from_slice(&buf[..n]),
                        }
                    }
                    let line = String::from_utf8_lossy(&head)
                        .lines()
                        .next()
                        .unwrap_or("")
                        .to_owned();
                    let path = line.split(' ').nth(1).unwrap_or("/").to_owned();
                    let name = path
                        .trim_start_matches('/')
                        .split('/')
                        .next()
                        .unwrap_or("")
                        .to_owned();
                    let answer = {
                        let mut s = shared.lock().unwrap();
                        *s.hits.entry(name.clone()).or_default() += 1;
                        s.answers.get(&name).cloned().unwrap_or(Answer::Ok)
                    };
                    let mut body = "{\"ok\":true}".to_owned();
                    let (status, extra) = match answer {
                        Answer::Ok => (200, String::new()),
                        Answer::Status(code) => (code, String::new()),
                        Answer::Throttle(s) => (429, format!("retry-after: {s}\r\n")),
                        Answer::Json(json) => {
                            body = json;
                            (200, String::new())
                        }
                        Answer::Hang => {
                            std::future::pending::<()>().await;
                            return;
                        }
                    };
                    let reply = format!(
                        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n{extra}content-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = stream.write_all(reply.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        Self { port, shared, task }
    }

    pub fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{name}", self.port)
    }

    pub fn set(&self, name: &str, answer: Answer) {
        self.shared
            .lock()
            .unwrap()
            .answers
            .insert(name.to_owned(), answer);
    }

    pub fn hits(&self, name: &str) -> usize {
        self.shared
            .lock()
            .unwrap()
            .hits
            .get(name)
            .copied()
            .unwrap_or(0)
    }
}
