//! The vendor simulator: a loopback HTTP server that answers as OpenAI, Azure OpenAI,
//! Anthropic, Gemini, Bedrock and Statuspage do, with faults switchable per vendor at runtime.
//! A simulated workspace probes it instead of the vendors, so live health can be shown, and a
//! vendor broken on purpose, without an API key.
//!
//! Requests are routed by path suffix whatever the prefix; the first path segment is the vendor
//! key whose fault applies (`/openai/v1/chat/completions` → vendor `openai`).
//!
//! - [`fault`]: the faults, their options, and the table of current faults.
//! - [`route`]: which API a request is for.
//! - [`openai`], [`anthropic`], [`gemini`], [`bedrock`], [`status_page`]: each vendor's replies
//!   and errors.
//! - [`answer`]: a reply before it is sent; [`server`]: the server and the plan per fault.
//! - [`control`]: the control API and its client.
//! - [`embedded`]: the simulator a simulated workspace probes, started once when first needed.
//! - [`drill`]: the vendors of an inventory with their faults, as the app shows and sets them.

mod answer;
mod anthropic;
mod bedrock;
pub mod control;
pub mod drill;
pub mod embedded;
pub mod fault;
mod gemini;
mod openai;
mod route;
mod server;
pub mod status_page;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

pub use control::{ControlError, Remote, CONTROL_PATH};
pub use drill::{DrillError, DrillState, VendorDrill};
pub use embedded::{EmbeddedError, EmbeddedSimulator};
pub use fault::{Fault, FaultError, FaultKind, Faults};

/// The port `brownout simulate` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8642;

/// The base URL of each API style on the simulator at `base_url`, as simulated routing writes
/// them for the demo's vendors: `{base_url}/{vendor}{path of the real base URL}`.
pub fn style_base_urls(base_url: &str) -> Vec<(&'static str, String)> {
    [
        ("openai", "/openai/v1"),
        ("azure-openai", "/azure-openai"),
        ("anthropic", "/anthropic/v1"),
        ("gemini", "/google/v1beta"),
        ("bedrock", "/aws-bedrock"),
        ("status page", "/VENDOR/api/v2/summary.json"),
    ]
    .into_iter()
    .map(|(style, path)| (style, format!("{base_url}{path}")))
    .collect()
}

/// Why the simulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum SimulatorError {
    #[error("the simulator listens on loopback only, not on {addr}")]
    NotLoopback { addr: SocketAddr },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

impl crate::error::Coded for SimulatorError {
    fn code(&self) -> crate::error::Code {
        match self {
            SimulatorError::NotLoopback { .. } => crate::error::Code::Invalid,
            SimulatorError::Bind { .. } => crate::error::Code::Io,
        }
    }
}

/// Starts simulators.
pub struct Simulator;

impl Simulator {
    /// Listens on `addr` (a loopback address; port 0 picks a free one) and serves on a thread
    /// of its own, so it runs the same under any runtime or none. It stops when the handle is
    /// dropped.
    pub fn start(addr: SocketAddr) -> Result<SimulatorHandle, SimulatorError> {
        if !addr.ip().to_canonical().is_loopback() {
            return Err(SimulatorError::NotLoopback { addr });
        }
        let bind = |source| SimulatorError::Bind { addr, source };
        let listener = std::net::TcpListener::bind(addr).map_err(bind)?;
        listener.set_nonblocking(true).map_err(bind)?;
        let local = listener.local_addr().map_err(bind)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(bind)?;
        // Registered with the simulator's own runtime, which drives it on the thread.
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(listener).map_err(bind)?
        };
        let faults = Faults::default();
        let (stop, stopped) = oneshot::channel();
        let served = faults.clone();
        let thread = std::thread::Builder::new()
            .name("vendor-simulator".into())
            .spawn(move || runtime.block_on(server::serve(listener, served, stopped)))
            .map_err(bind)?;
        Ok(SimulatorHandle {
            addr: local,
            faults,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

/// A running simulator. Dropping it stops the server and closes its connections.
#[derive(Debug)]
pub struct SimulatorHandle {
    addr: SocketAddr,
    faults: Faults,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl SimulatorHandle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://127.0.0.1:PORT`, what simulated routing puts in front of each vendor's path.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The current fault table, shared with the server.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Sets `vendor`'s fault; `none` clears it.
    pub fn set_fault(&self, vendor: &str, fault: Fault) -> Result<(), FaultError> {
        self.faults.set(vendor, fault)
    }

    pub fn fault(&self, vendor: &str) -> Fault {
        self.faults.get(vendor)
    }

    pub fn all_faults(&self) -> BTreeMap<String, Fault> {
        self.faults.all()
    }

    /// Blocks until the simulator stops (for the command line, until the process is ended).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for SimulatorHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // The server ends at once when told; waiting for it frees the port before `drop` returns.
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests;
