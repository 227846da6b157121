// The small override form the calendar opens on a slot: its starting values, and the override
// it sends. Times are typed in the operator's zone and sent as UTC.
import { instantToLocal, localToInstant, toRfc3339 } from './zones';

export interface Person {
  name: string;
  contact?: string;
}

/** What the form edits. `pick` is a person's name from the list, or '' for someone else. */
export interface OverrideDraft {
  pick: string;
  name: string;
  contact: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
}

export interface OverrideValue {
  name: string;
  contact: string;
  from: string;
  to: string;
}

/** Everyone on the rotation's base and extra layers, once each, in their order there. */
export function peopleOf(r: { members: Person[]; layers?: { members: Person[] }[] }): Person[] {
  const seen = new Map<string, Person>();
  for (const m of [...r.members, ...(r.layers ?? []).flatMap((l) => l.members)]) {
    const name = m.name.trim();
    if (name && !seen.has(name)) seen.set(name, { name, contact: m.contact ?? '' });
    else if (name && !seen.get(name)!.contact && m.contact) seen.get(name)!.contact = m.contact;
  }
  return [...seen.values()];
}

/**
 * The form for taking over `slot`: from its start (or from now, when it has begun) to its end,
 * with the first other person on the rotation picked, as a swap usually is.
 */
export function prefillOverride(
  slot: { person?: string | null; start: string; end: string },
  people: Person[],
  now: number,
  zone: string,
): OverrideDraft {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  // Minutes are what the inputs hold; a slot already running is taken over from this minute.
  const from = start < now && now < end ? Math.floor(now / 60_000) * 60_000 : start;
  const other = people.find((p) => p.name !== slot.person) ?? people[0];
  const f = instantToLocal(from, zone);
  const t = instantToLocal(end, zone);
  return {
    pick: other?.name ?? '',
    name: other?.name ?? '',
    contact: other?.contact ?? '',
    fromDate: f.date,
    fromTime: f.time,
    toDate: t.date,
    toTime: t.time,
  };
}

/** Choosing a person from the list fills in their name and contact; '' clears them to type. */
export function pickPerson(draft: OverrideDraft, pick: string, people: Person[]): OverrideDraft {
  const p = people.find((x) => x.name === pick);
  return { ...draft, pick, name: p?.name ?? '', contact: p?.contact ?? '' };
}

/**
 * The override to send, or the problems the form can see itself (keys `name`, `from`, `to`,
 * as the shell's field errors for an override are named once their `overrides[i].` is dropped).
 */
export function overrideFromDraft(
  d: OverrideDraft,
  zone: string,
): { value: OverrideValue; errors?: undefined } | { value?: undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors.name = 'Pick a person or type a name';
  const from = localToInstant(d.fromDate, d.fromTime, zone);
  const to = localToInstant(d.toDate, d.toTime, zone);
  if (from === null) errors.from = 'Enter a date and a time (HH:MM)';
  if (to === null) errors.to = 'Enter a date and a time (HH:MM)';
  else if (from !== null && to <= from) errors.to = 'Must be after the start';
  if (Object.keys(errors).length) return { errors };
  return { value: { name: d.name.trim(), contact: d.contact.trim(), from: toRfc3339(from!), to: toRfc3339(to!) } };
}

/** The shell's errors for override `index` (`overrides[2].to`) keyed by the form's own names. */
export function overrideErrors(fields: { field: string; message: string }[], index: number): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `overrides[${index}].`;
  for (const f of fields) {
    const key = f.field.startsWith(prefix) ? f.field.slice(prefix.length) : f.field;
    out[key] ??= f.message;
  }
  return out;
}
