//! Payloads of the events the shell sends to the UI. Their names are declared with the
//! commands, in [`crate::commands::list`]; send one with [`Event::emit`](crate::commands::Event).

use serde::Serialize;
use ts_rs::TS;

use brownout_core::probe::board::EndpointLive;

/// Runbook files changed on disk (another editor, a `git pull`); the index already holds them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RunbooksChanged {
    /// The changed files, relative to the runbooks folder.
    pub files: Vec<String>,
}

/// An endpoint's (or a vendor status page's) live state changed, or it has a new sample.
#[derive(Debug, Clone, Serialize, TS)]
pub struct HealthChanged {
    pub endpoint: EndpointLive,
}
