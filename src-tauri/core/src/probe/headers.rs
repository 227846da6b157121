//! Reading a reply's throttling headers: Retry-After (seconds or an HTTP date) and the
//! rate-limit headroom vendors report (`x-ratelimit-*` from OpenAI and Azure OpenAI,
//! `anthropic-ratelimit-*` from Anthropic).
//!
//! Vendors and proxies send junk here at times; a value that cannot be read is treated as
//! absent, never as an error, so that one odd header cannot hide the reply's reason.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::model::RateLimit;

/// The longest wait a Retry-After may impose, in seconds (10 minutes).
pub const MAX_RETRY_AFTER_S: u32 = 600;

/// The furthest a rate-limit reset is reported, in seconds (one day): beyond that the value is
/// more likely junk than a real window.
pub const MAX_RESET_S: u64 = 86_400;

/// The first value of the header `name` (header names are lower case).
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// Retry-After in whole seconds from `now`, 0 to [`MAX_RETRY_AFTER_S`]: `None` when absent,
/// negative or unreadable. A date in the past is 0; anything longer is capped. Without a
/// readable `retry-after`, Azure's and OpenAI's `retry-after-ms` is read instead.
pub fn retry_after(headers: &[(String, String)], now: DateTime<Utc>) -> Option<u32> {
    let from_ms = || {
        let ms = parse_seconds(header(headers, "retry-after-ms")?)?;
        Some(cap_retry(ms / 1000.0))
    };
    header(headers, "retry-after")
        .and_then(|value| parse_retry_after(value, now))
        .or_else(from_ms)
}

/// One Retry-After value: delay-seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<u32> {
    if let Some(seconds) = parse_seconds(value) {
        return Some(cap_retry(seconds));
    }
    let at = parse_http_date(value)?;
    let seconds = (at - now).num_milliseconds() as f64 / 1000.0;
    Some(cap_retry(seconds.max(0.0)))
}

fn cap_retry(seconds: f64) -> u32 {
    // Round up: retrying a fraction of a second early would be throttled again.
    seconds.ceil().clamp(0.0, f64::from(MAX_RETRY_AFTER_S)) as u32
}

/// A non-negative decimal number of seconds (`120`, `1.5`); signs, exponents and words are not.
fn parse_seconds(value: &str) -> Option<f64> {
    let digits = value.trim();
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return None;
    }
    digits.parse::<f64>().ok().filter(|s| s.is_finite())
}

/// An HTTP date (RFC 9110): the preferred IMF-fixdate, or the obsolete RFC 850 and asctime
/// forms, always in GMT.
pub fn parse_http_date(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(at) = DateTime::parse_from_rfc2822(value) {
        return Some(at.with_timezone(&Utc));
    }
    const OBSOLETE: [&str; 2] = ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"];
    OBSOLETE
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
        .map(|naive| naive.and_utc())
}

/// The rate-limit headroom reported by a reply, from whichever vendor's headers are present.
pub fn rate_limit(headers: &[(String, String)], now: DateTime<Utc>) -> RateLimit {
    let count = |name: &str| header(headers, name).and_then(|v| v.parse::<u64>().ok());
    let duration = |name: &str| header(headers, name).and_then(parse_duration);
    let instant = |name: &str| {
        let at = DateTime::parse_from_rfc3339(header(headers, name)?).ok()?;
        let seconds = (at.with_timezone(&Utc) - now).num_milliseconds() as f64 / 1000.0;
        Some(cap_reset(seconds.max(0.0)))
    };
    RateLimit {
        remaining_requests: count("x-ratelimit-remaining-requests")
            .or_else(|| count("anthropic-ratelimit-requests-remaining")),
        remaining_tokens: count("x-ratelimit-remaining-tokens")
            .or_else(|| count("anthropic-ratelimit-tokens-remaining")),
        requests_reset_s: duration("x-ratelimit-reset-requests")
            .or_else(|| instant("anthropic-ratelimit-requests-reset")),
        tokens_reset_s: duration("x-ratelimit-reset-tokens")
            .or_else(|| instant("anthropic-ratelimit-tokens-reset")),
    }
}

fn cap_reset(seconds: f64) -> u64 {
    seconds.ceil().clamp(0.0, MAX_RESET_S as f64) as u64
}

/// An OpenAI reset duration in Go's notation (`6m0s`, `1s`, `20ms`, `1h2m3.5s`) or a bare
/// number of seconds, as whole seconds rounded up (at most [`MAX_RESET_S`]).
pub fn parse_duration(value: &str) -> Option<u64> {
    let mut rest = value.trim();
    if let Some(seconds) = parse_seconds(rest) {
        return Some(cap_reset(seconds));
    }
    if rest.is_empty() {
        return None;
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = parse_seconds(&rest[..number_len])?;
        rest = &rest[number_len..];
        // Longest unit first, so that `ms` is not read as minutes.
        const UNITS: [(&str, f64); 7] = [
            ("ms", 1e-3),
            ("us", 1e-6),
            ("µs", 1e-6),
            ("ns", 1e-9),
            ("h", 3600.0),
            ("m", 60.0),
            ("s", 1.0),
        ];
        let (unit, scale) = UNITS.iter().find(|(unit, _)| rest.starts_with(unit))?;
        rest = &rest[unit.len()..];
        total += number * scale;
    }
    Some(cap_reset(total))
}

#[cfg(test)]
mod tests;
