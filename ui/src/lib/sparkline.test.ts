import { describe, expect, it } from 'vitest';
import { minTop, sparkline, sparklineLabel } from './sparkline';
import type { LatencyPoint } from './ipc-types';

const pt = (p50_ms: number, p95_ms: number, i = 0): LatencyPoint => ({ at: `2026-03-01T12:${String(i).padStart(2, '0')}:00Z`, p50_ms, p95_ms });
const coords = (points: string) => points.split(' ').map((p) => p.split(',').map(Number));

describe('sparkline scaling', () => {
  it('spans the box: oldest at the left, the largest p95 at the top, 0 ms at the bottom', () => {
    const s = sparkline([pt(100, 200, 0), pt(50, 400, 1), pt(0, 0, 2)], 104, 24, 2);
    expect(s.max).toBe(400);
    const p95 = coords(s.p95);
    expect(p95.map(([x]) => x)).toEqual([2, 52, 102]);
    expect(p95.map(([, y]) => y)).toEqual([12, 2, 22]);
    expect(coords(s.p50).map(([, y]) => y)).toEqual([17, 19.5, 22]);
  });

  it('draws one point as a flat line across the box', () => {
    const s = sparkline([pt(80, 160)], 50, 20, 0);
    expect(coords(s.p95)).toEqual([
      [0, 0],
      [50, 0],
    ]);
    expect(coords(s.p50)).toEqual([
      [0, 10],
      [50, 10],
    ]);
  });

  it('draws nothing without points and never divides by zero', () => {
    expect(sparkline([], 100, 20)).toEqual({ p50: '', p95: '', max: minTop });
    const zero = sparkline([pt(0, 0), pt(0, 0, 1)], 10, 10, 0);
    expect(coords(zero.p95).every(([, y]) => y === 10)).toBe(true);
  });

  it('keeps a fast endpoint’s jitter small: the scale tops out at no less than 20 ms', () => {
    const fast = sparkline([pt(0, 1), pt(1, 2, 1)], 10, 20, 0);
    expect(fast.max).toBe(minTop);
    expect(coords(fast.p95).map(([, y]) => y)).toEqual([19, 18]);
  });

  it('says what it shows in words', () => {
    expect(sparklineLabel([])).toBe('No latency samples in the last hour');
    expect(sparklineLabel([pt(100, 900), pt(120, 300, 1)])).toBe('Latency, last hour: now p50 120 ms, p95 300 ms; worst p95 900 ms');
  });
});
