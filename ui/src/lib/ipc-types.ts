// Generated from the IPC declaration (src-tauri/src/commands/list.rs) by
// `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings`. Do not edit by hand: the test
// suite fails when this file drifts.

export type ApiStyle = "openai" | "anthropic" | "gemini" | "http" | "azure-openai" | "bedrock";

export type AppInfo = { version: string, db_path: string, schema_version: number, operator: string, };

export type Applicability = "not_applicable" | "unknown" | "applicable";

export type AuditReport = { 
/**
 * Ordered: critical workflows first, then by severity.
 */
findings: Array<Finding>, 
/**
 * True when a critical workflow has a finding: the CLI then exits 1.
 */
fails: boolean, };

export type CalendarLayer = { 
/**
 * `null` for the base layer.
 */
name: string | null, time_zone: string, shifts: Array<Shift>, };

export type CalendarOverride = { index: number, name: string, contact: string, 
/**
 * UTC, RFC 3339, clipped to the calendar's range.
 */
start: string, end: string, };

export type ChainHealth = { workflow: string, name: string, criticality: Criticality, 
/**
 * Primary first, then fallbacks in order.
 */
links: Array<ChainLink>, 
/**
 * The link the chain would use now: the first healthy endpoint link; else the first
 * strategy link; else none.
 */
in_use: number | null, has_healthy_endpoint: boolean, };

export type ChainLink = { endpoint: string | null, strategy: string | null, role: LinkRole, 
/**
 * A strategy's is always `unknown`: it is never counted as healthy.
 */
health: Health, };

export type Code = "invalid" | "not_found" | "in_use" | "conflict" | "store" | "newer_schema" | "read_only" | "not_brownout" | "bad_path" | "io" | "watch" | "keyring";

export type Criticality = "critical" | "high" | "medium" | "low";

export type Document = { 
/**
 * Relative to the runbooks folder, `/`-separated.
 */
file: string, content: string, 
/**
 * sha256 of `content`; a save must name the version it edited.
 */
version: string, };

export type DrillState = { 
/**
 * The workspace's probes go to the embedded simulator.
 */
simulated: boolean, 
/**
 * The embedded simulator's address, while the workspace is simulated.
 */
base_url?: string, 
/**
 * Every vendor of the inventory, ordered by name.
 */
vendors: Array<VendorDrill>, };

export type Endpoint = { id: string, 
/**
 * The vendor's id.
 */
vendor: string, name: string, model: string, base_url: string, api_style: ApiStyle, 
/**
 * `env:VARIABLE` or `keyring:service/account`: where the secret lives, never the secret.
 */
credential?: string, latency_slo_ms: number, 
/**
 * Probing is opt-in: only an endpoint with a `probe:` block is probed.
 */
probe?: ProbeConfig, };

export type EndpointLive = { endpoint: string, vendor: string, name: string, 
/**
 * Has a probe block whose kind is not `none`.
 */
probed: boolean, 
/**
 * The live state (with hysteresis): `unknown` / `not_probed` until the first sample.
 */
health: Health, reason: Reason, 
/**
 * UTC RFC 3339 of the last state change.
 */
changed_at: string | null, last_sample: Sample | null, 
/**
 * The last hour, oldest first (a sparkline).
 */
latency: Array<LatencyPoint>, };

export type FailureMode = "throttled" | "unavailable" | "slow";

export type FailureModePlan = { customer_impact: string, degradation: string, customer_message: string, };

export type FailureModes = { throttled: FailureModePlan, unavailable: FailureModePlan, slow: FailureModePlan, };

export type FallbackStep = { endpoint?: string, strategy?: string, };

export type Fault = { kind: FaultKind, 
/**
 * `throttle`: the Retry-After sent, in seconds.
 */
retry_after_s?: number, 
/**
 * `latency`: the delay before the reply; `slow_stream`: the gap between tokens.
 */
latency_ms?: number, };

export type FaultKind = "none" | "throttle" | "quota" | "overloaded" | "outage" | "latency" | "slow_stream" | "truncated" | "hang";

export type FieldError = { 
/**
 * Path of the field inside the item, e.g. `name` or `fallbacks[1].endpoint`.
 */
field: string, message: string, };

export type Finding = { 
/**
 * The affected workflow, if the gap is tied to one.
 */
workflow?: string, 
/**
 * The affected workflow's criticality.
 */
criticality?: Criticality, 
/**
 * The rotation concerned, for rotation findings.
 */
rotation?: string, 
/**
 * The endpoint concerned, for endpoint findings.
 */
endpoint?: string, kind: FindingKind, severity: Severity, message: string, };

export type FindingKind = "no_owner" | "no_fallback" | "single_vendor_chain" | "failure_mode_incomplete" | "empty_rotation" | "no_runbook" | "plain_http_credential" | "on_call_gap" | "single_member_rotation" | "fallback_never_healthy";

export type Health = "healthy" | "degraded" | "down" | "unknown";

export type HealthBoard = { 
/**
 * The workspace's probes go to the embedded simulator.
 */
simulated: boolean, 
/**
 * Ordered by vendor name.
 */
vendors: Array<VendorHealth>, 
/**
 * One per workflow, ordered by criticality then name.
 */
chains: Array<ChainHealth>, 
/**
 * Estimated daily token spend of all probes.
 */
spend: TokenSpend, };

export type HealthChanged = { endpoint: EndpointLive, };

export type HeatCell = { 
/**
 * 0 is Monday.
 */
weekday: number, 
/**
 * 0 to 23.
 */
hour: number, samples: number, throttled: number, 
/**
 * Samples that were not `ok`, throttled ones included.
 */
failures: number, 
/**
 * The sample-weighted mean of the hours' p95 latencies.
 */
latency_p95_ms: number, };

export type Inventory = { vendors: Array<Vendor>, endpoints: Array<Endpoint>, workflows: Array<Workflow>, rotations: Array<Rotation>, };

export type IpcError = { 
/**
 * Stable and machine-readable, for the UI to act on.
 */
code: Code, 
/**
 * One sentence for a person.
 */
message: string, 
/**
 * For `invalid`: which fields are wrong, by path (`name`, `fallbacks[1].endpoint`).
 */
fields: Array<FieldError>, };

export type LatencyPoint = { 
/**
 * Start of the point's 5 minutes, UTC RFC 3339.
 */
at: string, p50_ms: number, p95_ms: number, };

export type Layer = { name: string, time_zone: string, shift_hours: number, handoff: string, start: string, members: Array<RotationMember>, restrictions: Array<Restriction>, };

export type LinkRole = "primary" | "fallback" | "strategy";

export type Note = { text: string, };

export type OnCall = { person: string | null, contact: string | null, 
/**
 * The rotation's id.
 */
rotation: string, source: Source | null, layer: string | null, start: string, end: string, };

export type OnCallNow = { 
/**
 * The rotation's id and name.
 */
rotation: string, rotation_name: string, 
/**
 * The ids of the workflows the rotation owns.
 */
workflows: Array<string>, 
/**
 * The person (or the gap) now, with the stretch's start and end; `null` with `problem`
 * when the schedule cannot be computed.
 */
now: OnCall | null, problem: string | null, };

export type Override = { name: string, contact: string, from: string, to: string, };

export type ProbeConfig = { 
/**
 * `None` here means "the default for the endpoint's API style" (chat for openai,
 * anthropic, gemini, azure-openai and bedrock; http for http).
 */
kind?: ProbeKind, interval_s: number, 
/**
 * Total time for one probe.
 */
timeout_ms: number, connect_timeout_ms: number, 
/**
 * Reasoning models need more than 1.
 */
max_tokens: number, 
/**
 * For the http kind.
 */
expect_status: number, 
/**
 * For the http kind: a JSON pointer into the reply and the value it must equal.
 */
json_pointer?: string, equals?: unknown, failures_to_down: number, successes_to_up: number, 
/**
 * An extra trust root (PEM file), for servers behind an internal CA.
 */
ca_file?: string, };

export type ProbeKind = "chat" | "models" | "http" | "none";

export type Problem = { file: string, 
/**
 * 1-based.
 */
line: number, message: string, };

export type RateLimit = { remaining_requests?: number, remaining_tokens?: number, requests_reset_s?: number, tokens_reset_s?: number, };

export type Reason = "ok" | "slow" | "throttled" | "overloaded" | "status_page_degraded" | "quota_exhausted" | "server_error" | "auth" | "no_credential" | "model_not_found" | "bad_request" | "timeout" | "connect_timeout" | "dns" | "tls" | "connection_reset" | "oversized" | "truncated" | "invalid_response" | "status_page_outage" | "not_probed";

export type Restriction = { days: Array<Weekday>, 
/**
 * `HH:MM`, local.
 */
from: string, 
/**
 * `HH:MM`, local.
 */
to: string, };

export type Rotation = { id: string, name: string, 
/**
 * IANA zone of the handoff, e.g. `Europe/Berlin`.
 */
time_zone: string, shift_hours: number, 
/**
 * Local handoff time, `HH:MM`.
 */
handoff: string, 
/**
 * Local date of the first handoff, `YYYY-MM-DD`; nobody is on call before it.
 */
start: string, members: Array<RotationMember>, 
/**
 * Empty: the base layer has someone on call all the time.
 */
restrictions: Array<Restriction>, layers: Array<Layer>, overrides: Array<Override>, };

export type RotationCalendar = { 
/**
 * The rotation's id.
 */
rotation: string, 
/**
 * The rotation's own zone (its base layer's).
 */
time_zone: string, 
/**
 * UTC, RFC 3339.
 */
from: string, to: string, 
/**
 * The base layer first, then each extra layer in order, each as if it were alone.
 */
layers: Array<CalendarLayer>, 
/**
 * Every override that overlaps the range, clipped to it.
 */
overrides: Array<CalendarOverride>, 
/**
 * Who is on call, all layers and overrides combined; gaps as `person: null`.
 */
final_schedule: Array<Shift>, };

export type RotationMember = { name: string, contact?: string, };

export type RunbookPreview = { html: string, problems: Array<Problem>, };

export type RunbookQuery = { text?: string, 
/**
 * Matches runbooks for this vendor and those for `any`.
 */
vendor?: string, failure_mode?: FailureMode, };

export type RunbookSummary = { file: string, 
/**
 * `None` while the front matter cannot be read.
 */
id?: string, title: string, vendor?: string, failure_modes: Array<FailureMode>, problems: number, 
/**
 * For text searches: matching words wrapped in U+0002 … U+0003 (plain text, no markup).
 */
snippet?: string, };

export type RunbookView = { document: Document, html: string, problems: Array<Problem>, };

export type RunbooksChanged = { 
/**
 * The changed files, relative to the runbooks folder.
 */
files: Array<string>, };

export type Sample = { endpoint: string, 
/**
 * When the probe started, UTC RFC 3339.
 */
at: string, reason: Reason, http_status?: number, 
/**
 * Until the whole reply was read (or the probe gave up).
 */
latency_ms: number, 
/**
 * Time to the first streamed token, where the probe streams.
 */
first_token_ms?: number, rate_limit: RateLimit, 
/**
 * Retry-After in whole seconds from the reply, 0 to 600.
 */
retry_after_s?: number, 
/**
 * At most 300 characters of the error, with anything secret removed.
 */
error_excerpt?: string, };

export type Settings = { 
/**
 * The name written on timeline events; defaults to the OS user.
 */
operator: string, 
/**
 * Absolute path of the runbooks folder (a shared git checkout, say).
 */
runbooks_dir: string, 
/**
 * IANA zone times are shown in; UTC is what is stored.
 */
time_zone: string, 
/**
 * The workspace's probes go to the embedded vendor simulator instead of the endpoints'
 * real base URLs, and never read a real credential. On for the seeded demo, off for any
 * database from before the setting existed.
 */
simulated: boolean, };

export type Severity = "high" | "medium" | "low";

export type Shift = { person: string | null, contact: string | null, 
/**
 * `None` in a gap.
 */
source: Source | null, 
/**
 * The layer's name; `None` for the base layer, an override and a gap.
 */
layer: string | null, 
/**
 * UTC, RFC 3339 with `Z`, whole seconds.
 */
start: string, end: string, };

export type Source = "override" | "layer";

export type StepChange = { 
/**
 * The runbook's front-matter id.
 */
runbook: string, file: string, step: string, section: string, 
/**
 * The step's markdown when it was marked.
 */
text: string, state: StepState, note: string | null, };

export type StepMark = { runbook_id: string, incident_id: number | null, step_id: string, state: StepState, note?: string, };

export type StepState = "pending" | "done" | "skipped" | "blocked";

export type TimelineEvent = { id: number, 
/**
 * `None` for events outside an incident, such as a runbook walked on its own.
 */
incident_id: number | null, 
/**
 * UTC, RFC 3339.
 */
at: string, actor: string, summary: string, } & ({ "kind": "runbook_step", "data": StepChange } | { "kind": "runbook_reset", "data": WalkReset } | { "kind": "note", "data": Note } | { "kind": "unrecognized", "data": Unrecognized });

export type TokenSpend = { probes_per_day: number, tokens_per_day: number, };

export type Unrecognized = { kind: string, 
/**
 * The stored JSON text.
 */
data: string, };

export type Vendor = { id: string, name: string, status_page?: string, 
/**
 * The vendor's Statuspage API (`https://…/api/v2/summary.json`), for its published status.
 */
status_api?: string, 
/**
 * The status page components to watch, by name; all of them when empty.
 */
status_components?: Array<string>, };

export type VendorDrill = { vendor: string, name: string, fault: Fault, };

export type VendorHealth = { vendor: string, name: string, 
/**
 * The vendor's `status_api` as a pseudo-endpoint (id from [`status_page_id`]), if any.
 */
status_page: EndpointLive | null, 
/**
 * Ordered by name.
 */
endpoints: Array<EndpointLive>, };

export type WalkCounts = { total: number, done: number, skipped: number, blocked: number, pending: number, };

export type WalkReset = { runbook: string, file: string, 
/**
 * How many recorded steps went back to pending.
 */
cleared: number, };

export type WalkSection = { title: string, steps: Array<WalkStep>, };

export type WalkStep = { id: string, 
/**
 * The step's text as sanitized HTML.
 */
html: string, state: StepState, note?: string, actor?: string, updated_at?: string, applicability: Applicability, 
/**
 * The endpoints a conditional step depends on (`{{if-healthy:…}}`), in order.
 */
conditions: Array<string>, 
/**
 * The one of them that makes the step not applicable or unknown.
 */
deciding?: string, };

export type Walkthrough = { runbook_id: string, file: string, title: string, incident_id: number | null, sections: Array<WalkSection>, counts: WalkCounts, 
/**
 * This walk's step marks and resets, newest first.
 */
timeline: Array<TimelineEvent>, };

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export type Workflow = { id: string, name: string, description: string, criticality: Criticality, customer_facing: boolean, 
/**
 * The owning rotation's id.
 */
owner?: string, 
/**
 * The primary endpoint's id.
 */
primary: string, fallbacks: Array<FallbackStep>, failure_modes: FailureModes, };
