import { describe, expect, it } from 'vitest';
import {
  blankToUndefined,
  blankWorkflow,
  byCriticality,
  errorMap,
  followName,
  formErrorText,
  humanPath,
  isDirty,
  move,
  plural,
  unplacedErrors,
} from './forms';
import { slugify } from './slug';

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
  it('never changes the list it was given', () => {
    const list = [{ endpoint: 'a' }, { strategy: 'cache' }];
    const moved = move(list, 1, -1);
    expect(moved.map((s) => s.endpoint ?? s.strategy)).toEqual(['cache', 'a']);
    expect(list.map((s) => s.endpoint ?? s.strategy)).toEqual(['a', 'cache']);
  });
});

describe('field errors', () => {
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
  it('names field paths the way people read them, counting from 1', () => {
    expect(humanPath('fallbacks[1].endpoint')).toBe('fallback 2 endpoint');
    expect(humanPath('fallbacks[0]')).toBe('fallback 1');
    expect(humanPath('members[2].name')).toBe('member 3 name');
    expect(humanPath('failure_modes.slow.customer_message')).toBe('failure modes slow customer message');
    expect(humanPath('id')).toBe('id');
  });
  it('lists errors without a place on the form in the form-level message', () => {
    const known = (p: string) => p === 'name';
    expect(
      formErrorText(
        [
          { field: 'name', message: 'must not be empty' },
          { field: 'fallbacks[0]', message: 'needs exactly one of `endpoint` or `strategy`' },
        ],
        known,
      ),
    ).toBe('fallback 1: needs exactly one of `endpoint` or `strategy`');
  });
  it('points at the fields when every error sits beside one', () => {
    const all = () => true;
    expect(formErrorText([{ field: 'name', message: 'x' }], all)).toBe('1 field needs attention; see the message beside it.');
    expect(formErrorText([{ field: 'name', message: 'x' }, { field: 'id', message: 'y' }], all)).toBe(
      '2 fields need attention; see the messages beside them.',
    );
  });
});

describe('workflow helpers', () => {
  it('sorts critical first, then by name', () => {
    const w = (name: string, criticality: 'critical' | 'high' | 'low') => ({ ...blankWorkflow(), name, criticality });
    const sorted = [w('b', 'low'), w('z', 'critical'), w('a', 'high'), w('c', 'critical')].sort(byCriticality);
    expect(sorted.map((x) => x.name)).toEqual(['c', 'z', 'a', 'b']);
  });
  it('notices an edit deep in the failure modes, and an edit undone', () => {
    const a = blankWorkflow('p');
    const b = structuredClone(a);
    expect(isDirty(a, b)).toBe(false);
    b.failure_modes.slow.degradation = 'cached';
    expect(isDirty(a, b)).toBe(true);
    b.failure_modes.slow.degradation = '';
    expect(isDirty(a, b)).toBe(false);
  });
  it('notices a reordered fallback chain', () => {
    const a = { ...blankWorkflow('p'), fallbacks: [{ endpoint: 'x' }, { strategy: 'cache' }] };
    expect(isDirty(a, { ...a, fallbacks: move(a.fallbacks, 0, 1) })).toBe(true);
  });
  it('slugifies names', () => {
    expect(slugify('  Ticket Triage (EU)! ')).toBe('ticket-triage-eu');
  });
});

describe('small text helpers', () => {
  it('pluralises counts', () => {
    expect(plural(1, 'finding')).toBe('1 finding');
    expect(plural(0, 'finding')).toBe('0 findings');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
  it('drops blank optional text instead of sending ""', () => {
    const v = { id: 'openai', name: 'OpenAI', status_page: '  ' };
    expect(blankToUndefined(v, ['status_page'])).toEqual({ id: 'openai', name: 'OpenAI' });
    expect(v.status_page).toBe('  ');
    expect(blankToUndefined({ ...v, status_page: 'https://s' }, ['status_page']).status_page).toBe('https://s');
  });
});

describe('followName', () => {
  it('follows the name while the id is still the generated one', () => {
    expect(followName('', '', 'O')).toBe('o');
    expect(followName('o', 'O', 'Op')).toBe('op');
    expect(followName('open-ai', 'Open AI', 'Open AI EU')).toBe('open-ai-eu');
  });
  it('keeps an id the user typed', () => {
    expect(followName('oai', 'Open AI', 'Open AI EU')).toBe('oai');
  });
});
