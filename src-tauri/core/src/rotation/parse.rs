//! The text forms of a schedule's values, read strictly: what validation accepts is exactly
//! what the time engine reads.

use chrono::{DateTime, NaiveDate, NaiveTime, SubsecRound, Utc};
use chrono_tz::Tz;

/// An IANA zone name such as `Europe/Berlin`.
pub fn parse_zone(s: &str) -> Option<Tz> {
    s.parse().ok()
}

/// A time of day written `HH:MM` (two digits each).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

/// A date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// An RFC 3339 instant with its offset (`2026-11-01T04:00:00Z`, `…+01:00`), to the whole
/// second: the schedule writes whole seconds, so a fraction would make entries that print as
/// empty and calendar events that share a UID.
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc).trunc_subsecs(0))
}

/// An instant as the schedule writes it: UTC, whole seconds, `Z`.
pub fn format_instant(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
