import { describe, expect, it } from 'vitest';
import { heatColour, heatGrid, heatLegend, heatStep, heatSteps, heatValue, heatMetricLabels } from './heatmap';
import type { HeatCell } from './ipc-types';

const cell = (weekday: number, hour: number, samples: number, throttled: number, latency_p95_ms: number): HeatCell => ({
  weekday,
  hour,
  samples,
  throttled,
  failures: throttled,
  latency_p95_ms,
});

describe('heatmap colour scale', () => {
  it('maps 0…max onto steps 1…5 and no data onto 0', () => {
    expect(heatStep(null, 100)).toBe(0);
    expect(heatStep(0, 100)).toBe(1);
    expect(heatStep(19, 100)).toBe(1);
    expect(heatStep(20, 100)).toBe(2);
    expect(heatStep(59, 100)).toBe(3);
    expect(heatStep(100, 100)).toBe(heatSteps);
    expect(heatStep(250, 100)).toBe(heatSteps);
    // All-zero data (max 0) still shows as data.
    expect(heatStep(0, 0)).toBe(1);
  });

  it('gives each step its own colour, from green to red, and none for no data', () => {
    expect(heatColour(0)).toBe('transparent');
    const colours = Array.from({ length: heatSteps }, (_, i) => heatColour(i + 1));
    expect(new Set(colours).size).toBe(heatSteps);
    const hues = colours.map((c) => Number(/hsl\((\d+)/.exec(c)![1]));
    expect(hues[0]).toBe(140);
    expect(hues[heatSteps - 1]).toBe(0);
    expect(hues).toEqual([...hues].sort((a, b) => b - a));
  });
});

describe('heatmap grid', () => {
  const cells = [cell(0, 9, 60, 30, 800), cell(0, 10, 60, 0, 400), cell(6, 23, 10, 10, 200), cell(3, 3, 0, 0, 0)];

  it('is 7 weekdays by 24 hours, Monday first, with empty cells for hours without samples', () => {
    const { rows, max } = heatGrid(cells, 'latency');
    expect(rows.map((r) => r.weekday)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(rows.every((r) => r.cells.length === 24)).toBe(true);
    expect(max).toBe(800);
    expect(rows[0].cells[9]).toMatchObject({ value: 800, step: 5, label: 'Mon 09:00: latency p95 800 ms over 60 samples' });
    expect(rows[0].cells[10]).toMatchObject({ value: 400, step: 3 });
    expect(rows[3].cells[3]).toMatchObject({ value: null, step: 0, label: 'Thu 03:00: no samples' });
    expect(rows[6].cells[23].step).toBe(2);
  });

  it('shows the throttle rate on a fixed 0–100 % scale', () => {
    const { rows, max } = heatGrid(cells, 'throttle');
    expect(max).toBe(1);
    expect(heatValue(cells[0], 'throttle')).toBe(0.5);
    expect(rows[0].cells[9]).toMatchObject({ value: 0.5, step: 3, label: 'Mon 09:00: throttle rate 50% over 60 samples' });
    expect(rows[0].cells[10].step).toBe(1);
    expect(rows[6].cells[23].step).toBe(5);
  });

  it('has a legend with one entry a step, covering 0 to the maximum', () => {
    const legend = heatLegend(1, 'throttle');
    expect(legend.map((l) => l.label)).toEqual(['0%–20%', '20%–40%', '40%–60%', '60%–80%', '80%–100%']);
    expect(legend.map((l) => l.colour)).toEqual(legend.map((l) => heatColour(l.step)));
    expect(heatLegend(800, 'latency')[4].label).toBe('640 ms–800 ms');
    expect(Object.keys(heatMetricLabels)).toEqual(['latency', 'throttle']);
  });
});
