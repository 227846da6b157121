// The endpoint form's `probe:` block and the vendor form's component list, as pure helpers.
import type { ApiStyle, ProbeConfig, ProbeKind } from './ipc-types';

/** A new block as the core fills in keys left out (`probe: {}`), so the form shows the defaults. */
export function defaultProbe(): ProbeConfig {
  return {
    interval_s: 60,
    timeout_ms: 10000,
    connect_timeout_ms: 3000,
    max_tokens: 16,
    expect_status: 200,
    failures_to_down: 3,
    successes_to_up: 2,
  };
}

/** The kind a block without `kind` probes with: http for plain HTTP endpoints, chat otherwise. */
export function effectiveKind(probe: ProbeConfig, style: ApiStyle): ProbeKind {
  return probe.kind ?? (style === 'http' ? 'http' : 'chat');
}

const NUMBER_KEYS = [
  'interval_s',
  'timeout_ms',
  'connect_timeout_ms',
  'max_tokens',
  'expect_status',
  'failures_to_down',
  'successes_to_up',
] as const;

/** The block as the shell expects it: numbers as numbers, blank optional text left out. */
export function prepareProbe(probe: ProbeConfig): ProbeConfig {
  const out: ProbeConfig = { ...probe };
  for (const key of NUMBER_KEYS) out[key] = Number(out[key] ?? 0);
  if (!out.kind) delete out.kind;
  for (const key of ['json_pointer', 'ca_file'] as const) {
    if (!out[key]?.trim()) delete out[key];
  }
  if (out.equals === undefined || out.equals === '') delete out.equals;
  return out;
}

/** `equals` as typed: JSON (`200`, `true`, `"ok"`, `{"a":1}`), else the text itself as a string. */
export function parseEquals(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `equals` for its input: a string that does not read as JSON shows bare, anything else as JSON. */
export function formatEquals(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && parseEquals(value) === value) return value;
  return JSON.stringify(value);
}

/** `API, Chat` → `['API', 'Chat']`: trimmed, blanks dropped. */
export function parseComponents(text: string): string[] {
  return text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

export function formatComponents(list: string[] | undefined): string {
  return (list ?? []).join(', ');
}
