//! Local wall-clock times to instants, as RFC 5545 §3.3.5 says: a time that exists twice (in
//! a fall-back) is its first occurrence; a time that does not exist (in a spring-forward gap)
//! is read with the offset in effect before the gap, so it lands after the gap by as much as
//! it lay inside it (02:30 in New York's gap is 07:30 UTC, which reads 03:30 EDT).

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// The longest gap searched back over; the longest in the IANA data is a skipped day.
pub const MAX_GAP_MINUTES: i64 = 48 * 60;

pub fn resolve(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, second) => first.min(second).with_timezone(&Utc),
        LocalResult::None => {
            let offset = offset_before_gap(tz, local);
            (local - Duration::seconds(i64::from(offset))).and_utc()
        }
    }
}

/// The UTC offset (seconds east) of the last local time before the gap that holds `local`:
/// every local time just before a gap has the offset in effect before it.
fn offset_before_gap(tz: Tz, local: NaiveDateTime) -> i32 {
    (1..=MAX_GAP_MINUTES)
        .find_map(
            |m| match tz.from_local_datetime(&(local - Duration::minutes(m))) {
                LocalResult::Single(t) => Some(t.offset().fix().local_minus_utc()),
                LocalResult::Ambiguous(_, later) => Some(later.offset().fix().local_minus_utc()),
                LocalResult::None => None,
            },
        )
        .unwrap_or(0)
}

/// The wall-clock time at `t` in `tz`.
pub fn local_at(tz: Tz, t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&tz).naive_local()
}
