//! When each probed endpoint is due: every `interval_s` with jitter, so probes of many
//! endpoints spread out instead of firing together, and never before a throttled endpoint's
//! Retry-After (capped at 10 minutes). Timing lives in data: nothing here sleeps or reads a
//! clock; the caller passes the instant and sleeps until [`Schedule::next_due`].

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, Utc};

use crate::probe::model::defaults::MIN_INTERVAL_S;

/// The longest a Retry-After holds a probe back.
pub const MAX_RETRY_AFTER_S: u32 = 600;

/// How far a probe may land from its interval, as a fraction: ±10 %.
const JITTER_PER_MILLE: i64 = 100;

/// Where the jitter comes from: a seeded generator in tests, any generator in the app.
pub trait RandomSource {
    fn next_u64(&mut self) -> u64;
}

/// SplitMix64: small, fast, and the same sequence for the same seed.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
}

impl RandomSource for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A whole number in `0..=max` from `random`.
fn uniform(random: &mut dyn RandomSource, max: i64) -> i64 {
    if max <= 0 {
        return 0;
    }
    (random.next_u64() % (max as u64 + 1)) as i64
}

/// The interval an endpoint is probed at: its `interval_s`, at least the documented minimum.
fn interval_ms(interval_s: u32) -> i64 {
    i64::from(interval_s.max(MIN_INTERVAL_S)) * 1000
}

/// When to probe again after a probe that started at `started`: one interval later, moved by
/// up to ±10 % of it, and not before `retry_after_s` (capped at 10 minutes) has passed.
pub fn next_probe(
    started: DateTime<Utc>,
    interval_s: u32,
    retry_after_s: Option<u32>,
    random: &mut dyn RandomSource,
) -> DateTime<Utc> {
    let interval = interval_ms(interval_s);
    let span = interval * JITTER_PER_MILLE / 1000;
    let jittered = interval - span + uniform(random, 2 * span);
    let held = retry_after_s.map_or(0, |s| i64::from(s.min(MAX_RETRY_AFTER_S)) * 1000);
    started + Duration::milliseconds(jittered.max(held))
}

#[derive(Debug, Clone)]
struct Entry {
    interval_s: u32,
    /// `None` while a probe is running: it is not due again until it completes.
    due: Option<DateTime<Utc>>,
}

/// The probe times of many endpoints. Finding the due ones costs the number due (plus a
/// logarithm), not the number of endpoints.
pub struct Schedule<R: RandomSource = SplitMix64> {
    entries: HashMap<String, Entry>,
    queue: BTreeSet<(DateTime<Utc>, String)>,
    random: R,
}

impl Schedule<SplitMix64> {
    /// A schedule whose jitter comes from `seed`: the same seed, the same times.
    pub fn seeded(seed: u64) -> Self {
        Self::with_random(SplitMix64::new(seed))
    }
}

impl<R: RandomSource> Schedule<R> {
    pub fn with_random(random: R) -> Self {
        Self {
            entries: HashMap::new(),
            queue: BTreeSet::new(),
            random,
        }
    }

    /// Adds an endpoint probed every `interval_s`. Its first probe falls within the first tenth
    /// of an interval from `now`, so endpoints added together spread out. For an endpoint
    /// already here only the interval changes, from its next probe on: a running probe stays
    /// running, a due time stays.
    pub fn insert(&mut self, endpoint: &str, interval_s: u32, now: DateTime<Utc>) {
        if let Some(entry) = self.entries.get_mut(endpoint) {
            entry.interval_s = interval_s;
            return;
        }
        let offset = uniform(
            &mut self.random,
            interval_ms(interval_s) * JITTER_PER_MILLE / 1000,
        );
        let due = now + Duration::milliseconds(offset);
        self.queue.insert((due, endpoint.to_owned()));
        self.entries.insert(
            endpoint.to_owned(),
            Entry {
                interval_s,
                due: Some(due),
            },
        );
    }

    /// Stops probing an endpoint (its probe block was removed).
    pub fn remove(&mut self, endpoint: &str) {
        if let Some(Entry { due: Some(due), .. }) = self.entries.remove(endpoint) {
            self.queue.remove(&(due, endpoint.to_owned()));
        }
    }

    /// The endpoints due at `now`, earliest first. They count as running until
    /// [`completed`](Self::completed) is called for each, so a slow probe is never started
    /// twice.
    pub fn take_due(&mut self, now: DateTime<Utc>) -> Vec<String> {
        let mut due = Vec::new();
        while let Some((at, _)) = self.queue.first() {
            if *at > now {
                break;
            }
            let Some((_, endpoint)) = self.queue.pop_first() else {
                break;
            };
            if let Some(entry) = self.entries.get_mut(&endpoint) {
                entry.due = None;
            }
            due.push(endpoint);
        }
        due
    }

    /// Records that the probe of `endpoint` that started at `started` finished, with the
    /// Retry-After of its sample, and schedules the next one. Returns when that is (`None`
    /// for an endpoint not in the schedule).
    pub fn completed(
        &mut self,
        endpoint: &str,
        started: DateTime<Utc>,
        retry_after_s: Option<u32>,
    ) -> Option<DateTime<Utc>> {
        let entry = self.entries.get_mut(endpoint)?;
        if let Some(old) = entry.due.take() {
            self.queue.remove(&(old, endpoint.to_owned()));
        }
        let due = next_probe(started, entry.interval_s, retry_after_s, &mut self.random);
        entry.due = Some(due);
        self.queue.insert((due, endpoint.to_owned()));
        Some(due)
    }

    /// The next instant some endpoint is due: how long the caller may sleep.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        self.queue.first().map(|(at, _)| *at)
    }

    /// When `endpoint` is due next (`None`: not scheduled, or its probe is running).
    pub fn due_at(&self, endpoint: &str) -> Option<DateTime<Utc>> {
        self.entries.get(endpoint).and_then(|e| e.due)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests;
