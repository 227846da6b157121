// The Drill view's logic: what each fault is called and does, and a fault built from the
// row's controls (its options checked as the simulator checks them).
import type { Fault, FaultKind } from './ipc-types';

/** Every fault, in the order the view offers them, with a label and what it makes the vendor do. */
export const FAULTS: Record<FaultKind, { label: string; does: string }> = {
  none: { label: 'No fault', does: 'answers as on a good day' },
  throttle: { label: 'Throttle', does: '429 with Retry-After and rate-limit headers' },
  quota: { label: 'Quota exhausted', does: 'out of credit (OpenAI insufficient_quota and the like)' },
  overloaded: { label: 'Overloaded', does: '529 (Anthropic) or 503 / UNAVAILABLE' },
  outage: { label: 'Outage', does: '500 on every call; the status page reports a major outage' },
  latency: { label: 'Latency', does: 'the right answer, late' },
  slow_stream: { label: 'Slow stream', does: 'tokens trickle in' },
  truncated: { label: 'Truncated stream', does: 'the reply is cut off before its end' },
  hang: { label: 'Hang', does: 'takes the request and never answers' },
};

export const FAULT_KINDS = Object.keys(FAULTS) as FaultKind[];

/** The limits the simulator enforces (`simulator::fault`). */
export const MAX_RETRY_AFTER_S = 86_400;
export const MAX_LATENCY_MS = 600_000;
export const DEFAULT_RETRY_AFTER_S = 30;

/** The option a fault takes, if any. */
export function optionOf(kind: FaultKind): { key: 'retry_after_s' | 'latency_ms'; label: string; unit: string; max: number; placeholder: number } | null {
  if (kind === 'throttle') return { key: 'retry_after_s', label: 'Retry-After', unit: 's', max: MAX_RETRY_AFTER_S, placeholder: DEFAULT_RETRY_AFTER_S };
  if (kind === 'latency') return { key: 'latency_ms', label: 'Delay', unit: 'ms', max: MAX_LATENCY_MS, placeholder: 3000 };
  if (kind === 'slow_stream') return { key: 'latency_ms', label: 'Gap between tokens', unit: 'ms', max: MAX_LATENCY_MS, placeholder: 1000 };
  return null;
}

/** A fault in words: `Throttle (Retry-After 30 s)`, `No fault`. */
export function describeFault(fault: Fault): string {
  const { label } = FAULTS[fault.kind];
  if (fault.kind === 'throttle') return `${label} (Retry-After ${fault.retry_after_s ?? DEFAULT_RETRY_AFTER_S} s)`;
  const option = optionOf(fault.kind);
  if (option && fault.latency_ms !== undefined && fault.latency_ms !== null) return `${label} (${fault.latency_ms} ms)`;
  return label;
}

/**
 * The fault the row's controls describe. An empty option means the simulator's default; the
 * option of another kind is left out. An option that is not a whole number within its limit is
 * an error in words.
 */
export function buildFault(kind: FaultKind, optionText: string): { fault: Fault } | { error: string } {
  const option = optionOf(kind);
  const text = optionText.trim();
  if (!option || text === '') return { fault: { kind } };
  if (!/^\d+$/.test(text)) return { error: `${option.label} must be a whole number of ${option.unit === 's' ? 'seconds' : 'milliseconds'}` };
  const value = Number(text);
  if (value > option.max) return { error: `${option.label} must be at most ${option.max} ${option.unit}` };
  return { fault: { kind, [option.key]: value } };
}

/** The option's text for a fault, to fill the row's field with. */
export function optionText(fault: Fault): string {
  const option = optionOf(fault.kind);
  const value = option ? fault[option.key] : undefined;
  return value === undefined || value === null ? '' : String(value);
}
