// Scaling for the latency sparkline: the last hour's p50/p95 points into an SVG box.
import type { LatencyPoint } from './ipc-types';

export type Spark = {
  /** SVG polyline points (`x,y x,y …`) of each series; empty with fewer than one point. */
  p50: string;
  p95: string;
  /** The top of the scale, in ms: the largest p95, at least `minTop`. */
  max: number;
};

/** The smallest top of the scale: a few ms of jitter on a fast endpoint stays a flat line. */
export const minTop = 20;

/**
 * Places the points left to right at even steps (they are per-minute buckets, oldest first)
 * with 0 ms at the bottom and the largest p95 at the top, inside `pad` pixels of margin. A
 * single point is drawn as a flat line across the box.
 */
export function sparkline(points: LatencyPoint[], width: number, height: number, pad = 2): Spark {
  const max = Math.max(minTop, ...points.map((p) => Math.max(p.p95_ms, p.p50_ms)));
  if (points.length === 0) return { p50: '', p95: '', max };
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const xs = points.length === 1 ? [pad, pad + w] : points.map((_, i) => pad + (w * i) / (points.length - 1));
  const y = (ms: number) => +(pad + h - (h * ms) / max).toFixed(2);
  const series = (pick: (p: LatencyPoint) => number) => {
    const ys = points.length === 1 ? [y(pick(points[0])), y(pick(points[0]))] : points.map((p) => y(pick(p)));
    return xs.map((x, i) => `${+x.toFixed(2)},${ys[i]}`).join(' ');
  };
  return { p50: series((p) => p.p50_ms), p95: series((p) => p.p95_ms), max };
}

/** The words a screen reader gets for the sparkline. */
export function sparklineLabel(points: LatencyPoint[]): string {
  if (points.length === 0) return 'No latency samples in the last hour';
  const last = points[points.length - 1];
  const worst = Math.max(...points.map((p) => p.p95_ms));
  return `Latency, last hour: now p50 ${last.p50_ms} ms, p95 ${last.p95_ms} ms; worst p95 ${worst} ms`;
}
