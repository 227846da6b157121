//! The probe history: every sample (kept 7 days), hourly rollups of them (kept 90 days) and the
//! live-state changes, with the queries the health board asks. This module owns the
//! `probe_samples`, `probe_rollups`, `probe_rollup_failures` and `probe_state_changes` tables.
//!
//! Times are stored as integer unix seconds (UTC) so that pruning and the board's queries are
//! index range scans; they come back as UTC RFC 3339 with whole seconds.
//!
//! Percentiles are nearest-rank: the p-th percentile of n latencies sorted ascending is the one
//! at rank ⌈p·n/100⌉ (1-based), always a latency that was measured.

use chrono::{DateTime, Datelike, Duration, SecondsFormat, TimeZone, Timelike, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::probe::live::StateChange;
use crate::probe::{RateLimit, Reason, Sample};
use crate::rows::{self, from_row};
use crate::store::{Store, StoreError};

/// How long samples are kept.
pub const SAMPLE_DAYS: i64 = 7;
/// How long hourly rollups (and state changes, but the last of each endpoint) are kept.
pub const ROLLUP_DAYS: i64 = 90;

const HOUR_S: i64 = 3600;

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("the probe {what} of endpoint {endpoint} has an unreadable time {at:?} (expected RFC 3339, e.g. 2026-11-24T10:00:00Z); it was not recorded")]
    BadTime {
        what: &'static str,
        endpoint: String,
        at: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl crate::error::Coded for HistoryError {
    fn code(&self) -> crate::error::Code {
        match self {
            HistoryError::BadTime { .. } => crate::error::Code::Invalid,
            HistoryError::Store(e) => crate::error::Coded::code(e),
        }
    }
}

impl From<rusqlite::Error> for HistoryError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}

/// How many samples of an hour failed for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReasonCount {
    pub reason: Reason,
    pub samples: u32,
}

/// One endpoint's samples of one UTC hour, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rollup {
    pub endpoint: String,
    /// Start of the hour, UTC RFC 3339.
    pub hour: String,
    pub samples: u32,
    /// The samples that were not `ok`, by reason (in the order of the reason's name).
    pub failures: Vec<ReasonCount>,
    pub latency_p50_ms: u32,
    pub latency_p95_ms: u32,
    pub latency_max_ms: u32,
}

/// What one [`prune`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Endpoint-hours whose rollup was written.
    pub hours_rolled_up: usize,
    pub samples_deleted: usize,
    pub rollups_deleted: usize,
    pub changes_deleted: usize,
}

/// The statements that range over the history, named so a test can check each one searches
/// an index instead of scanning a table.
pub(crate) mod sql {
    pub const HOUR_SAMPLES: &str = "SELECT reason, latency_ms, rolled_up FROM probe_samples
         WHERE endpoint_id = ? AND at_s >= ? AND at_s < ?";
    pub const HOURS_TO_ROLL_UP: &str =
        "SELECT DISTINCT endpoint_id, at_s - ((at_s % 3600) + 3600) % 3600
                 FROM probe_samples WHERE rolled_up = 0 AND at_s < ?";
    pub const MARK_ROLLED_UP: &str =
        "UPDATE probe_samples SET rolled_up = 1 WHERE rolled_up = 0 AND at_s < ?";
    pub const DELETE_OLD_SAMPLES: &str = "DELETE FROM probe_samples WHERE at_s < ?";
    pub const DELETE_OLD_ROLLUPS: &str = "DELETE FROM probe_rollups WHERE hour_s <= ?";
    pub const DELETE_OLD_CHANGES: &str =
        "DELETE FROM probe_state_changes WHERE at_s < ?1 AND id NOT IN
                (SELECT max(id) FROM probe_state_changes GROUP BY endpoint_id)";
    pub const RECENT_SAMPLES: &str =
        "SELECT endpoint_id, reason, http_status, latency_ms, first_token_ms, retry_after_s,
                error_excerpt, at_s,
                remaining_requests, remaining_tokens, requests_reset_s, tokens_reset_s
             FROM probe_samples WHERE endpoint_id = ? AND at_s >= ?
             ORDER BY at_s DESC, id DESC LIMIT ?";
    pub const ROLLUP_HOURS: &str =
        "SELECT hour_s FROM probe_rollups WHERE endpoint_id = ? AND hour_s >= ?
             ORDER BY hour_s";
    pub const CHANGES_SINCE: &str =
        "SELECT endpoint_id, from_health, to_health, reason, at_s FROM probe_state_changes
             WHERE at_s >= ? ORDER BY at_s, id";
    // The window is a day of the 7 kept: reading it by time beats walking every endpoint.
    pub const COUNTS_SINCE: &str = "SELECT endpoint_id, count(*), sum(reason = 'ok')
             FROM probe_samples INDEXED BY probe_samples_by_time
             WHERE at_s >= ? GROUP BY endpoint_id";
    pub const LAST_CHANGE: &str =
        "SELECT endpoint_id, from_health, to_health, reason, at_s FROM probe_state_changes
             WHERE endpoint_id = ? ORDER BY at_s DESC, id DESC LIMIT 1";
}

fn unix_s(what: &'static str, endpoint: &str, at: &str) -> Result<i64, HistoryError> {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.timestamp())
        .map_err(|_| HistoryError::BadTime {
            what,
            endpoint: endpoint.to_owned(),
            at: at.to_owned(),
        })
}

fn rfc3339(s: i64) -> String {
    Utc.timestamp_opt(s, 0)
        .single()
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Start of the UTC hour holding `s`.
fn hour_of(s: i64) -> i64 {
    s - s.rem_euclid(HOUR_S)
}

/// Records one sample.
pub fn record_sample(store: &Store, sample: &Sample) -> Result<(), HistoryError> {
    record_samples(store, std::slice::from_ref(sample))
}

/// Records the samples of a sweep in one transaction (one sync to disk, not one per sample).
/// A sample with an unreadable time records none of them.
pub fn record_samples(store: &Store, samples: &[Sample]) -> Result<(), HistoryError> {
    let times = samples
        .iter()
        .map(|s| unix_s("sample", &s.endpoint, &s.at))
        .collect::<Result<Vec<_>, _>>()?;
    store.write(|tx| {
        let mut insert = tx.prepare_cached(
            "INSERT INTO probe_samples (endpoint_id, at_s, reason, http_status, latency_ms,
                first_token_ms, remaining_requests, remaining_tokens, requests_reset_s,
                tokens_reset_s, retry_after_s, error_excerpt)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        for (sample, at) in samples.iter().zip(times) {
            insert.execute(params![
                sample.endpoint,
                at,
                sample.reason,
                sample.http_status,
                sample.latency_ms,
                sample.first_token_ms,
                sample.rate_limit.remaining_requests,
                sample.rate_limit.remaining_tokens,
                sample.rate_limit.requests_reset_s,
                sample.rate_limit.tokens_reset_s,
                sample.retry_after_s,
                sample.error_excerpt,
            ])?;
        }
        Ok(())
    })
}

/// Records one change of an endpoint's live state.
pub fn record_change(store: &Store, change: &StateChange) -> Result<(), HistoryError> {
    let at = unix_s("state change", &change.endpoint, &change.at)?;
    store.write(|tx| {
        tx.execute(
            "INSERT INTO probe_state_changes (endpoint_id, at_s, from_health, to_health, reason)
             VALUES (?, ?, ?, ?, ?)",
            params![change.endpoint, at, change.from, change.to, change.reason],
        )?;
        Ok(())
    })
}

/// The nearest-rank `p`-th percentile of `sorted` (ascending, not empty).
pub(crate) fn percentile(sorted: &[u32], p: u32) -> u32 {
    let n = sorted.len();
    let rank = (p as usize * n).div_ceil(100).max(1);
    sorted[rank.min(n) - 1]
}

/// Sums up `samples` (reason, latency) of one hour; `None` for no samples.
fn summarize(samples: &[(Reason, u32)]) -> Option<(u32, Vec<ReasonCount>, [u32; 3])> {
    if samples.is_empty() {
        return None;
    }
    let mut latencies: Vec<u32> = samples.iter().map(|(_, l)| *l).collect();
    latencies.sort_unstable();
    let mut failures: Vec<ReasonCount> = Vec::new();
    for (reason, _) in samples.iter().filter(|(r, _)| *r != Reason::Ok) {
        match failures.iter_mut().find(|f| f.reason == *reason) {
            Some(f) => f.samples += 1,
            None => failures.push(ReasonCount {
                reason: *reason,
                samples: 1,
            }),
        }
    }
    failures.sort_by_key(|f| f.reason.to_string());
    let stats = [
        percentile(&latencies, 50),
        percentile(&latencies, 95),
        *latencies.last().unwrap_or(&0),
    ];
    Some((samples.len() as u32, failures, stats))
}

/// Writes the rollup of one endpoint-hour from its samples still held. When some samples of
/// the hour were already pruned (a late sample for an old hour), its new samples are added to
/// the rollup: counts and the maximum stay exact, the percentiles keep their earlier values.
fn roll_up_hour(tx: &Connection, endpoint: &str, hour: i64) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(sql::HOUR_SAMPLES)?;
    let rows: Vec<(Reason, u32, bool)> = stmt
        .query_map(params![endpoint, hour, hour + HOUR_S], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    let held_before = rows.iter().filter(|r| r.2).count() as u32;
    let existing = read_rollup(tx, endpoint, hour)?;
    let all: Vec<(Reason, u32)> = rows.iter().map(|r| (r.0, r.1)).collect();
    let (samples, failures, stats) = match existing {
        Some(old) if old.samples != held_before => {
            let new: Vec<(Reason, u32)> =
                rows.iter().filter(|r| !r.2).map(|r| (r.0, r.1)).collect();
            let Some((n, new_failures, new_stats)) = summarize(&new) else {
                return Ok(());
            };
            let mut failures = old.failures;
            for f in new_failures {
                match failures.iter_mut().find(|o| o.reason == f.reason) {
                    Some(o) => o.samples += f.samples,
                    None => failures.push(f),
                }
            }
            failures.sort_by_key(|f| f.reason.to_string());
            let stats = [
                old.latency_p50_ms,
                old.latency_p95_ms,
                old.latency_max_ms.max(new_stats[2]),
            ];
            (old.samples + n, failures, stats)
        }
        _ => match summarize(&all) {
            Some(summary) => summary,
            None => return Ok(()),
        },
    };
    tx.execute(
        "INSERT OR REPLACE INTO probe_rollups
            (endpoint_id, hour_s, samples, latency_p50_ms, latency_p95_ms, latency_max_ms)
         VALUES (?, ?, ?, ?, ?, ?)",
        params![endpoint, hour, samples, stats[0], stats[1], stats[2]],
    )?;
    tx.execute(
        "DELETE FROM probe_rollup_failures WHERE endpoint_id = ? AND hour_s = ?",
        params![endpoint, hour],
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO probe_rollup_failures (endpoint_id, hour_s, reason, samples)
         VALUES (?, ?, ?, ?)",
    )?;
    for f in &failures {
        insert.execute(params![endpoint, hour, f.reason, f.samples])?;
    }
    Ok(())
}

/// Rolls up every finished hour with samples not yet counted, then deletes samples older than
/// 7 days, rollups older than 90 days, and state changes older than 90 days except the last
/// one of each endpoint. One transaction: a crash leaves either all of it or none.
pub fn prune(store: &Store, now: DateTime<Utc>) -> Result<Pruned, HistoryError> {
    let now_s = now.timestamp();
    let this_hour = hour_of(now_s);
    let sample_cutoff = (now - Duration::days(SAMPLE_DAYS)).timestamp();
    let rollup_cutoff = (now - Duration::days(ROLLUP_DAYS)).timestamp();
    store.write(|tx| {
        let hours: Vec<(String, i64)> = tx
            .prepare(sql::HOURS_TO_ROLL_UP)?
            .query_map([this_hour], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (endpoint, hour) in &hours {
            roll_up_hour(tx, endpoint, *hour)?;
        }
        tx.execute(sql::MARK_ROLLED_UP, [this_hour])?;
        let samples_deleted = tx.execute(sql::DELETE_OLD_SAMPLES, [sample_cutoff])?;
        // A rollup goes once its whole hour is older than 90 days.
        let rollups_deleted = tx.execute(sql::DELETE_OLD_ROLLUPS, [rollup_cutoff - HOUR_S])?;
        let changes_deleted = tx.execute(sql::DELETE_OLD_CHANGES, [rollup_cutoff])?;
        Ok(Pruned {
            hours_rolled_up: hours.len(),
            samples_deleted,
            rollups_deleted,
            changes_deleted,
        })
    })
}

/// Reads a row of `RECENT_SAMPLES`: the plain columns, then the time and the rate limit.
fn sample_from(r: &Row) -> rusqlite::Result<Sample> {
    Ok(from_row!(r => Sample {
        endpoint, reason, http_status, latency_ms, first_token_ms, retry_after_s, error_excerpt;
        at: rfc3339(r.get(7)?),
        rate_limit: RateLimit {
            remaining_requests: r.get(8)?,
            remaining_tokens: r.get(9)?,
            requests_reset_s: r.get(10)?,
            tokens_reset_s: r.get(11)?,
        }
    }))
}

/// The samples of `endpoint` taken at `since` or later, newest first, at most `limit`.
pub fn recent_samples(
    store: &Store,
    endpoint: &str,
    since: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<Sample>, HistoryError> {
    store.read(|c| {
        let mut stmt = c.prepare(sql::RECENT_SAMPLES)?;
        Ok(rows::all(
            &mut stmt,
            params![endpoint, since.timestamp(), limit],
            sample_from,
        )?)
    })
}

fn failures_of(c: &Connection, endpoint: &str, hour: i64) -> rusqlite::Result<Vec<ReasonCount>> {
    let mut stmt = c.prepare_cached(
        "SELECT reason, samples FROM probe_rollup_failures
         WHERE endpoint_id = ? AND hour_s = ? ORDER BY reason",
    )?;
    rows::all(&mut stmt, params![endpoint, hour], |r| {
        Ok(from_row!(r => ReasonCount { reason, samples }))
    })
}

fn read_rollup(c: &Connection, endpoint: &str, hour: i64) -> rusqlite::Result<Option<Rollup>> {
    let row = c
        .query_row(
            "SELECT samples, latency_p50_ms, latency_p95_ms, latency_max_ms FROM probe_rollups
             WHERE endpoint_id = ? AND hour_s = ?",
            params![endpoint, hour],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((samples, p50, p95, max)) = row else {
        return Ok(None);
    };
    Ok(Some(Rollup {
        endpoint: endpoint.to_owned(),
        hour: rfc3339(hour),
        samples,
        failures: failures_of(c, endpoint, hour)?,
        latency_p50_ms: p50,
        latency_p95_ms: p95,
        latency_max_ms: max,
    }))
}

/// The rollups of `endpoints` (a vendor's, say) for hours starting at `since` or later, by
/// endpoint in the order given, then by hour.
pub fn rollups(
    store: &Store,
    endpoints: &[&str],
    since: DateTime<Utc>,
) -> Result<Vec<Rollup>, HistoryError> {
    store.read(|c| {
        let mut out = Vec::new();
        let mut stmt = c.prepare(sql::ROLLUP_HOURS)?;
        for endpoint in endpoints {
            let hours: Vec<i64> = stmt
                .query_map(params![endpoint, hour_of(since.timestamp())], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for hour in hours {
                out.extend(read_rollup(c, endpoint, hour)?);
            }
        }
        Ok(out)
    })
}

/// How many samples an endpoint had over some time, and how many of them were healthy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SampleCounts {
    pub samples: u32,
    pub healthy: u32,
}

/// Per endpoint with samples at `since` or later, how many it had and how many were healthy.
pub fn counts_since(
    store: &Store,
    since: DateTime<Utc>,
) -> Result<std::collections::HashMap<String, SampleCounts>, StoreError> {
    store.read(|c| {
        let mut stmt = c.prepare(sql::COUNTS_SINCE)?;
        let rows = rows::all(&mut stmt, [since.timestamp()], |r| {
            let counts = SampleCounts {
                samples: r.get(1)?,
                healthy: r.get(2)?,
            };
            Ok((r.get::<_, String>(0)?, counts))
        })?;
        Ok(rows.into_iter().collect())
    })
}

/// Reads a row of `LAST_CHANGE` or `CHANGES_SINCE`, whose time comes last.
fn change_from(r: &Row) -> rusqlite::Result<StateChange> {
    Ok(from_row!(r => StateChange { endpoint, from, to, reason; at: rfc3339(r.get(4)?) }))
}

/// The latest change of `endpoint`'s live state, if it ever changed.
pub fn last_change(store: &Store, endpoint: &str) -> Result<Option<StateChange>, HistoryError> {
    store.read(|c| {
        Ok(c.query_row(sql::LAST_CHANGE, [endpoint], change_from)
            .optional()?)
    })
}

/// Every change of every endpoint at `since` or later, oldest first (what an open incident
/// copies onto its timeline).
pub fn changes_since(
    store: &Store,
    since: DateTime<Utc>,
) -> Result<Vec<StateChange>, HistoryError> {
    store.read(|c| {
        let mut stmt = c.prepare(sql::CHANGES_SINCE)?;
        Ok(rows::all(&mut stmt, [since.timestamp()], change_from)?)
    })
}

/// One cell of a peak-hours heatmap: an hour of the day on a weekday, in the zone shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HeatCell {
    /// 0 is Monday.
    pub weekday: u8,
    /// 0 to 23.
    pub hour: u8,
    pub samples: u32,
    pub throttled: u32,
    /// Samples that were not `ok`, throttled ones included.
    pub failures: u32,
    /// The sample-weighted mean of the hours' p95 latencies.
    pub latency_p95_ms: u32,
}

/// Folds rollups into heatmap cells (hour of day by weekday in `zone`), the cells with samples
/// only, by weekday then hour.
pub fn heatmap<Tz: TimeZone>(rollups: &[Rollup], zone: &Tz) -> Vec<HeatCell> {
    // (samples, throttled, failures, Σ p95·samples) per weekday-hour.
    let mut cells = [[(0u64, 0u64, 0u64, 0u64); 24]; 7];
    for r in rollups {
        let Ok(start) = DateTime::parse_from_rfc3339(&r.hour) else {
            continue;
        };
        let local = start.with_timezone(zone);
        let cell =
            &mut cells[local.weekday().num_days_from_monday() as usize][local.hour() as usize];
        let n = u64::from(r.samples);
        cell.0 += n;
        for f in &r.failures {
            cell.2 += u64::from(f.samples);
            if f.reason == Reason::Throttled {
                cell.1 += u64::from(f.samples);
            }
        }
        cell.3 += u64::from(r.latency_p95_ms) * n;
    }
    let mut out = Vec::new();
    for (weekday, hours) in cells.iter().enumerate() {
        for (hour, &(samples, throttled, failures, weighted)) in hours.iter().enumerate() {
            if samples == 0 {
                continue;
            }
            out.push(HeatCell {
                weekday: weekday as u8,
                hour: hour as u8,
                samples: samples as u32,
                throttled: throttled as u32,
                failures: failures as u32,
                latency_p95_ms: (weighted / samples) as u32,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
