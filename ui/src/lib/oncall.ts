// "On call now": when to ask again, and how to say until when.
import { formatDuration } from './calendar';
import { formatDay, formatInstant, formatTime } from './zones';

const MINUTE = 60_000;

/**
 * Milliseconds until the list should be fetched again: just after the earliest shift change
 * among `untils` (UTC RFC 3339, null for "no end in sight"), and at least once a minute.
 */
export function nextRefreshIn(untils: (string | null | undefined)[], now: number): number {
  let next = now + MINUTE;
  for (const u of untils) {
    const at = u ? Date.parse(u) : NaN;
    // A second after the change, so the shell already answers with the incoming person.
    if (!Number.isNaN(at) && at + 1000 < next) next = at + 1000;
  }
  return Math.max(1000, next - now);
}

const HOUR = 60 * MINUTE;

/**
 * `until Tue 8 Dec 09:00 (in 3 h 5 min)`, to the hour beyond a day; `short`: `until 09:00` on
 * the same day in `zone`, without the wait. `until further notice` when no end is known.
 */
export function untilText(until: string | null | undefined, now: number, zone: string, short = false): string {
  const at = until ? Date.parse(until) : NaN;
  if (Number.isNaN(at)) return 'until further notice';
  if (short) return `until ${formatDay(at, zone) === formatDay(now, zone) ? formatTime(at, zone) : formatInstant(at, zone)}`;
  const wait = Math.max(0, at - now);
  return `until ${formatInstant(at, zone)} (in ${formatDuration(wait >= 24 * HOUR ? Math.round(wait / HOUR) * HOUR : wait)})`;
}
