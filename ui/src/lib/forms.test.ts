import { describe, expect, it } from 'vitest';
import { blankWorkflow, byCriticality, errorMap, isDirty, move, slugify, unplacedErrors } from './forms';

describe('move', () => {
  it('swaps neighbours up and down', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
  it('leaves the list alone at the edges', () => {
    const list = ['a', 'b'];
    expect(move(list, 0, -1)).toBe(list);
    expect(move(list, 1, 1)).toBe(list);
  });
});

describe('errorMap', () => {
  it('keeps the first message per path', () => {
    expect(
      errorMap([
        { field: 'name', message: 'required' },
        { field: 'fallbacks[1].endpoint', message: 'unknown endpoint' },
        { field: 'name', message: 'second' },
      ]),
    ).toEqual({ name: 'required', 'fallbacks[1].endpoint': 'unknown endpoint' });
  });
  it('finds errors with no field on the form', () => {
    const known = (p: string) => p === 'name';
    expect(unplacedErrors([{ field: 'name', message: 'x' }, { field: 'zzz', message: 'y' }], known)).toEqual([
      { field: 'zzz', message: 'y' },
    ]);
  });
});

describe('workflow helpers', () => {
  it('sorts critical first, then by name', () => {
    const w = (name: string, criticality: 'critical' | 'high' | 'low') => ({ ...blankWorkflow(), name, criticality });
    const sorted = [w('b', 'low'), w('z', 'critical'), w('a', 'high'), w('c', 'critical')].sort(byCriticality);
    expect(sorted.map((x) => x.name)).toEqual(['c', 'z', 'a', 'b']);
  });
  it('notices an edit deep in the failure modes', () => {
    const a = blankWorkflow('p');
    const b = structuredClone(a);
    expect(isDirty(a, b)).toBe(false);
    b.failure_modes.slow.degradation = 'cached';
    expect(isDirty(a, b)).toBe(true);
  });
  it('slugifies names', () => {
    expect(slugify('  Ticket Triage (EU)! ')).toBe('ticket-triage-eu');
  });
});
