import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatInstant,
  formatRange,
  instantToLocal,
  isZone,
  localMidnights,
  localToInstant,
  offsetMinutes,
  startOfDay,
  toRfc3339,
} from './zones';

// Expected instants are worked out by hand from the zones' published rules (2026: US changes
// on 8 March and 1 November, the UK on 29 March and 25 October, Lord Howe on 5 April and
// 4 October by half an hour), not from this code.
const at = (iso: string) => Date.parse(iso);

describe('localToInstant', () => {
  it.each([
    ['2026-07-01', '09:00', 'America/New_York', '2026-07-01T13:00:00Z'],
    ['2026-01-15', '09:00', 'America/New_York', '2026-01-15T14:00:00Z'],
    ['2026-01-01', '08:00', 'Asia/Kolkata', '2026-01-01T02:30:00Z'],
    ['2026-07-01', '09:00', 'Europe/London', '2026-07-01T08:00:00Z'],
    ['2026-01-10', '12:00', 'Australia/Sydney', '2026-01-10T01:00:00Z'],
    ['2026-07-10', '12:00', 'Australia/Sydney', '2026-07-10T02:00:00Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(localToInstant(date, time, zone)).toBe(at(expected));
  });

  it('reads a time skipped by spring-forward with the offset before the change', () => {
    expect(localToInstant('2026-03-08', '02:30', 'America/New_York')).toBe(at('2026-03-08T07:30:00Z'));
    expect(localToInstant('2026-03-29', '01:30', 'Europe/London')).toBe(at('2026-03-29T01:30:00Z'));
    // Lord Howe moves from +10:30 to +11:00 at 02:00, skipping to 02:30.
    expect(localToInstant('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe(at('2026-10-03T15:45:00Z'));
  });

  it('reads a time that happens twice as its first occurrence', () => {
    expect(localToInstant('2026-11-01', '01:30', 'America/New_York')).toBe(at('2026-11-01T05:30:00Z'));
    expect(localToInstant('2026-10-25', '01:30', 'Europe/London')).toBe(at('2026-10-25T00:30:00Z'));
    // Lord Howe goes back from +11:00 to +10:30 at 02:00: 01:30–02:00 happens twice.
    expect(localToInstant('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe(at('2026-04-04T14:45:00Z'));
  });

  it('refuses malformed dates and times', () => {
    for (const [d, t] of [['2026-02-30', '09:00'], ['2026-13-01', '09:00'], ['2026-01-01', '24:00'], ['26-01-01', '09:00'], ['2026-01-01', '9:00'], ['', '']]) {
      expect(localToInstant(d, t, 'UTC'), `${d} ${t}`).toBeNull();
    }
  });
});

describe('instantToLocal and offsets', () => {
  it('gives the wall clock in the zone', () => {
    expect(instantToLocal(at('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:30' });
    expect(instantToLocal(at('2026-10-03T15:45:00Z'), 'Australia/Lord_Howe')).toEqual({ date: '2026-10-04', time: '02:45' });
    expect(offsetMinutes('Asia/Kolkata', at('2026-06-01T00:00:00Z'))).toBe(330);
    expect(offsetMinutes('America/New_York', at('2026-06-01T00:00:00Z'))).toBe(-240);
    expect(offsetMinutes('Australia/Lord_Howe', at('2026-01-01T00:00:00Z'))).toBe(660);
    expect(offsetMinutes('Australia/Lord_Howe', at('2026-06-01T00:00:00Z'))).toBe(630);
  });

  it('round-trips every quarter hour of a day with a change', () => {
    for (let m = 0; m < 24 * 60; m += 15) {
      const instant = at('2026-11-01T04:00:00Z') + m * 60_000;
      const local = instantToLocal(instant, 'America/New_York');
      const back = localToInstant(local.date, local.time, 'America/New_York')!;
      // The repeated hour reads back as its first occurrence, an hour earlier.
      expect([0, 3_600_000]).toContain(instant - back);
    }
  });
});

describe('local midnights', () => {
  it('follow the zone across a change, 23 hours apart on the short day', () => {
    const days = localMidnights(at('2026-03-07T00:00:00Z'), at('2026-03-10T00:00:00Z'), 'America/New_York');
    expect(days.map((d) => toRfc3339(d.at))).toEqual(['2026-03-07T05:00:00Z', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z']);
    expect(days.map((d) => d.label)).toEqual(['Sat 7 Mar', 'Sun 8 Mar', 'Mon 9 Mar']);
  });

  it('count fourteen days over a fortnight and start today', () => {
    const from = startOfDay(at('2026-12-04T16:05:00Z'), 'Asia/Kolkata');
    expect(toRfc3339(from)).toBe('2026-12-03T18:30:00Z');
    expect(localMidnights(from, from + 14 * 86_400_000, 'Asia/Kolkata')).toHaveLength(14);
  });
});

describe('formatting', () => {
  it('shows the same instant in two zones', () => {
    const i = at('2026-12-07T08:00:00Z');
    expect(formatInstant(i, 'Europe/Berlin')).toBe('Mon 7 Dec 09:00');
    expect(formatInstant(i, 'America/New_York')).toBe('Mon 7 Dec 03:00');
    expect(formatDay(i, 'Pacific/Auckland')).toBe('Mon 7 Dec');
  });

  it('leaves out the end day when the range ends on the same day', () => {
    expect(formatRange(at('2026-12-07T08:00:00Z'), at('2026-12-07T16:00:00Z'), 'UTC')).toBe('Mon 7 Dec 08:00 – 16:00');
    expect(formatRange(at('2026-12-07T08:00:00Z'), at('2026-12-08T08:00:00Z'), 'UTC')).toBe('Mon 7 Dec 08:00 – Tue 8 Dec 08:00');
  });

  it('writes instants as the shell does and knows zone names', () => {
    expect(toRfc3339(at('2026-12-07T08:00:00.999Z'))).toBe('2026-12-07T08:00:00Z');
    expect(isZone('Europe/Berlin')).toBe(true);
    expect(isZone('Mars/Olympus')).toBe(false);
    expect(isZone('')).toBe(false);
  });
});
