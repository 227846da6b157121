import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, problemsToDiagnostics, progressSegments, sequencer, settled, snippetParts } from './logic';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  it('runs once with the last arguments after a pause', () => {
    const seen: string[] = [];
    const d = debounce((s: string) => seen.push(s), 100);
    d('a');
    d('ab');
    vi.advanceTimersByTime(99);
    expect(seen).toEqual([]);
    d('abc');
    vi.advanceTimersByTime(100);
    expect(seen).toEqual(['abc']);
  });
  it('flushes a pending call at once, and cancel drops it', () => {
    const seen: number[] = [];
    const d = debounce((n: number) => seen.push(n), 100);
    d(1);
    d.flush();
    expect(seen).toEqual([1]);
    d(2);
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([1]);
  });
});

describe('problemsToDiagnostics', () => {
  const lines = ['---', 'id: x', 'vendor: nope'];
  const offsets = (n: number) => {
    const from = lines.slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
    return { from, to: from + lines[n - 1].length };
  };
  it('marks the whole line of each problem', () => {
    expect(problemsToDiagnostics([{ file: 'a.md', line: 3, message: 'unknown vendor' }], 3, offsets)).toEqual([
      { from: 10, to: 22, severity: 'error', message: 'unknown vendor' },
    ]);
  });
  it('clamps lines outside the document', () => {
    const d = problemsToDiagnostics([{ file: 'a.md', line: 99, message: 'x' }, { file: 'a.md', line: 0, message: 'y' }], 3, offsets);
    expect(d.map((x) => x.from)).toEqual([10, 0]);
  });
});

describe('progress', () => {
  it('splits the bar by state', () => {
    const c = { total: 4, done: 2, skipped: 1, blocked: 1, pending: 0 };
    expect(progressSegments(c).map((s) => s.percent)).toEqual([50, 25, 25, 0]);
    expect(settled(c)).toBe(3);
  });
  it('copes with an empty runbook', () => {
    expect(progressSegments({ total: 0, done: 0, skipped: 0, blocked: 0, pending: 0 }).every((s) => s.percent === 0)).toBe(true);
  });
});

describe('snippetParts', () => {
  it('splits highlighted matches out', () => {
    expect(snippetParts('…see \u0002Retry\u0003-After and \u0002quota\u0003.')).toEqual([
      { text: '…see ', hit: false },
      { text: 'Retry', hit: true },
      { text: '-After and ', hit: false },
      { text: 'quota', hit: true },
      { text: '.', hit: false },
    ]);
  });
});

describe('sequencer', () => {
  it('only the newest ticket is current', () => {
    const seq = sequencer();
    const first = seq.next();
    expect(seq.isLatest(first)).toBe(true);
    const second = seq.next();
    expect(seq.isLatest(first)).toBe(false);
    expect(seq.isLatest(second)).toBe(true);
  });
});
