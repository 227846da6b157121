// The live-health types as the shell sends them. Until the shell declares its health commands
// these mirror its board; once it does, they come from the generated `ipc-types.ts`.
export type Health = 'healthy' | 'degraded' | 'down' | 'unknown';

export type Reason =
  | 'ok'
  | 'slow'
  | 'throttled'
  | 'overloaded'
  | 'status_page_degraded'
  | 'quota_exhausted'
  | 'server_error'
  | 'auth'
  | 'no_credential'
  | 'model_not_found'
  | 'bad_request'
  | 'timeout'
  | 'connect_timeout'
  | 'dns'
  | 'tls'
  | 'connection_reset'
  | 'oversized'
  | 'truncated'
  | 'invalid_response'
  | 'status_page_outage'
  | 'not_probed';

export type RateLimit = {
  remaining_requests?: number;
  remaining_tokens?: number;
  requests_reset_s?: number;
  tokens_reset_s?: number;
};

export type Sample = {
  endpoint: string;
  at: string;
  reason: Reason;
  http_status?: number;
  latency_ms: number;
  first_token_ms?: number;
  rate_limit: RateLimit;
  retry_after_s?: number;
  error_excerpt?: string;
};

export type LatencyPoint = { at: string; p50_ms: number; p95_ms: number };

export type EndpointLive = {
  endpoint: string;
  vendor: string;
  name: string;
  probed: boolean;
  health: Health;
  reason: Reason;
  changed_at: string | null;
  last_sample: Sample | null;
  latency: LatencyPoint[];
};

export type VendorHealth = {
  vendor: string;
  name: string;
  status_page: EndpointLive | null;
  endpoints: EndpointLive[];
};

export type LinkRole = 'primary' | 'fallback' | 'strategy';

export type ChainLink = {
  endpoint: string | null;
  strategy: string | null;
  role: LinkRole;
  health: Health;
};

export type Criticality = 'critical' | 'high' | 'medium' | 'low';

export type ChainHealth = {
  workflow: string;
  name: string;
  criticality: Criticality;
  links: ChainLink[];
  in_use: number | null;
  has_healthy_endpoint: boolean;
};

export type TokenSpend = { probes_per_day: number; tokens_per_day: number };

export type HealthBoard = {
  simulated: boolean;
  vendors: VendorHealth[];
  chains: ChainHealth[];
  spend: TokenSpend;
};

export type HealthChanged = { endpoint: EndpointLive };

export type HeatCell = {
  weekday: number;
  hour: number;
  samples: number;
  throttled: number;
  failures: number;
  latency_p95_ms: number;
};
