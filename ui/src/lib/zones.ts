// Instants shown in a named IANA zone, and wall-clock times read back in one. Intl knows the
// zone rules; this file only asks it for offsets. Times cross IPC as UTC RFC 3339 strings.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `zone` at `at` (ms since the epoch), as numbers. */
export function wallClock(at: number, zone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let f = partFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partFormats.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(new Date(at))) p[type] = Number(value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute };
}

/** Minutes `zone` is ahead of UTC at `at` (negative west of Greenwich). */
export function offsetMinutes(zone: string, at: number): number {
  const w = wallClock(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(at / MINUTE) * MINUTE) / MINUTE);
}

/** True when `zone` is a zone name Intl knows. */
export function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/**
 * The instant of a wall-clock `date` (`YYYY-MM-DD`) and `time` (`HH:MM`) in `zone`, resolved as
 * the schedule resolves handoffs (RFC 5545 3.3.5): a time skipped by a spring-forward change is
 * read with the offset before the change; a time that happens twice is its first occurrence.
 * `null` when the date or time is not well formed.
 */
export function localToInstant(date: string, time: string, zone: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  if (new Date(wall).getUTCDate() !== da) return null;
  // The offsets in force a day either side cover any change near this wall time.
  const before = offsetMinutes(zone, wall - DAY);
  const after = offsetMinutes(zone, wall + DAY);
  const fits = [before, after].filter((o) => offsetMinutes(zone, wall - o * MINUTE) === o);
  // Both fit when the time happens twice: the larger offset is the earlier instant.
  if (fits.length) return wall - Math.max(...fits) * MINUTE;
  return wall - before * MINUTE;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` and `HH:MM` of `at` in `zone`, the values date and time inputs take. */
export function instantToLocal(at: number, zone: string): { date: string; time: string } {
  const w = wallClock(at, zone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

function display(zone: string, kind: 'day' | 'time' | 'full'): Intl.DateTimeFormat {
  const key = `${zone}|${kind}`;
  let f = displayFormats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'short', day: 'numeric', month: 'short' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    f = new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: zone });
    displayFormats.set(key, f);
  }
  return f;
}

/** `Mon 7 Dec` in `zone`. */
export function formatDay(at: number, zone: string): string {
  return display(zone, 'day').format(at).replace(',', '');
}

/** `09:00` in `zone`. */
export function formatTime(at: number, zone: string): string {
  return display(zone, 'time').format(at);
}

/** `Mon 7 Dec 09:00` in `zone`. */
export function formatInstant(at: number, zone: string): string {
  return `${formatDay(at, zone)} ${formatTime(at, zone)}`;
}

/** `Mon 7 Dec 09:00 – 17:00`, or with the end's day when it ends on another day in `zone`. */
export function formatRange(start: number, end: number, zone: string): string {
  const sameDay = formatDay(start, zone) === formatDay(end, zone);
  return `${formatInstant(start, zone)} – ${sameDay ? formatTime(end, zone) : formatInstant(end, zone)}`;
}

/** The zone's short name at `at` (`CET`, `GMT+5:30`), to label times. */
export function zoneAbbreviation(at: number, zone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** The instants of each local midnight in `zone` inside [from, to), each with its day's label. */
export function localMidnights(from: number, to: number, zone: string): { at: number; label: string }[] {
  const out: { at: number; label: string }[] = [];
  let { date } = instantToLocal(from, zone);
  for (let guard = 0; guard < 400; guard++) {
    const at = localToInstant(date, '00:00', zone)!;
    if (at >= to) break;
    if (at >= from) out.push({ at, label: formatDay(at, zone) });
    // The next calendar date, computed on the date alone so zone changes cannot skip a day.
    const [y, m, d] = date.split('-').map(Number);
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    date = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
  }
  return out;
}

/** The start of today (local midnight) in `zone`. */
export function startOfDay(at: number, zone: string): number {
  return localToInstant(instantToLocal(at, zone).date, '00:00', zone)!;
}

/** An instant as the shell writes it: UTC RFC 3339 with `Z`, whole seconds. */
export function toRfc3339(at: number): string {
  return new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
