// The rotation form's schedule parts: weekdays in windows, a new layer's starting values, and
// the draft as the shell expects it. Pure, for unit tests.
import type { Layer, Rotation, RotationMember, Weekday } from './ipc-types';
import { instantToLocal } from './zones';

export const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** `days` with `day` ticked or unticked, always in week order. */
export function toggleDay(days: Weekday[], day: Weekday): Weekday[] {
  const on = new Set(days);
  if (on.has(day)) on.delete(day);
  else on.add(day);
  return weekdays.filter((d) => on.has(d));
}

/** Today's date in `zone`, the first handoff a new schedule gets. */
export function todayIn(zone: string, now = Date.now()): string {
  try {
    return instantToLocal(now, zone).date;
  } catch {
    return instantToLocal(now, 'UTC').date;
  }
}

/** A new layer: the base's zone and handoff, daily shifts from today, nobody on it yet. */
export function newLayer(base: Pick<Rotation, 'time_zone' | 'handoff'>, count: number, now = Date.now()): Layer {
  return {
    name: `Layer ${count + 1}`,
    time_zone: base.time_zone,
    shift_hours: 24,
    handoff: base.handoff,
    start: todayIn(base.time_zone, now),
    members: [],
    restrictions: [],
  };
}

// A member without a contact has no `contact` key.
const members = (list: RotationMember[]): RotationMember[] => list.map((m) => (m.contact?.trim() ? m : { name: m.name }));

/** The draft as the shell expects it: numbers as numbers, blank contacts left out. */
export function prepareRotation(r: Rotation): Rotation {
  return {
    ...r,
    shift_hours: Number(r.shift_hours),
    members: members(r.members),
    layers: r.layers.map((l) => ({ ...l, shift_hours: Number(l.shift_hours), members: members(l.members) })),
  };
}
