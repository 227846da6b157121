import { describe, expect, it } from 'vitest';
import { barText, colourOf, formatDuration, gapTotal, initials, PALETTE, placeBars, positionOf } from './calendar';

const from = Date.parse('2026-12-07T00:00:00Z');
const to = Date.parse('2026-12-09T00:00:00Z'); // two days: 1 % is 28.8 minutes
const shift = (person: string | null, start: string, end: string) => ({ person, start: `2026-12-${start}Z`, end: `2026-12-${end}Z` });

describe('placeBars', () => {
  it('places shifts by their share of the window', () => {
    const bars = placeBars([shift('Ana', '07T00:00:00', '07T12:00:00'), shift('Ben', '07T12:00:00', '08T12:00:00')], from, to);
    expect(bars.map((b) => [b.item.person, b.left, b.width])).toEqual([
      ['Ana', 0, 25],
      ['Ben', 25, 50],
    ]);
    expect(bars.every((b) => !b.cutStart && !b.cutEnd)).toBe(true);
  });

  it('clips shifts that run over either edge and marks the cut', () => {
    const [early, late] = placeBars([shift('Ana', '06T12:00:00', '07T06:00:00'), shift('Ben', '08T18:00:00', '10T00:00:00')], from, to);
    expect([early.left, early.width, early.cutStart, early.cutEnd]).toEqual([0, 12.5, true, false]);
    expect(early.start).toBe(from);
    expect([late.left, late.width, late.cutStart, late.cutEnd]).toEqual([87.5, 12.5, false, true]);
    expect(late.end).toBe(to);
  });

  it('drops shifts outside the window, empty ones and unreadable times', () => {
    const bars = placeBars(
      [
        shift('Ana', '05T00:00:00', '07T00:00:00'), // ends exactly where the window starts
        shift('Ben', '09T00:00:00', '09T06:00:00'), // starts where it ends
        shift('Cy', '07T06:00:00', '07T06:00:00'),
        { person: 'Di', start: 'soon', end: '2026-12-08T00:00:00Z' },
        shift('Ed', '07T06:00:00', '07T07:00:00'),
      ],
      from,
      to,
    );
    expect(bars.map((b) => b.item.person)).toEqual(['Ed']);
    expect(placeBars([shift('Ana', '07T00:00:00', '08T00:00:00')], to, from)).toEqual([]);
  });

  it('sums the gaps', () => {
    const bars = placeBars([shift('Ana', '07T00:00:00', '07T10:00:00'), shift(null, '07T10:00:00', '07T13:30:00'), shift(null, '08T23:00:00', '09T02:00:00')], from, to);
    expect(gapTotal(bars)).toBe(4.5 * 3_600_000);
  });
});

describe('positionOf', () => {
  it('is a percentage inside the window and null outside it', () => {
    expect(positionOf(Date.parse('2026-12-08T00:00:00Z'), from, to)).toBe(50);
    expect(positionOf(from, from, to)).toBe(0);
    expect(positionOf(to, from, to)).toBeNull();
    expect(positionOf(from - 1, from, to)).toBeNull();
  });
});

describe('colourOf', () => {
  it('gives each person on the rotation their place, and stand-ins a stable one', () => {
    const people = ['Ana', 'Ben', 'Cy'];
    expect(people.map((p) => colourOf(p, people))).toEqual([0, 1, 2]);
    expect(colourOf(null, people)).toBeNull();
    const stranger = colourOf('Jin Park', people)!;
    expect(stranger).toBe(colourOf('Jin Park', ['Other']));
    expect(stranger).toBeGreaterThanOrEqual(0);
    expect(stranger).toBeLessThan(PALETTE);
    expect(colourOf('P9', Array.from({ length: 10 }, (_, i) => `P${i}`))).toBe(9 % PALETTE);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [45 * 60_000, '45 min'],
    [3 * 3_600_000, '3 h'],
    [28 * 3_600_000 + 5 * 60_000, '1 d 4 h 5 min'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('bar text', () => {
  it('shows the name where it fits, the initials where they fit, else nothing', () => {
    expect(initials(' Ana  Lima ')).toBe('AL');
    expect(initials('Tomás de la Ortega')).toBe('TO');
    expect(initials('jin')).toBe('ji');
    expect(initials('')).toBe('');
    expect(barText('Ana Lima', 20)).toBe('Ana Lima');
    expect(barText('Ana Lima', 4)).toBe('AL');
    expect(barText('Ana Lima', 1)).toBe('');
  });
});
