//! Live probes: periodic checks of endpoints (and vendor status pages) that yield a health
//! state and one typed reason per sample.
//!
//! - [`model`]: what a probe sample is: its [`Reason`], the [`Health`] it implies, and the facts
//!   kept with it.

pub mod model;

pub use model::{RateLimit, Reason, Sample};
