// The UI's words for the core's enumerations. Each table is a `Record` over the generated union,
// so TypeScript refuses a table that misses a value or names one the core does not have; the
// lists of values are the tables' keys, in the order shown.
import type { ApiStyle, Criticality, FailureMode, ProbeKind, StepState } from './ipc-types';

/** The keys of a table over a union, in the table's order. */
export function valuesOf<K extends string>(table: Record<K, unknown>): K[] {
  return Object.keys(table) as K[];
}

export const apiStyleLabels: Record<ApiStyle, string> = {
  openai: 'OpenAI-compatible',
  anthropic: 'Anthropic',
  gemini: 'Gemini',
  http: 'Plain HTTP',
  'azure-openai': 'Azure OpenAI',
  bedrock: 'Amazon Bedrock',
};

/** The probe kinds; a block without one uses the API style's default. */
export const probeKindLabels: Record<ProbeKind, string> = {
  chat: 'Chat (a tiny completion)',
  models: 'List models (no tokens)',
  http: 'HTTP GET of the base URL',
  none: 'Off (configured, not probed)',
};

/** Most critical first: lists sort by this order. */
export const criticalityLabels: Record<Criticality, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const failureModeLabels: Record<FailureMode, string> = {
  throttled: 'throttled',
  unavailable: 'unavailable',
  slow: 'slow',
};

export const stepStateLabels: Record<StepState, string> = {
  pending: 'Pending',
  done: 'Done',
  skipped: 'Skipped',
  blocked: 'Blocked',
};

export const apiStyles = valuesOf(apiStyleLabels);
export const probeKinds = valuesOf(probeKindLabels);
export const criticalities = valuesOf(criticalityLabels);
export const failureModes = valuesOf(failureModeLabels);
export const stepStates = valuesOf(stepStateLabels);
