//! `brownout simulate` as a user runs it: the simulator in the foreground on a free loopback
//! port, and `simulate set` switching its faults from another process.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

mod support {
    pub mod binary;
}

use support::binary::{assert_fails_saying, text};

fn brownout(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_brownout"));
    c.args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("BROWNOUT_DB");
    c
}

/// The simulator started by the test, ended (by its own pid) when the test ends.
struct Running {
    child: Child,
    port: u16,
    banner: Vec<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `brownout simulate --port 0`, with the port read from its first line.
fn simulate() -> Running {
    let mut child = brownout(&["simulate", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut banner = Vec::new();
    for _ in 0..9 {
        match lines.next() {
            Some(Ok(line)) => banner.push(line),
            _ => break,
        }
    }
    let first = banner.first().cloned().unwrap_or_default();
    let port = first
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {banner:?}"));
    Running {
        child,
        port,
        banner,
    }
}

/// A chat completion as OpenAI's clients send it; the status line and the whole reply.
fn chat(port: u16) -> String {
    let body =
        r#"{"model":"gpt-4o","messages":[{"role":"user","content":"ping"}],"max_tokens":16}"#;
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "POST /openai/v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1:{port}\r\nauthorization: Bearer simulated-key\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply
}

#[test]
fn simulate_prints_its_base_urls_and_set_switches_faults_of_the_running_one() {
    let sim = simulate();
    let port = sim.port;
    let banner = sim.banner.join("\n");
    for needle in [
        format!("http://127.0.0.1:{port}/openai/v1"),
        format!("http://127.0.0.1:{port}/anthropic/v1"),
        format!("http://127.0.0.1:{port}/google/v1beta"),
        format!("http://127.0.0.1:{port}/VENDOR/api/v2/summary.json"),
        format!("--port {port}"),
    ] {
        assert!(banner.contains(&needle), "{needle:?} not in:\n{banner}");
    }
    assert!(chat(port).starts_with("HTTP/1.1 200"));

    let p = port.to_string();
    let out = brownout(&[
        "simulate",
        "set",
        "openai",
        "throttle",
        "--retry-after",
        "9",
        "--port",
        &p,
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "openai: throttle (retry after 9 s)\n");
    let reply = chat(port);
    assert!(reply.starts_with("HTTP/1.1 429"), "{reply}");
    assert!(reply.contains("retry-after: 9\r\n"), "{reply}");
    assert!(
        reply.contains("x-ratelimit-remaining-requests: 0\r\n"),
        "{reply}"
    );

    let out = brownout(&["simulate", "set", "openai", "none", "--port", &p])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "no vendor has a fault\n");
    assert!(chat(port).starts_with("HTTP/1.1 200"));

    let out = brownout(&[
        "simulate",
        "set",
        "openai",
        "quota",
        "--latency-ms",
        "5",
        "--port",
        &p,
    ])
    .output()
    .unwrap();
    assert_fails_saying(
        &out,
        2,
        "latency_ms applies to latency and slow_stream only",
    );
}

#[test]
fn set_names_the_port_when_no_simulator_listens() {
    // A port that was free a moment ago: nothing listens on it now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let out = brownout(&["simulate", "set", "openai", "outage", "--port", &port])
        .output()
        .unwrap();
    assert_fails_saying(
        &out,
        2,
        &format!("no simulator listens on 127.0.0.1:{port}"),
    );
    assert_fails_saying(&out, 2, &format!("brownout simulate --port {port}"));
}

#[test]
fn set_refuses_an_unknown_fault_listing_the_known_ones() {
    let out = brownout(&["simulate", "set", "openai", "meltdown"])
        .output()
        .unwrap();
    assert_fails_saying(&out, 2, "meltdown");
    assert_fails_saying(&out, 2, "slow_stream");
}
