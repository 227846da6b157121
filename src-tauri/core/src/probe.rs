//! Live probes: periodic checks of endpoints (and vendor status pages) that yield a health
//! state and one typed reason per sample.
//!
//! - [`model`]: what a probe sample is: its [`Reason`], the [`Health`] it implies, and the facts
//!   kept with it; a `probe:` block ([`ProbeConfig`]); the raw [`Outcome`] of one probe.

pub mod http;
pub mod model;
pub mod request;
pub mod runner;

pub use model::{
    Outcome, ProbeConfig, ProbeKind, RateLimit, Reason, Reply, Sample, TransportFailure,
};
