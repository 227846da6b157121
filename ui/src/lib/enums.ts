// The UI's words for the core's enumerations. Each table is a `Record` over the generated union,
// so TypeScript refuses a table that misses a value or names one the core does not have; the
// lists of values are the tables' keys, in the order shown.
import type { ApiStyle, Criticality, FailureMode, Health, LinkRole, ProbeKind, Reason, StepState } from './ipc-types';

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

export const healthLabels: Record<Health, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
};

/** Why an endpoint has its state, in the operator's words. */
export const reasonLabels: Record<Reason, string> = {
  ok: 'Answering normally',
  slow: 'Slower than its latency SLO',
  throttled: 'Rate limited (429)',
  overloaded: 'Vendor overloaded (503/529)',
  status_page_degraded: 'Status page reports degraded service',
  quota_exhausted: 'Quota or spend limit exhausted',
  server_error: 'Server error (5xx)',
  auth: 'Key rejected (401/403)',
  no_credential: 'No credential: the key reference resolves to nothing',
  model_not_found: 'Model not found',
  bad_request: 'Request rejected as invalid',
  timeout: 'Timed out',
  connect_timeout: 'Could not connect in time',
  dns: 'Host name does not resolve',
  tls: 'TLS certificate not trusted',
  connection_reset: 'Connection reset',
  oversized: 'Reply larger than a probe reads',
  truncated: 'Reply cut off before it was whole',
  invalid_response: 'Reply is not what the API answers',
  status_page_outage: 'Status page reports an outage',
  not_probed: 'Not probed yet',
};

export const linkRoleLabels: Record<LinkRole, string> = {
  primary: 'Primary',
  fallback: 'Fallback',
  strategy: 'Strategy',
};

export const apiStyles = valuesOf(apiStyleLabels);
export const probeKinds = valuesOf(probeKindLabels);
export const criticalities = valuesOf(criticalityLabels);
export const failureModes = valuesOf(failureModeLabels);
export const stepStates = valuesOf(stepStateLabels);
