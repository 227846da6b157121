//! Layers and overrides into one schedule: an override over every layer, a later layer over
//! earlier ones and the base wherever it has someone on call, gaps where nobody has.

use chrono::{DateTime, Utc};

use super::layer::Plan;
use super::window::{open_spans, Span};
use super::{ScheduleError, Shift, Source, MAX_RANGE_DAYS};
use crate::rotation::parse::parse_instant;
use crate::rotation::{format_instant, rotation_errors, Rotation};

/// The final schedule over `[from, to)`: consecutive entries clipped to the range, adjacent
/// entries with the same person, source and layer merged, gaps as `person: None`.
pub fn final_schedule(
    r: &Rotation,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Shift>, ScheduleError> {
    check_range(from, to)?;
    pieces(r, from, to, Merge::SamePerson)
}

/// When two adjacent entries become one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Merge {
    /// The same person from the same source and layer: the stretches people ask about.
    SamePerson,
    /// Only pieces of one shift, window or override: a calendar's events, each starting
    /// where the definition says, whatever range was asked for.
    SameShift,
}

/// The final schedule over `[from, to)` without the range limit (callers keep it linear).
pub(super) fn pieces(
    r: &Rotation,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    merge: Merge,
) -> Result<Vec<Shift>, ScheduleError> {
    let plans = plans(r)?;
    // Highest precedence first: overrides, then layers from the last to the base.
    let mut sources = vec![overrides(r, from, to)];
    sources.extend(plans.iter().rev().map(|p| on_call(p, from, to)));
    Ok(sweep(&sources, from, to, merge))
}

/// One layer alone over `[from, to)` (`None`: the base), as the final schedule's entries.
pub fn layer_schedule(
    r: &Rotation,
    layer: Option<usize>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Shift>, ScheduleError> {
    check_range(from, to)?;
    let plans = plans(r)?;
    let index = layer.map_or(0, |i| i + 1);
    let plan = plans
        .get(index)
        .ok_or_else(|| ScheduleError::UnknownLayer {
            rotation: r.id.clone(),
            index: index - 1,
            count: r.layers.len(),
        })?;
    Ok(sweep(
        &[on_call(plan, from, to)],
        from,
        to,
        Merge::SamePerson,
    ))
}

/// Where nobody is on call within `[from, to)`.
pub fn gaps(
    r: &Rotation,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Span>, ScheduleError> {
    Ok(final_schedule(r, from, to)?
        .into_iter()
        .filter(|s| s.person.is_none())
        .map(|s| (s.start, s.end))
        .collect())
}

fn check_range(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<(), ScheduleError> {
    // An empty range would answer with nothing at all, which reads as "no schedule".
    if to <= from {
        return Err(ScheduleError::RangeReversed {
            from: format_instant(from),
            to: format_instant(to),
        });
    }
    if (to - from).num_seconds() > MAX_RANGE_DAYS * 86_400 {
        return Err(ScheduleError::RangeTooLong {
            from: format_instant(from),
            to: format_instant(to),
            limit: MAX_RANGE_DAYS,
        });
    }
    Ok(())
}

/// The base layer, then each extra layer; refused when the rotation breaks a rule.
fn plans(r: &Rotation) -> Result<Vec<Plan<'_>>, ScheduleError> {
    let errors = rotation_errors(r);
    let plans = errors.is_empty().then(|| {
        std::iter::once(Plan::base(r))
            .chain(r.layers.iter().map(Plan::layer))
            .collect::<Option<Vec<_>>>()
    });
    // A rotation without errors always reads; `None` here would be a rule validation misses.
    plans.flatten().ok_or_else(|| ScheduleError::Invalid {
        rotation: r.id.clone(),
        errors,
    })
}

/// Who a layer has on call within `[from, to)`: its shifts, inside its windows if it has any.
fn on_call(plan: &Plan, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Shift> {
    let turns = plan.turns(from, to);
    let open = if plan.windows.is_empty() {
        vec![(from, to)]
    } else {
        open_spans(&plan.windows, plan.tz, from, to)
    };
    let mut out = Vec::new();
    // Both lists are ordered and free of overlaps: walk them side by side.
    let (mut t, mut w) = (0, 0);
    while t < turns.len() && w < open.len() {
        let turn = &turns[t];
        let (ws, we) = open[w];
        let start = turn.start.max(ws).max(from);
        let end = turn.end.min(we).min(to);
        if start < end {
            out.push(Shift {
                person: Some(turn.member.name.clone()),
                contact: turn.member.contact.clone(),
                source: Some(Source::Layer),
                layer: plan.name.map(str::to_owned),
                start,
                end,
            });
        }
        if turn.end <= we {
            t += 1;
        } else {
            w += 1;
        }
    }
    out
}

/// The overrides overlapping `[from, to)`, in order.
fn overrides(r: &Rotation, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Shift> {
    let mut out: Vec<Shift> = r
        .overrides
        .iter()
        .filter_map(|o| {
            let start = parse_instant(&o.from)?.max(from);
            let end = parse_instant(&o.to)?.min(to);
            (start < end).then(|| Shift {
                person: Some(o.name.clone()),
                contact: Some(o.contact.clone()).filter(|c| !c.trim().is_empty()),
                source: Some(Source::Override),
                layer: None,
                start,
                end,
            })
        })
        .collect();
    out.sort_by_key(|s| s.start);
    out
}

/// `[from, to)` covered by the first source (in precedence order) with someone at each
/// instant, nobody where none has. Each source is ordered and free of overlaps, so one pass
/// over the boundaries with a cursor per source does it.
fn sweep(
    sources: &[Vec<Shift>],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    merge: Merge,
) -> Vec<Shift> {
    let mut bounds: Vec<DateTime<Utc>> = vec![from, to];
    for s in sources.iter().flatten() {
        bounds.extend([s.start, s.end]);
    }
    bounds.sort();
    bounds.dedup();
    let mut cursors = vec![0usize; sources.len()];
    let mut out: Vec<Shift> = Vec::new();
    // Which source entry the last piece came from (`None`: a gap).
    let mut last_from = None;
    for pair in bounds.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let mut found = None;
        for (i, (source, cursor)) in sources.iter().zip(cursors.iter_mut()).enumerate() {
            while *cursor < source.len() && source[*cursor].end <= start {
                *cursor += 1;
            }
            if let Some(s) = source.get(*cursor).filter(|s| s.start <= start) {
                found = Some((s, (i, *cursor)));
                break;
            }
        }
        let came_from = found.map(|(_, id)| id);
        let continues = merge == Merge::SamePerson || came_from == last_from;
        last_from = came_from;
        let piece = match found.map(|(s, _)| s) {
            Some(s) => Shift {
                start,
                end,
                ..s.clone()
            },
            None => Shift {
                person: None,
                contact: None,
                source: None,
                layer: None,
                start,
                end,
            },
        };
        push_merged(&mut out, piece, continues);
    }
    out
}

/// Appends `piece`, extending the last entry instead when it may (`continues`) and does
/// continue it.
fn push_merged(out: &mut Vec<Shift>, piece: Shift, continues: bool) {
    if let Some(last) = out.last_mut().filter(|_| continues) {
        if last.end == piece.start
            && last.person == piece.person
            && last.source == piece.source
            && last.layer == piece.layer
        {
            last.end = piece.end;
            return;
        }
    }
    out.push(piece);
}
