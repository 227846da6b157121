//! `brownout simulate`: the vendor simulator in the foreground, and `simulate set`, which
//! switches a vendor's fault in a simulator that is running.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};

use brownout_core::simulator::{
    self, Fault, FaultKind, Remote, Simulator, CONTROL_PATH, DEFAULT_PORT,
};
use clap::{Args, Subcommand};

use super::Failure;

#[derive(Debug, Args)]
pub struct SimulateArgs {
    #[command(subcommand)]
    action: Option<SimulateAction>,
    /// The simulator's port on 127.0.0.1 (0: any free port, printed at start).
    #[arg(long, global = true, value_name = "N", default_value_t = DEFAULT_PORT)]
    port: u16,
}

#[derive(Debug, Subcommand)]
enum SimulateAction {
    /// Switch VENDOR (the first path segment, e.g. openai) of the running simulator into FAULT:
    /// none, throttle, quota, overloaded, outage, latency, slow_stream, truncated or hang.
    Set {
        vendor: String,
        #[arg(value_parser = parse_kind)]
        fault: FaultKind,
        /// throttle: the Retry-After sent, in seconds (default 30).
        #[arg(long, value_name = "S")]
        retry_after: Option<u32>,
        /// latency: the delay before each reply; slow_stream: the gap between tokens
        /// (defaults 3000 and 1000).
        #[arg(long, value_name = "MS")]
        latency_ms: Option<u32>,
    },
}

fn parse_kind(text: &str) -> Result<FaultKind, String> {
    text.parse().map_err(|e| format!("{e}"))
}

pub fn run(args: SimulateArgs, out: &mut impl Write) -> Result<i32, Failure> {
    match args.action {
        None => serve(args.port, out),
        Some(SimulateAction::Set {
            vendor,
            fault,
            retry_after,
            latency_ms,
        }) => {
            let fault = Fault {
                kind: fault,
                retry_after_s: retry_after,
                latency_ms,
            };
            let table = Remote::new(args.port).set(&vendor, &fault)?;
            if table.is_empty() {
                writeln!(out, "no vendor has a fault").map_err(Failure::input)?;
            }
            for (vendor, fault) in table {
                writeln!(out, "{vendor}: {}", describe(&fault)).map_err(Failure::input)?;
            }
            Ok(0)
        }
    }
}

/// `throttle (retry after 30 s)`, `latency (3000 ms)`.
fn describe(fault: &Fault) -> String {
    match fault.kind {
        FaultKind::Throttle => format!("throttle (retry after {} s)", fault.retry_after_s()),
        FaultKind::Latency | FaultKind::SlowStream => {
            format!("{} ({} ms)", fault.kind, fault.latency_ms())
        }
        kind => kind.to_string(),
    }
}

/// Runs the simulator until the process is ended.
fn serve(port: u16, out: &mut impl Write) -> Result<i32, Failure> {
    let handle = Simulator::start(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))?;
    let base = handle.base_url();
    let port = handle.port();
    let mut lines = vec![
        format!("Brownout vendor simulator on {base} (loopback only; stop it with Ctrl-C)"),
        "Base URLs per API style; the first path segment is the vendor key whose fault applies:"
            .to_owned(),
    ];
    for (style, url) in simulator::style_base_urls(&base) {
        lines.push(format!("  {style:<13} {url}"));
    }
    lines.push(format!(
        "Faults: GET {base}{CONTROL_PATH}; switch one with `brownout simulate set VENDOR FAULT --port {port}`"
    ));
    for line in lines {
        writeln!(out, "{line}").map_err(Failure::input)?;
    }
    // Whoever reads the port from the first line must not wait for a buffer to fill.
    out.flush().map_err(Failure::input)?;
    handle.wait();
    Ok(0)
}
