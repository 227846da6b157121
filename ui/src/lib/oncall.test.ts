import { describe, expect, it } from 'vitest';
import { nextRefreshIn, untilText } from './oncall';

const now = Date.parse('2026-12-07T08:59:30Z');

describe('nextRefreshIn', () => {
  it('asks again just after the next shift change when it comes within the minute', () => {
    expect(nextRefreshIn(['2026-12-07T09:00:00Z', '2026-12-08T09:00:00Z'], now)).toBe(31_000);
  });

  it('asks again every minute otherwise, ignoring unknown ends', () => {
    expect(nextRefreshIn(['2026-12-08T09:00:00Z', null, undefined, 'later'], now)).toBe(60_000);
    expect(nextRefreshIn([], now)).toBe(60_000);
  });

  it('waits at least a second for a change already past', () => {
    expect(nextRefreshIn(['2026-12-07T08:00:00Z'], now)).toBe(1000);
  });
});

describe('untilText', () => {
  it('says until when in the operator zone and how long that is', () => {
    expect(untilText('2026-12-07T17:00:00Z', now, 'Europe/Berlin')).toBe('until Mon 7 Dec 18:00 (in 8 h 1 min)');
    expect(untilText(null, now, 'UTC')).toBe('until further notice');
    // Beyond a day, to the hour.
    expect(untilText('2026-12-09T17:20:00Z', now, 'UTC')).toBe('until Wed 9 Dec 17:20 (in 2 d 8 h)');
  });

  it('leaves out the day and the wait when short, the day only when it is today', () => {
    expect(untilText('2026-12-07T17:00:00Z', now, 'Europe/Berlin', true)).toBe('until 18:00');
    expect(untilText('2026-12-07T23:30:00Z', now, 'Europe/Berlin', true)).toBe('until Tue 8 Dec 00:30');
  });
});
