//! Which live-state changes deserve a desktop notification, and what it says: an endpoint that
//! is some workflow's fallback going down, and the same endpoint recovering. A fallback is
//! where traffic goes when a primary fails, so losing one quietly is how an incident gets
//! worse; its degraded moments are left to the board. A first sample (from `unknown`) is no
//! change: opening the app does not announce every fallback that is down already.

use std::collections::HashSet;

use crate::health::Health;
use crate::inventory::Inventory;
use crate::probe::chains::fallback_of;
use crate::probe::live::StateChange;
use crate::probe::Reason;

/// A desktop notification's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// Remembers which fallbacks it reported down, so a recovery is reported only after a
/// reported outage (not after a brief degraded spell).
#[derive(Debug, Default)]
pub struct Notifier {
    down: HashSet<String>,
}

impl Notifier {
    /// The notice `change` deserves under `inv`, if any.
    pub fn notice(&mut self, change: &StateChange, inv: &Inventory) -> Option<Notice> {
        let endpoint = inv.endpoints.iter().find(|e| e.id == change.endpoint)?;
        let workflows = fallback_of(inv, &endpoint.id);
        if workflows.is_empty() {
            return None;
        }
        let vendor = inv
            .vendors
            .iter()
            .find(|v| v.id == endpoint.vendor)
            .map_or(endpoint.vendor.as_str(), |v| v.name.as_str());
        let names: Vec<&str> = workflows.iter().map(|w| w.name.as_str()).collect();
        let fallback_for = format!("fallback for {}", names.join(", "));
        let was_up = matches!(change.from, Health::Healthy | Health::Degraded);
        if change.to == Health::Down && was_up {
            self.down.insert(endpoint.id.clone());
            return Some(Notice {
                title: format!("Fallback down: {}", endpoint.name),
                body: format!(
                    "{} ({vendor}) is down: {}. It is the {fallback_for}.",
                    endpoint.name,
                    reason_words(change.reason)
                ),
            });
        }
        if change.to == Health::Healthy && self.down.remove(&endpoint.id) {
            return Some(Notice {
                title: format!("Fallback recovered: {}", endpoint.name),
                body: format!(
                    "{} ({vendor}) is healthy again, the {fallback_for}.",
                    endpoint.name
                ),
            });
        }
        None
    }
}

/// A reason in words, for people.
pub fn reason_words(reason: Reason) -> &'static str {
    use Reason::*;
    match reason {
        Ok => "answering normally",
        Slow => "slower than its latency objective",
        Throttled => "rate limited",
        Overloaded => "overloaded",
        StatusPageDegraded => "the vendor's status page reports degraded service",
        QuotaExhausted => "quota or spend limit exhausted",
        ServerError => "server errors",
        Auth => "the key was rejected",
        NoCredential => "no credential available",
        ModelNotFound => "the model was not found",
        BadRequest => "the request was refused as bad",
        Timeout => "no reply in time",
        ConnectTimeout => "could not connect in time",
        Dns => "the host name does not resolve",
        Tls => "the TLS connection failed",
        ConnectionReset => "the connection was reset",
        Oversized => "the reply was larger than expected",
        Truncated => "the reply was cut short",
        InvalidResponse => "the reply was not what the API sends",
        StatusPageOutage => "the vendor's status page reports an outage",
        NotProbed => "not probed",
    }
}

#[cfg(test)]
mod tests;
