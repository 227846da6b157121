//! Live probes: periodic checks of endpoints (and vendor status pages) that yield a health
//! state and one typed reason per sample.
//!
//! - [`model`]: what a probe sample is: its [`Reason`], the [`Health`] it implies, and the facts
//!   kept with it; a `probe:` block ([`ProbeConfig`]); the raw [`Outcome`] of one probe.
//! - [`classify`] / [`headers`] / [`status_page`]: an outcome (or a status page) as a sample:
//!   its reason, Retry-After, rate-limit headroom and a secret-free error excerpt.
//! - [`live`]: an endpoint's live state, with hysteresis.
//! - [`schedule`]: when each endpoint is probed next (jittered, held back by Retry-After).
//! - [`history`]: samples, hourly rollups and state changes in SQLite, pruned by age.
//! - [`request`] / [`http`] / [`runner`]: the probe request per API style, one probe over
//!   HTTP with its limits, and a sweep over many endpoints.
//! - [`board`] / [`chains`] / [`spend`]: what the health board shows: endpoints with their
//!   live state, fallback chains with the link in use, the probes' estimated daily spend.
//! - [`targets`]: what an inventory's probes reach, really or at the simulator.
//! - [`monitor`]: the running service: schedules, live states, history, subscribers.
//! - [`notify`]: which state changes deserve a desktop notification, and its text.
//! - [`secrets`]: credential references resolved from the environment and the OS keyring.

pub mod board;
pub mod chains;
pub mod classify;
pub mod headers;
pub mod history;
pub mod http;
pub mod live;
pub mod model;
pub mod monitor;
pub mod notify;
pub mod request;
pub mod runner;
pub mod schedule;
pub mod secrets;
pub mod spend;
pub mod status_page;
pub mod targets;

pub use model::{
    Outcome, ProbeConfig, ProbeKind, RateLimit, Reason, Reply, Sample, TransportFailure,
};
