import { describe, expect, it } from 'vitest';
import type { Rotation } from './ipc-types';
import { newLayer, prepareRotation, todayIn, toggleDay } from './schedule-form';

describe('toggleDay', () => {
  it('ticks and unticks a day, keeping week order', () => {
    expect(toggleDay(['fri', 'mon'], 'wed')).toEqual(['mon', 'wed', 'fri']);
    expect(toggleDay(['mon', 'wed', 'fri'], 'wed')).toEqual(['mon', 'fri']);
    expect(toggleDay([], 'sun')).toEqual(['sun']);
  });
});

describe('a new layer', () => {
  it('starts today in the base zone with its handoff and daily shifts', () => {
    // 23:30 UTC on 4 December is already 5 December in Kolkata.
    const now = Date.parse('2026-12-04T23:30:00Z');
    expect(todayIn('Asia/Kolkata', now)).toBe('2026-12-05');
    expect(newLayer({ time_zone: 'Asia/Kolkata', handoff: '08:00' }, 1, now)).toEqual({
      name: 'Layer 2',
      time_zone: 'Asia/Kolkata',
      shift_hours: 24,
      handoff: '08:00',
      start: '2026-12-05',
      members: [],
      restrictions: [],
    });
  });

  it('falls back to UTC for today when the zone is not one yet', () => {
    expect(todayIn('Not/AZone', Date.parse('2026-12-04T23:30:00Z'))).toBe('2026-12-04');
  });
});

describe('prepareRotation', () => {
  it('sends numbers as numbers and leaves blank contacts out, on every layer', () => {
    const draft = {
      id: 'r',
      name: 'R',
      time_zone: 'UTC',
      shift_hours: '12' as unknown as number,
      handoff: '09:00',
      start: '2026-01-05',
      members: [{ name: 'Ana', contact: ' ' }, { name: 'Ben', contact: 'ben@example.com' }],
      restrictions: [],
      layers: [{ name: 'L', time_zone: 'UTC', shift_hours: '6' as unknown as number, handoff: '00:00', start: '2026-01-05', members: [{ name: 'Cy', contact: '' }], restrictions: [] }],
      overrides: [],
    } satisfies Rotation;
    const out = prepareRotation(draft);
    expect(out.shift_hours).toBe(12);
    expect(out.members).toEqual([{ name: 'Ana' }, { name: 'Ben', contact: 'ben@example.com' }]);
    expect(out.layers[0].shift_hours).toBe(6);
    expect(out.layers[0].members).toEqual([{ name: 'Cy' }]);
  });
});
