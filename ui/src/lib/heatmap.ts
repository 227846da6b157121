// The peak-hours heatmap: a weekday × hour grid of one metric, and its colour scale.
import type { HeatCell } from './ipc-types';

export type HeatMetric = 'latency' | 'throttle';

export const heatMetricLabels: Record<HeatMetric, string> = {
  latency: 'Latency p95',
  throttle: 'Throttle rate',
};

/** Monday first, as the core counts them (0 is Monday). */
export const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The number of colour steps with data; step 0 is "no samples". */
export const heatSteps = 5;

/** A cell's value in the chosen metric: ms, or the throttled share 0…1. */
export function heatValue(cell: HeatCell, metric: HeatMetric): number {
  if (metric === 'latency') return cell.latency_p95_ms;
  return cell.samples === 0 ? 0 : cell.throttled / cell.samples;
}

/**
 * The colour step 1…heatSteps of `value` on a scale from 0 to `max`; 0 when there is no data.
 * The throttle rate uses a fixed 0…100 % scale so weeks compare; latency scales to the largest.
 */
export function heatStep(value: number | null, max: number): number {
  if (value === null) return 0;
  if (max <= 0 || value <= 0) return 1;
  return Math.min(heatSteps, 1 + Math.floor((value / max) * heatSteps));
}

/**
 * The colour of each step, calm to hot: green, yellow-green, amber, orange, red. Hues far
 * apart so neighbouring steps differ at a glance; mid lightness reads on both themes.
 */
const stepColours = ['hsl(140 50% 50%)', 'hsl(75 60% 48%)', 'hsl(45 90% 50%)', 'hsl(25 85% 52%)', 'hsl(0 70% 50%)'];

/** The colour of a step: transparent for no data. */
export function heatColour(step: number): string {
  if (step <= 0) return 'transparent';
  return stepColours[Math.min(step, heatSteps) - 1];
}

export type HeatRow = {
  weekday: string;
  cells: { hour: number; value: number | null; step: number; label: string }[];
};

export function formatHeat(value: number, metric: HeatMetric): string {
  return metric === 'latency' ? `${Math.round(value)} ms` : `${Math.round(value * 100)}%`;
}

/** The 7 × 24 grid, every cell present (null where no samples), with its colour step and words. */
export function heatGrid(cells: HeatCell[], metric: HeatMetric): { rows: HeatRow[]; max: number } {
  const at = new Map(cells.map((c) => [c.weekday * 24 + c.hour, c]));
  const values = cells.filter((c) => c.samples > 0).map((c) => heatValue(c, metric));
  const max = metric === 'throttle' ? 1 : Math.max(0, ...values);
  const rows = weekdays.map((weekday, d) => ({
    weekday,
    cells: Array.from({ length: 24 }, (_, hour) => {
      const cell = at.get(d * 24 + hour);
      const value = cell && cell.samples > 0 ? heatValue(cell, metric) : null;
      const when = `${weekday} ${String(hour).padStart(2, '0')}:00`;
      const label =
        value === null
          ? `${when}: no samples`
          : `${when}: ${heatMetricLabels[metric].toLowerCase()} ${formatHeat(value, metric)} over ${cell!.samples} samples`;
      return { hour, value, step: heatStep(value, max), label };
    }),
  }));
  return { rows, max };
}

/** The legend: each step's colour and the range of values it covers. */
export function heatLegend(max: number, metric: HeatMetric): { step: number; colour: string; label: string }[] {
  return Array.from({ length: heatSteps }, (_, i) => {
    const lo = (max * i) / heatSteps;
    const hi = (max * (i + 1)) / heatSteps;
    return { step: i + 1, colour: heatColour(i + 1), label: `${formatHeat(lo, metric)}–${formatHeat(hi, metric)}` };
  });
}
