// Where the schedule calendar draws things: shifts as bars on a time axis, clipped to the
// window shown, and a stable colour per person. Pure, so it is tested without a DOM.

/** Anything with a start and an end as UTC RFC 3339 (shifts, overrides). */
export interface Span {
  start: string;
  end: string;
}

export interface Bar<T> {
  item: T;
  /** The part inside the window, in ms since the epoch. */
  start: number;
  end: number;
  /** Position and size as percentages of the window's width. */
  left: number;
  width: number;
  /** The item goes on before or after the window (the bar shows a cut edge). */
  cutStart: boolean;
  cutEnd: boolean;
}

/** Each item's bar inside [from, to); items outside it, or empty once clipped, have none. */
export function placeBars<T extends Span>(items: T[], from: number, to: number): Bar<T>[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const out: Bar<T>[] = [];
  for (const item of items) {
    const s = Date.parse(item.start);
    const e = Date.parse(item.end);
    if (Number.isNaN(s) || Number.isNaN(e)) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (end <= start) continue;
    out.push({
      item,
      start,
      end,
      left: ((start - from) / span) * 100,
      width: ((end - start) / span) * 100,
      cutStart: s < from,
      cutEnd: e > to,
    });
  }
  return out;
}

/** Where `at` falls across [from, to) as a percentage, or null outside it. */
export function positionOf(at: number, from: number, to: number): number | null {
  if (!(to > from) || at < from || at >= to) return null;
  return ((at - from) / (to - from)) * 100;
}

/** The number of colours the calendar's stylesheet defines (`.person-0` …). */
export const PALETTE = 8;

/** A colour slot per person, stable while the list of people stays the same. */
export function colourOf(person: string | null | undefined, people: string[]): number | null {
  if (!person) return null;
  const i = people.indexOf(person);
  if (i >= 0) return i % PALETTE;
  // Someone not on any layer (an override for a stand-in): hashed, so it stays put.
  let h = 0;
  for (const ch of person) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % PALETTE;
}

/** The total length of the gaps (slots with nobody on call) among `slots`, in ms. */
export function gapTotal(bars: Bar<{ person?: string | null }>[]): number {
  return bars.filter((b) => !b.item.person).reduce((sum, b) => sum + (b.end - b.start), 0);
}

/** `3 h`, `1 d 4 h`, `45 min`: how long, to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}

/** `Ana Lima` → `AL`: what a bar too narrow for the name shows. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return words[0].slice(0, 2);
  return (words[0][0] + words[words.length - 1][0]).toUpperCase();
}

/**
 * The text a bar of `width` percent shows: the name when it fits a narrow calendar (some
 * 600 px wide, so about 6 px a percent), else the initials, else nothing.
 */
export function barText(name: string, width: number): string {
  if (width * 6 >= name.length * 7 + 8) return name;
  return width >= 3.5 ? initials(name) : '';
}
