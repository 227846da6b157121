import { describe, expect, it } from 'vitest';
import cases from './slug-cases.json';
import { slugify, slugifyWords } from './slug';

describe('the slug rule', () => {
  it('matches the core on every shared case', () => {
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const got = c.max_words === null ? slugify(c.text) : slugifyWords(c.text, c.max_words);
      expect(got, JSON.stringify(c.text)).toBe(c.slug);
    }
  });
  it('keeps only ASCII letters and digits, as the core does (no accent folding)', () => {
    expect(slugify('Café')).toBe('caf');
    expect(slugify('Ticket Triage (EU)!')).toBe('ticket-triage-eu');
  });
});
