//! The faults a simulated vendor can be switched into, and the table of the current fault per
//! vendor key, shared by the server, the control API and the app.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a simulated vendor misbehaves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Answers as the vendor does on a good day.
    #[default]
    None,
    /// 429 with Retry-After and the vendor's rate-limit headers.
    Throttle,
    /// The vendor's "out of credit" error (OpenAI `insufficient_quota`).
    Quota,
    /// 529 (Anthropic), 503 (OpenAI, Azure, Bedrock), Gemini `UNAVAILABLE`.
    Overloaded,
    /// 500 on every call, and the status page reports a major outage.
    Outage,
    /// The right answer, after a delay.
    Latency,
    /// An event stream whose tokens trickle in.
    SlowStream,
    /// A stream cut off before its end.
    Truncated,
    /// Takes the request and never answers.
    Hang,
}

crate::text_enum::text_enum!(FaultKind);

/// Retry-After a throttled vendor sends unless told otherwise, in seconds.
pub const DEFAULT_RETRY_AFTER_S: u32 = 30;
/// The delay of `latency` unless told otherwise.
pub const DEFAULT_LATENCY_MS: u32 = 3_000;
/// The gap between two tokens of `slow_stream` unless told otherwise.
pub const DEFAULT_TOKEN_GAP_MS: u32 = 1_000;
/// The longest Retry-After that can be set: a day (probes cap what they honour at 10 minutes).
pub const MAX_RETRY_AFTER_S: u32 = 86_400;
/// The longest delay that can be set: 10 minutes.
pub const MAX_LATENCY_MS: u32 = 600_000;

/// A fault and its options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields)]
pub struct Fault {
    pub kind: FaultKind,
    /// `throttle`: the Retry-After sent, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_s: Option<u32>,
    /// `latency`: the delay before the reply; `slow_stream`: the gap between tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u32>,
}

/// A fault or vendor key that cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FaultError {
    #[error("vendor key {key:?}: {why}")]
    Vendor { key: String, why: &'static str },
    #[error("fault {kind}: {why}")]
    Option { kind: FaultKind, why: String },
}

impl crate::error::Coded for FaultError {
    fn code(&self) -> crate::error::Code {
        crate::error::Code::Invalid
    }
}

impl Fault {
    pub fn none() -> Self {
        Self::default()
    }

    pub fn of(kind: FaultKind) -> Self {
        Self {
            kind,
            ..Self::default()
        }
    }

    pub fn retry_after_s(&self) -> u32 {
        self.retry_after_s.unwrap_or(DEFAULT_RETRY_AFTER_S)
    }

    pub fn latency_ms(&self) -> u32 {
        let default = match self.kind {
            FaultKind::SlowStream => DEFAULT_TOKEN_GAP_MS,
            _ => DEFAULT_LATENCY_MS,
        };
        self.latency_ms.unwrap_or(default)
    }

    /// An option the kind does not use is refused rather than silently ignored.
    pub fn validate(&self) -> Result<(), FaultError> {
        let bad = |why: String| {
            Err(FaultError::Option {
                kind: self.kind,
                why,
            })
        };
        if let Some(s) = self.retry_after_s {
            if self.kind != FaultKind::Throttle {
                return bad("retry_after_s applies to throttle only".into());
            }
            if s > MAX_RETRY_AFTER_S {
                return bad(format!(
                    "retry_after_s {s} is more than {MAX_RETRY_AFTER_S}"
                ));
            }
        }
        if let Some(ms) = self.latency_ms {
            if !matches!(self.kind, FaultKind::Latency | FaultKind::SlowStream) {
                return bad("latency_ms applies to latency and slow_stream only".into());
            }
            if ms > MAX_LATENCY_MS {
                return bad(format!("latency_ms {ms} is more than {MAX_LATENCY_MS}"));
            }
        }
        Ok(())
    }
}

/// A vendor key as the first path segment carries it: a vendor id of the inventory.
pub fn check_vendor_key(key: &str) -> Result<(), FaultError> {
    let why = if key.is_empty() {
        "is empty"
    } else if key.len() > 64 {
        "is longer than 64 characters"
    } else if !key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        "may hold only letters, digits, '-', '_' and '.'"
    } else if key.starts_with('_') {
        // `_simulator` is the control API's.
        "may not start with '_'"
    } else {
        return Ok(());
    };
    Err(FaultError::Vendor {
        key: key.to_owned(),
        why,
    })
}

/// The current fault of each vendor key; keys not in it have none. Cheap to clone: clones
/// share the table.
#[derive(Debug, Clone, Default)]
pub struct Faults(Arc<Mutex<BTreeMap<String, Fault>>>);

impl Faults {
    fn table(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Fault>> {
        // A panic elsewhere cannot leave a half-written fault: each write is one insert.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn get(&self, vendor: &str) -> Fault {
        self.table().get(vendor).cloned().unwrap_or_default()
    }

    /// Sets `vendor`'s fault; `none` clears it.
    pub fn set(&self, vendor: &str, fault: Fault) -> Result<(), FaultError> {
        check_vendor_key(vendor)?;
        fault.validate()?;
        let mut table = self.table();
        if fault.kind == FaultKind::None {
            table.remove(vendor);
        } else {
            table.insert(vendor.to_owned(), fault);
        }
        Ok(())
    }

    /// Every vendor key with a fault other than `none`.
    pub fn all(&self) -> BTreeMap<String, Fault> {
        self.table().clone()
    }
}
