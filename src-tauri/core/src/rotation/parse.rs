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
    // chrono alone also takes ` 9:00` and `09: 5`.
    if !shaped(s, "00:00") {
        return None;
    }
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

/// A date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    // chrono alone also takes `2026- 1-05` and `-001-01-01`.
    if !shaped(s, "0000-00-00") {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// `s` has an ASCII digit wherever `pattern` has `0`, and `pattern`'s other characters
/// everywhere else.
fn shaped(s: &str, pattern: &str) -> bool {
    s.len() == pattern.len()
        && s.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'0' => c.is_ascii_digit(),
            p => c == p,
        })
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
