//! Restriction windows: when a layer has someone on call, in the layer's zone. A window starts
//! on each of its days at `from`; a `to` not after `from` ends on the next day. Each end is a
//! wall-clock time resolved like a handoff, so a night window crossing a DST change keeps its
//! local hours.

use chrono::{DateTime, Datelike, Days, NaiveTime, Utc};
use chrono_tz::Tz;

use super::local::{local_at, resolve};
use crate::rotation::parse::parse_time;
use crate::rotation::Restriction;

#[derive(Debug, Clone)]
pub struct Window {
    days: Vec<chrono::Weekday>,
    from: NaiveTime,
    to: NaiveTime,
}

/// A half-open range of instants.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

impl Window {
    pub fn read(r: &Restriction) -> Option<Self> {
        Some(Self {
            days: r.days.iter().map(|d| d.to_chrono()).collect(),
            from: parse_time(&r.from)?,
            to: parse_time(&r.to)?,
        })
    }

    fn ends_next_day(&self) -> bool {
        self.to <= self.from
    }
}

/// The union of every window's occurrences overlapping `[from, to)`, in order, unclipped.
pub fn open_spans(windows: &[Window], tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Span> {
    let mut spans = Vec::new();
    // A window that started up to two local days earlier may still be open at `from`.
    let first = local_at(tz, from).date() - Days::new(2);
    let last = local_at(tz, to).date() + Days::new(1);
    for day in first.iter_days().take_while(|d| *d <= last) {
        for w in windows.iter().filter(|w| w.days.contains(&day.weekday())) {
            let end_day = if w.ends_next_day() {
                day + Days::new(1)
            } else {
                day
            };
            let start = resolve(tz, day.and_time(w.from));
            let end = resolve(tz, end_day.and_time(w.to));
            if start < end && end > from && start < to {
                spans.push((start, end));
            }
        }
    }
    union(spans)
}

/// Sorts `spans` and joins those that overlap or touch.
fn union(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}
