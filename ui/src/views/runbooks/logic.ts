// Pure logic of the Runbooks view, unit-tested without a DOM.
import type { Problem, WalkCounts } from '../../lib/ipc-types';

/** Calls `fn` once calls have stopped for `ms`; `flush` runs a pending call now. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: A | null = null;
  const run = (...args: A) => {
    last = args;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  run.flush = () => {
    if (timer && last) {
      clearTimeout(timer);
      timer = null;
      fn(...last);
    }
  };
  run.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return run;
}

export interface LineSpan {
  from: number;
  to: number;
}
export interface Diagnostic {
  from: number;
  to: number;
  severity: 'error';
  message: string;
}

/** Problems (1-based lines) as editor diagnostics; lines past the end land on the last line. */
export function problemsToDiagnostics(problems: Problem[], lineCount: number, line: (n: number) => LineSpan): Diagnostic[] {
  return problems.map((p) => {
    const n = Math.min(Math.max(p.line, 1), Math.max(lineCount, 1));
    const span = line(n);
    return { from: span.from, to: span.to, severity: 'error', message: p.message };
  });
}

/** Percentages of the progress bar, in the order done, skipped, blocked, pending. */
export function progressSegments(c: WalkCounts): { state: string; percent: number; count: number }[] {
  const total = c.total || 1;
  return (['done', 'skipped', 'blocked', 'pending'] as const).map((state) => ({
    state,
    count: c[state],
    percent: (c[state] / total) * 100,
  }));
}

/** Steps no longer waiting on the operator. */
export function settled(c: WalkCounts): number {
  return c.done + c.skipped;
}

/** A search snippet split into plain and highlighted parts (U+0002 … U+0003 mark matches). */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const [i, chunk] of snippet.split('\u0002').entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    const [hit, ...rest] = chunk.split('\u0003');
    if (hit) parts.push({ text: hit, hit: true });
    const tail = rest.join('');
    if (tail) parts.push({ text: tail, hit: false });
  }
  return parts;
}

/** Tickets for overlapping calls, so a slow answer never replaces a newer one (preview, search). */
export function sequencer() {
  let last = 0;
  return { next: () => ++last, isLatest: (ticket: number) => ticket === last };
}
