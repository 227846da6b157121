//! One layer's shifts: shift k's handoff is local (start date, handoff) + k × shift_hours; the
//! shift ends at the next handoff (the earliest later one, where a long gap reorders them); its
//! member is `members[k mod n]`.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::local::{local_at, resolve, MAX_GAP_MINUTES};
use super::window::Window;
use crate::rotation::parse::{parse_date, parse_time, parse_zone};
use crate::rotation::{Layer, Restriction, Rotation, RotationMember};

/// A layer's definition, read and ready to compute with.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    /// `None` for the base layer.
    pub name: Option<&'a str>,
    pub tz: Tz,
    pub shift: Duration,
    pub first: NaiveDateTime,
    pub members: &'a [RotationMember],
    pub windows: Vec<Window>,
}

/// A stretch of one layer with its member (before restriction windows apply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn<'a> {
    pub member: &'a RotationMember,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl<'a> Plan<'a> {
    /// The base layer; `None` when a field does not parse (validation names it).
    pub fn base(r: &'a Rotation) -> Option<Self> {
        Self::read(
            None,
            (&r.time_zone, r.shift_hours, &r.handoff, &r.start),
            &r.members,
            &r.restrictions,
        )
    }

    pub fn layer(l: &'a Layer) -> Option<Self> {
        Self::read(
            Some(&l.name),
            (&l.time_zone, l.shift_hours, &l.handoff, &l.start),
            &l.members,
            &l.restrictions,
        )
    }

    fn read(
        name: Option<&'a str>,
        (zone, hours, handoff, start): (&str, u32, &str, &str),
        members: &'a [RotationMember],
        restrictions: &[Restriction],
    ) -> Option<Self> {
        let windows = restrictions
            .iter()
            .map(Window::read)
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            name,
            tz: parse_zone(zone)?,
            shift: Duration::hours(i64::from(hours)),
            first: parse_date(start)?.and_time(parse_time(handoff)?),
            members,
            windows,
        })
    }

    /// Where shift `k` starts (the end of time past chrono's last date).
    fn handoff(&self, k: i64) -> DateTime<Utc> {
        Duration::try_hours(self.shift.num_hours() * k)
            .and_then(|d| self.first.checked_add_signed(d))
            .map_or(DateTime::<Utc>::MAX_UTC, |local| resolve(self.tz, local))
    }

    /// The non-empty shifts overlapping `[from, to)`, unclipped, in order.
    pub fn turns(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Turn<'a>> {
        let mut out = Vec::new();
        if self.members.is_empty() || from >= to {
            return out;
        }
        // Start a little before the shift holding `from`'s wall-clock time: offsets differ
        // from one side of a change to the other by at most a day.
        let hours = self.shift.num_hours();
        let elapsed = (local_at(self.tz, from) - self.first).num_hours();
        let mut k = (elapsed.div_euclid(hours) - 26 / hours - 2).max(0);
        let n = self.members.len() as i64;
        // Resolved handoffs are not always in order: a handoff inside a gap longer than a
        // shift (Antarctica/Troll skips two hours) resolves after the first handoffs past the
        // gap. Whoever's handoff came last is on call, so a shift ends at the earliest later
        // handoff, and one ending where it starts is empty. Only handoffs within the longest
        // gap can come out of order, so looking that far ahead suffices.
        let ahead = MAX_GAP_MINUTES / 60 / hours + 1;
        let mut upcoming: VecDeque<_> = (k + 1..=k + ahead).map(|j| self.handoff(j)).collect();
        let earliest = |u: &VecDeque<DateTime<Utc>>| {
            u.iter().copied().min().unwrap_or(DateTime::<Utc>::MAX_UTC)
        };
        let mut start = self.handoff(k).min(earliest(&upcoming));
        while start < to {
            let end = earliest(&upcoming);
            // A shift inside a spring-forward gap is empty: its member is skipped that turn.
            if end > start && end > from {
                out.push(Turn {
                    member: &self.members[k.rem_euclid(n) as usize],
                    start,
                    end,
                });
            }
            k += 1;
            upcoming.pop_front();
            upcoming.push_back(self.handoff(k + ahead));
            start = end;
        }
        out
    }
}
