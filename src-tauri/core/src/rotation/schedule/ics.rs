//! The final schedule as an RFC 5545 calendar that calendar apps import: times in UTC (no
//! VTIMEZONE needed), one event per entry with someone on call, a UID made of the rotation id
//! and the entry's start so a re-import updates instead of duplicating, CRLF line ends, lines
//! folded at 75 octets and text escaped.

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Utc};

use super::combine::{pieces, Merge};
use super::local::{local_at, resolve};
use super::{ScheduleError, Shift, MAX_RANGE_DAYS};
use crate::rotation::parse::{parse_instant, parse_zone};
use crate::rotation::{rotation_errors, Rotation, MAX_SHIFT_HOURS};

/// The longest line in octets, without its CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The most days one calendar holds: the margins either side stay within the range limit.
pub const MAX_CALENDAR_DAYS: i64 = MAX_RANGE_DAYS - 2 * (MAX_SHIFT_HOURS as i64) / 24;

/// The date it is at `now` in the rotation's zone: the calendar's default first day.
pub fn local_today(r: &Rotation, now: DateTime<Utc>) -> Result<NaiveDate, ScheduleError> {
    Ok(local_at(zone(r)?, now).date())
}

/// A calendar of `days` local days of the final schedule from `from` (midnight in the
/// rotation's zone); `now` is the DTSTAMP.
pub fn ics(
    r: &Rotation,
    from: NaiveDate,
    days: u32,
    now: DateTime<Utc>,
) -> Result<String, ScheduleError> {
    let tz = zone(r)?;
    if i64::from(days) > MAX_CALENDAR_DAYS || days == 0 {
        return Err(ScheduleError::CalendarDays {
            days,
            limit: MAX_CALENDAR_DAYS,
        });
    }
    // iCalendar writes four-digit years; chrono's range ends not far beyond them.
    let last = from
        .checked_add_days(Days::new(u64::from(days)))
        .filter(|last| from.year() >= 1 && last.year() <= 9999)
        .ok_or_else(|| ScheduleError::CalendarOutOfRange {
            from: from.to_string(),
            days,
        })?;
    let start = resolve(tz, from.and_time(NaiveTime::MIN));
    let end = resolve(tz, last.and_time(NaiveTime::MIN));
    // One event per shift (or window, or override), computed with a margin of the longest
    // shift either side: an event cut by the calendar's ends keeps its own start and end, so
    // its UID does not depend on the day the calendar starts.
    let margin = Duration::hours(i64::from(MAX_SHIFT_HOURS));
    let entries: Vec<Shift> = pieces(r, start - margin, end + margin, Merge::SameShift)?
        .into_iter()
        .filter(|s| s.person.is_some() && s.end > start && s.start < end)
        .map(|s| whole_override(r, s))
        .collect();
    let stamp = stamp(now);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".into(),
        "PRODID:-//Brownout//On-call schedule//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(&r.name)),
    ];
    for s in &entries {
        let person = s.person.as_deref().unwrap_or_default();
        let mut description = Vec::new();
        if let Some(c) = &s.contact {
            description.push(format!("Contact: {c}"));
        }
        description.push(match (&s.source, &s.layer) {
            (Some(super::Source::Override), _) => "Override".to_owned(),
            (_, Some(layer)) => format!("Layer: {layer}"),
            _ => "Base layer".to_owned(),
        });
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}-{}@brownout", r.id, self::stamp(s.start)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{}", self::stamp(s.start)),
            format!("DTEND:{}", self::stamp(s.end)),
            format!("SUMMARY:{}", escape(&format!("On call: {person}"))),
            format!("DESCRIPTION:{}", escape(&description.join("\n"))),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    Ok(lines.iter().map(|l| fold(l)).collect())
}

/// An override's event with the override's own start and end: one longer than the margin is
/// cut by it, which would tie its UID to the calendar's first day. Overrides are above every
/// layer and never overlap, so an override's entry is always the whole override.
fn whole_override(r: &Rotation, mut s: Shift) -> Shift {
    if s.source == Some(super::Source::Override) {
        let whole = r
            .overrides
            .iter()
            .filter_map(|o| Some((parse_instant(&o.from)?, parse_instant(&o.to)?)))
            .find(|&(from, to)| from <= s.start && s.end <= to);
        if let Some((from, to)) = whole {
            (s.start, s.end) = (from, to);
        }
    }
    s
}

fn zone(r: &Rotation) -> Result<chrono_tz::Tz, ScheduleError> {
    parse_zone(&r.time_zone).ok_or_else(|| ScheduleError::Invalid {
        rotation: r.id.clone(),
        errors: rotation_errors(r),
    })
}

/// A UTC date-time in the calendar's basic form, `20261101T040000Z`.
fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT escaping (RFC 5545 §3.3.11).
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line with its CRLF, folded so no line exceeds 75 octets: a fold is CRLF and a
/// space, and never splits a UTF-8 character.
pub(super) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            // The leading space counts towards the continuation line's length.
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}
