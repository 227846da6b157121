//! An endpoint's live state: the health the board shows, with hysteresis so one bad sample
//! does not page anyone and one good sample does not call an outage over. Pure and clock-free:
//! each sample carries its own time.
//!
//! - No state yet (`unknown`): the first sample sets the state directly.
//! - Leaving `healthy`: the first sample that is not healthy makes it `degraded` (with that
//!   sample's reason); `failures_to_down` consecutive down samples make it `down`.
//! - Getting better: `successes_to_up` consecutive healthy samples make it `healthy`; from
//!   `down`, as many consecutive samples that are not down, the last one degraded, make it
//!   `degraded`.
//!
//! The counters live in memory only; after a restart the state starts `unknown` again.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::health::Health;
use crate::probe::{ProbeConfig, Reason, Sample};

/// A change of an endpoint's live state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StateChange {
    pub endpoint: String,
    pub from: Health,
    pub to: Health,
    /// The reason of the sample that made the change.
    pub reason: Reason,
    /// The time of that sample, UTC RFC 3339.
    pub at: String,
}

/// The live state of one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveState {
    health: Health,
    reason: Reason,
    failures_to_down: u32,
    successes_to_up: u32,
    /// Consecutive samples that were down.
    down_run: u32,
    /// Consecutive samples that were healthy.
    healthy_run: u32,
    /// Consecutive samples that were not down (healthy or degraded).
    up_run: u32,
}

impl LiveState {
    /// An endpoint with no sample yet, using the thresholds of its `probe:` block (a threshold
    /// of 0 counts as 1).
    pub fn new(config: &ProbeConfig) -> Self {
        Self {
            health: Health::Unknown,
            reason: Reason::NotProbed,
            failures_to_down: config.failures_to_down.max(1),
            successes_to_up: config.successes_to_up.max(1),
            down_run: 0,
            healthy_run: 0,
            up_run: 0,
        }
    }

    /// Takes the thresholds of an edited `probe:` block, keeping the state and the runs of
    /// samples seen so far.
    pub fn reconfigure(&mut self, config: &ProbeConfig) {
        self.failures_to_down = config.failures_to_down.max(1);
        self.successes_to_up = config.successes_to_up.max(1);
    }

    pub fn health(&self) -> Health {
        self.health
    }

    /// Why the state is what it is: the reason of the latest sample that agreed with it.
    pub fn reason(&self) -> Reason {
        self.reason
    }

    /// Takes one sample into account; returns the change it caused, if any. A `not_probed`
    /// sample says nothing about the endpoint and is ignored. A new reason within the same
    /// state (throttled, then overloaded) updates [`reason`](Self::reason) without a change.
    pub fn observe(&mut self, sample: &Sample) -> Option<StateChange> {
        let seen = sample.health();
        match seen {
            Health::Unknown => return None,
            Health::Healthy => {
                self.healthy_run += 1;
                self.up_run += 1;
                self.down_run = 0;
            }
            Health::Degraded => {
                self.healthy_run = 0;
                self.up_run += 1;
                self.down_run = 0;
            }
            Health::Down => {
                self.healthy_run = 0;
                self.up_run = 0;
                self.down_run += 1;
            }
        }
        let next = match (self.health, seen) {
            (Health::Unknown, _) => seen,
            (_, Health::Down) if self.down_run >= self.failures_to_down => Health::Down,
            (Health::Healthy, Health::Degraded | Health::Down) => Health::Degraded,
            (Health::Degraded | Health::Down, Health::Healthy)
                if self.healthy_run >= self.successes_to_up =>
            {
                Health::Healthy
            }
            (Health::Down, Health::Degraded) if self.up_run >= self.successes_to_up => {
                Health::Degraded
            }
            (current, _) => current,
        };
        // The reason follows the samples that agree with the state shown; a down sample
        // short of `failures_to_down` is what "degraded" means here.
        if next == seen || (next == Health::Degraded && seen == Health::Down) {
            self.reason = sample.reason;
        }
        if next == self.health {
            return None;
        }
        let from = self.health;
        self.health = next;
        Some(StateChange {
            endpoint: sample.endpoint.clone(),
            from,
            to: next,
            reason: sample.reason,
            at: sample.at.clone(),
        })
    }
}

#[cfg(test)]
mod tests;
