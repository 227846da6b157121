//! A loopback HTTP(S) server that misbehaves on purpose, one way per path:
//!
//! | path | what it does |
//! |---|---|
//! | `/ok` | `200` with a small JSON body |
//! | `/hang` | reads the request, never answers |
//! | `/drip` | headers, then one body byte per second |
//! | `/huge` | a 1 GB body, streamed (never held in memory) |
//! | `/gzip-bomb` | a gzip body that inflates to 1 GB (about 1 MB on the wire) |
//! | `/loop` | `302` to itself, forever |
//! | `/redirect-to/URL` | `302` to `URL` |
//! | `/html` | an HTML page with status `200` |
//! | `/sse` | an event stream that never ends, one event every 200 ms |
//! | `/reset` | half the body, then a TCP reset |
//! | `/reset-before-reply` | a TCP reset instead of a reply |
//! | `/short` | a body shorter than its `content-length`, then a clean close |
//! | `/retry-after/VALUE` | `429` with `retry-after: VALUE` (percent-decoded), as sent |

use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

pub const GIB: u64 = 1 << 30;

pub struct FaultServer {
    pub addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultServer {
    /// Plain HTTP on `ip` (a loopback address), on a free port.
    pub async fn start(ip: &str) -> Self {
        Self::serve(ip, None).await
    }

    /// HTTPS with the given certificate chain and key (DER).
    pub async fn start_tls(ip: &str, tls: Arc<tokio_rustls::rustls::ServerConfig>) -> Self {
        Self::serve(ip, Some(tokio_rustls::TlsAcceptor::from(tls))).await
    }

    async fn serve(ip: &str, tls: Option<tokio_rustls::TlsAcceptor>) -> Self {
        let listener = TcpListener::bind((ip, 0))
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let connections = Arc::new(AtomicUsize::new(0));
        let counter = connections.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                counter.fetch_add(1, Ordering::SeqCst);
                let tls = tls.clone();
                tokio::spawn(async move {
                    match tls {
                        None => handle(stream).await,
                        Some(acceptor) => {
                            if let Ok(stream) = acceptor.accept(stream).await {
                                handle(stream).await;
                            }
                        }
                    }
                });
            }
        });
        Self {
            addr,
            connections,
            task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

async fn handle<S: AsyncRead + AsyncWrite + Unpin + Send + Resettable>(mut stream: S) {
    let Some(path) = read_request_path(&mut stream).await else {
        return;
    };
    if path == "/reset-before-reply" {
        stream.reset();
        return;
    }
    if path == "/reset" {
        // Resetting needs the stream itself.
        reset_mid_body(stream).await;
        return;
    }
    let _ = respond(&mut stream, &path).await;
}

/// Reads up to the end of the request head and returns the path.
async fn read_request_path<S: AsyncRead + Unpin>(stream: &mut S) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.ok()?;
        if n == 0 || head.len() > 64 * 1024 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&head).lines().next()?.to_owned();
    line.split(' ').nth(1).map(str::to_owned)
}

/// A stream that can end with a TCP reset instead of a clean close.
trait Resettable {
    fn reset(self);
}

impl Resettable for TcpStream {
    fn reset(self) {
        let _ = self.set_zero_linger();
        drop(self);
    }
}

impl Resettable for tokio_rustls::server::TlsStream<TcpStream> {
    fn reset(self) {
        let (tcp, _) = self.into_inner();
        tcp.reset();
    }
}

async fn respond<S: AsyncWrite + Unpin + Resettable>(
    stream: &mut S,
    path: &str,
) -> std::io::Result<()> {
    match path {
        "/ok" => {
            send(
                stream,
                "200 OK",
                "content-type: application/json\r\n",
                b"{\"ok\":true}",
            )
            .await
        }
        "/hang" => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            Ok(())
        }
        "/drip" => {
            stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n").await?;
            loop {
                stream.write_all(b" ").await?;
                stream.flush().await?;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
        "/huge" => {
            let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {GIB}\r\n\r\n");
            stream.write_all(head.as_bytes()).await?;
            let chunk = vec![b'x'; 64 * 1024];
            let mut sent = 0u64;
            while sent < GIB {
                stream.write_all(&chunk).await?;
                sent += chunk.len() as u64;
            }
            Ok(())
        }
        "/gzip-bomb" => {
            let member = gzip_member();
            let members = GIB / MEMBER_PLAIN as u64;
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: {}\r\n\r\n",
                member.len() as u64 * members
            );
            stream.write_all(head.as_bytes()).await?;
            for _ in 0..members {
                stream.write_all(member).await?;
            }
            Ok(())
        }
        "/loop" => redirect(stream, "/loop").await,
        "/html" => {
            let page = b"<!doctype html><html><head><title>Sign in</title></head><body>Sign in to continue</body></html>";
            send(
                stream,
                "200 OK",
                "content-type: text/html; charset=utf-8\r\n",
                page,
            )
            .await
        }
        "/sse" => {
            stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n").await?;
            let event = b"data: {\"choices\":[{\"delta\":{\"content\":\"pong\"}}]}\n\n";
            loop {
                stream
                    .write_all(format!("{:x}\r\n", event.len()).as_bytes())
                    .await?;
                stream.write_all(event).await?;
                stream.write_all(b"\r\n").await?;
                stream.flush().await?;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
        "/short" => {
            stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"choi").await?;
            stream.shutdown().await
        }
        _ if path.starts_with("/retry-after/") => {
            let value = percent_encoding::percent_decode_str(&path["/retry-after/".len()..])
                .decode_utf8_lossy();
            let body = br#"{"error":{"type":"rate_limit_error","message":"slow down"}}"#;
            let headers = format!("retry-after: {value}\r\ncontent-type: application/json\r\n");
            send(stream, "429 Too Many Requests", &headers, body).await
        }
        _ if path.starts_with("/redirect-to/") => {
            redirect(stream, &path["/redirect-to/".len()..]).await
        }
        _ => {
            send(
                stream,
                "404 Not Found",
                "content-type: text/plain\r\n",
                b"no such fault",
            )
            .await
        }
    }
}

async fn reset_mid_body<S: AsyncWrite + Unpin + Resettable>(mut stream: S) {
    let head =
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 20000\r\n\r\n";
    if stream.write_all(head).await.is_ok() && stream.write_all(&[b'x'; 10_000]).await.is_ok() {
        let _ = stream.flush().await;
        tokio::time::sleep(Duration::from_millis(50)).await;
        stream.reset();
    }
}

/// Sends a whole response; `headers` are complete header lines, each ending in CRLF.
async fn send<S: AsyncWrite + Unpin>(
    stream: &mut S,
    status: &str,
    headers: &str,
    body: &[u8],
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\n{headers}content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    stream.shutdown().await
}

async fn redirect<S: AsyncWrite + Unpin>(stream: &mut S, location: &str) -> std::io::Result<()> {
    let head = format!("HTTP/1.1 302 Found\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.flush().await
}

const MEMBER_PLAIN: usize = 1 << 20;

/// One gzip member holding 1 MiB of zeros; members concatenate into one valid gzip body.
fn gzip_member() -> &'static [u8] {
    static MEMBER: OnceLock<Vec<u8>> = OnceLock::new();
    MEMBER.get_or_init(|| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder
            .write_all(&vec![0u8; MEMBER_PLAIN])
            .expect("compress in memory");
        encoder.finish().expect("compress in memory")
    })
}
