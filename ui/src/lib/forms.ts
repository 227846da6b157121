// Pure helpers shared by the inventory forms; unit-tested without a DOM.
import type { FallbackStep, FieldError, Workflow, FailureModePlan } from './ipc-types';
import { criticalities } from './enums';
import { slugify } from './slug';

/** Field path → message, from the shell's `invalid` error. */
export function errorMap(fields: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.field] ??= f.message;
  return out;
}

/** Errors whose path has no field on the form, shown at the top so none is lost. */
export function unplacedErrors(fields: FieldError[], known: (path: string) => boolean): FieldError[] {
  return fields.filter((f) => !known(f.field));
}

/** A field path as a person reads it: `fallbacks[1].endpoint` → `fallback 2 endpoint`. */
export function humanPath(path: string): string {
  return path
    .replace(/([a-z_]+?)s?\[(\d+)\]/g, (_, list: string, i: string) => `${list} ${Number(i) + 1}`)
    .replace(/[._]/g, ' ')
    .trim();
}

/** The form-level message for a failed save: errors without a field first, else a pointer to them. */
export function formErrorText(fields: FieldError[], known: (path: string) => boolean): string {
  const rest = unplacedErrors(fields, known);
  if (rest.length) return rest.map((f) => `${humanPath(f.field)}: ${f.message}`).join('; ');
  const n = fields.length;
  return `${n} ${n === 1 ? 'field needs' : 'fields need'} attention; see the ${n === 1 ? 'message' : 'messages'} beside ${n === 1 ? 'it' : 'them'}.`;
}

/** `1 finding`, `3 findings`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Empty optional text is "not set": the key is dropped rather than sent as "". */
export function blankToUndefined<T extends object>(item: T, keys: (keyof T)[]): T {
  const out = clone(item);
  for (const k of keys) if (typeof out[k] === 'string' && (out[k] as string).trim() === '') delete out[k];
  return out;
}

/** Moves item `i` by `delta` places; out-of-range moves return the list unchanged. */
export function move<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

const blankPlan = (): FailureModePlan => ({ customer_impact: '', degradation: '', customer_message: '' });

export function blankWorkflow(primary = ''): Workflow {
  return {
    id: '',
    name: '',
    description: '',
    criticality: 'medium',
    customer_facing: true,
    owner: undefined,
    primary,
    fallbacks: [],
    failure_modes: { throttled: blankPlan(), unavailable: blankPlan(), slow: blankPlan() },
  };
}

/** A deep copy, so editing a form never touches the list it came from. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** True when the form differs from what it started as. */
export function isDirty<T>(initial: T, current: T): boolean {
  return JSON.stringify(initial) !== JSON.stringify(current);
}

export function fallbackLabel(step: FallbackStep): string {
  return step.endpoint ?? step.strategy ?? '';
}

/** Critical first, then by name. */
export function byCriticality(a: Workflow, b: Workflow): number {
  return criticalities.indexOf(a.criticality) - criticalities.indexOf(b.criticality) || a.name.localeCompare(b.name);
}

/**
 * The id a new item gets as its name is typed: follows the name until the user edits the id
 * by hand (an id that no longer matches the previous name's slug is theirs and is kept).
 */
export function followName(id: string, previousName: string, name: string): string {
  return id === '' || id === slugify(previousName) ? slugify(name) : id;
}
