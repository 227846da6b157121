import { describe, expect, it } from 'vitest';
import { overrideErrors, overrideFromDraft, peopleOf, pickPerson, prefillOverride, type OverrideDraft } from './override-form';

const people = [
  { name: 'Ana Lima', contact: 'ana@example.com' },
  { name: 'Ben Ode', contact: '' },
  { name: 'Jin Park', contact: 'jin@example.com' },
];

describe('peopleOf', () => {
  it('lists the base members then the layers, each person once, keeping a known contact', () => {
    const r = {
      members: [{ name: 'Ana Lima', contact: 'ana@example.com' }, { name: 'Ben Ode' }],
      layers: [{ members: [{ name: 'Ben Ode', contact: '+49 30 1234' }, { name: ' Jin Park ' }, { name: '' }] }],
    };
    expect(peopleOf(r)).toEqual([
      { name: 'Ana Lima', contact: 'ana@example.com' },
      { name: 'Ben Ode', contact: '+49 30 1234' },
      { name: 'Jin Park', contact: '' },
    ]);
    expect(peopleOf({ members: [] })).toEqual([]);
  });
});

describe('prefillOverride', () => {
  const slot = { person: 'Ana Lima', start: '2026-12-07T08:00:00Z', end: '2026-12-08T08:00:00Z' };

  it('covers a future slot whole, in the operator zone, with someone else picked', () => {
    const d = prefillOverride(slot, people, Date.parse('2026-12-04T16:05:00Z'), 'Europe/Berlin');
    expect(d).toEqual({
      pick: 'Ben Ode',
      name: 'Ben Ode',
      contact: '',
      fromDate: '2026-12-07',
      fromTime: '09:00',
      toDate: '2026-12-08',
      toTime: '09:00',
    });
  });

  it('takes over a running slot from the current minute', () => {
    const d = prefillOverride(slot, people, Date.parse('2026-12-07T13:37:42Z'), 'America/New_York');
    expect([d.fromDate, d.fromTime, d.toDate, d.toTime]).toEqual(['2026-12-07', '08:37', '2026-12-08', '03:00']);
  });

  it('picks the first person for a gap, and nobody when the rotation has nobody', () => {
    expect(prefillOverride({ ...slot, person: null }, people, 0, 'UTC').pick).toBe('Ana Lima');
    expect(prefillOverride(slot, [], 0, 'UTC').name).toBe('');
  });
});

describe('overrideFromDraft', () => {
  const draft: OverrideDraft = {
    pick: 'Jin Park',
    name: 'Jin Park ',
    contact: 'jin@example.com',
    fromDate: '2026-11-01',
    fromTime: '01:30',
    toDate: '2026-11-01',
    toTime: '03:00',
  };

  it('sends UTC instants read in the operator zone', () => {
    // 01:30 happens twice that night in New York: the first one (EDT) is meant.
    expect(overrideFromDraft(draft, 'America/New_York')).toEqual({
      value: { name: 'Jin Park', contact: 'jin@example.com', from: '2026-11-01T05:30:00Z', to: '2026-11-01T08:00:00Z' },
    });
  });

  it('names each field it cannot read', () => {
    expect(overrideFromDraft({ ...draft, name: ' ', fromTime: '25:00', toDate: '' }, 'UTC').errors).toEqual({
      name: 'Pick a person or type a name',
      from: 'Enter a date and a time (HH:MM)',
      to: 'Enter a date and a time (HH:MM)',
    });
    expect(overrideFromDraft({ ...draft, toTime: '01:30' }, 'UTC').errors).toEqual({ to: 'Must be after the start' });
  });

  it('fills in the picked person and clears them for someone else', () => {
    const picked = pickPerson(draft, 'Ana Lima', people);
    expect([picked.pick, picked.name, picked.contact]).toEqual(['Ana Lima', 'Ana Lima', 'ana@example.com']);
    const other = pickPerson(picked, '', people);
    expect([other.pick, other.name, other.contact]).toEqual(['', '', '']);
  });
});

describe('overrideErrors', () => {
  it('maps the shell field names of the new override onto the form', () => {
    const errors = overrideErrors(
      [
        { field: 'overrides[2].to', message: 'overlaps override 1' },
        { field: 'overrides[2].to', message: 'second message' },
        { field: 'overrides[0].from', message: 'not this one' },
      ],
      2,
    );
    expect(errors).toEqual({ to: 'overlaps override 1', 'overrides[0].from': 'not this one' });
  });
});
