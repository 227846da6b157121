// Live health in words: the sentences the health board, dashboard and workflows show.
import { healthLabels, reasonLabels } from './enums';
import type { ChainHealth, ChainLink, EndpointLive, Health, HealthBoard, RateLimit, Reason, Sample } from './ipc-types';

/** The sentence under a state badge; an endpoint without a probe block says so. */
export function reasonText(reason: Reason, probed: boolean): string {
  if (!probed) return 'No probe configured';
  return reasonLabels[reason];
}

/** `2m 5s`, `45s`, `1h 3m`: short durations for Retry-After and resets. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s / 60}m`;
  const m = Math.floor((s % 3600) / 60);
  return m ? `${Math.floor(s / 3600)}h ${m}m` : `${s / 3600}h`;
}

/** `1.2k`, `3.4M`: counts that fit a table cell. */
export function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${+(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${+(n / 1_000_000).toFixed(n < 10_000_000 ? 1 : 0)}M`;
}

/**
 * The rate-limit headroom the vendor last reported, e.g. `42 requests left (resets in 30s) ·
 * 9.5k tokens left`; null when it reported none.
 */
export function headroomText(rl: RateLimit | undefined): string | null {
  if (!rl) return null;
  const parts: string[] = [];
  // The shell sends absent values as null or leaves them out: `!= null` covers both.
  if (rl.remaining_requests != null) {
    const reset = rl.requests_reset_s != null ? ` (resets in ${duration(rl.requests_reset_s)})` : '';
    parts.push(`${compact(rl.remaining_requests)} ${rl.remaining_requests === 1 ? 'request' : 'requests'} left${reset}`);
  }
  if (rl.remaining_tokens != null) {
    const reset = rl.tokens_reset_s != null ? ` (resets in ${duration(rl.tokens_reset_s)})` : '';
    parts.push(`${compact(rl.remaining_tokens)} ${rl.remaining_tokens === 1 ? 'token' : 'tokens'} left${reset}`);
  }
  return parts.length ? parts.join(' · ') : null;
}

/** `Retry after 30s`; null when the last reply named no Retry-After. */
export function retryAfterText(sample: Sample | null | undefined): string | null {
  const s = sample?.retry_after_s;
  return s === undefined || s === null ? null : `Retry after ${duration(s)}`;
}

/** A stored UTC time in the operator's zone; the raw text when it cannot be read. */
export function inZone(at: string | null | undefined, zone: string): string {
  if (!at) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  // 24-hour times: an incident timeline reads without am/pm.
  const style = { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' } as const;
  try {
    return d.toLocaleString(undefined, { ...style, timeZone: zone });
  } catch {
    // A zone the runtime does not know: UTC is what is stored, so show that.
    return `${d.toLocaleString(undefined, { ...style, timeZone: 'UTC' })} UTC`;
  }
}

/** What a chain link is called: its endpoint id or its strategy. */
export function linkName(link: ChainLink): string {
  return link.endpoint ?? link.strategy ?? '';
}

/**
 * Whether any endpoint of the chain has a probe result. Until one has, "no healthy endpoint"
 * means "not known yet", not an outage.
 */
export function chainKnown(chain: ChainHealth): boolean {
  return chain.links.some((l) => l.role !== 'strategy' && l.health !== 'unknown');
}

/**
 * One sentence on where a workflow's calls go now: the link in use and why, or that nothing
 * healthy is left.
 */
export function chainSummary(chain: ChainHealth): string {
  if (!chainKnown(chain)) return 'Health not known yet: no endpoint of this chain has a probe result.';
  const used = chain.in_use === null ? null : chain.links[chain.in_use];
  if (!used) return 'No healthy endpoint and no strategy left: calls fail.';
  const name = linkName(used);
  if (used.role === 'strategy') {
    return chain.has_healthy_endpoint
      ? `Uses strategy “${name}”.`
      : `No healthy endpoint: falls back to strategy “${name}”.`;
  }
  if (chain.in_use === 0) return `Uses its primary ${name}.`;
  const primary = chain.links[0];
  return `Primary ${linkName(primary)} is ${healthLabels[primary.health].toLowerCase()}: uses fallback ${name}.`;
}

/**
 * A critical workflow with no healthy endpoint anywhere in its chain while some endpoint of it
 * is known not to be healthy: the alert case.
 */
export function chainAlarm(chain: ChainHealth): boolean {
  return chain.criticality === 'critical' && !chain.has_healthy_endpoint && chainKnown(chain);
}

/** `≈ 1,440 probes and 23k tokens a day`. */
export function spendText(probesPerDay: number, tokensPerDay: number): string {
  return `≈ ${probesPerDay.toLocaleString('en')} ${probesPerDay === 1 ? 'probe' : 'probes'} and ${compact(tokensPerDay)} ${tokensPerDay === 1 ? 'token' : 'tokens'} a day`;
}

/**
 * The board with one endpoint's new live state in place: its row, the health of every chain
 * link naming it, and so the link those chains use. The caller reloads the board to confirm.
 */
export function withEndpoint(board: HealthBoard, live: EndpointLive): HealthBoard {
  const swap = (e: EndpointLive) => (e.endpoint === live.endpoint ? live : e);
  return {
    ...board,
    vendors: board.vendors.map((v) => ({
      ...v,
      status_page: v.status_page ? swap(v.status_page) : null,
      endpoints: v.endpoints.map(swap),
    })),
    chains: board.chains.map((c) => {
      if (!c.links.some((l) => l.endpoint === live.endpoint)) return c;
      const links = c.links.map((l) => (l.endpoint === live.endpoint ? { ...l, health: live.health } : l));
      return { ...c, links, ...chainUse(links) };
    }),
  };
}

/**
 * The link a chain uses, by the shell's rule: the first healthy endpoint, else the first
 * strategy, else none. Lets a pushed change move the chain at once; the reloaded board confirms.
 */
export function chainUse(links: ChainLink[]): Pick<ChainHealth, 'in_use' | 'has_healthy_endpoint'> {
  const healthy = links.findIndex((l) => l.role !== 'strategy' && l.health === 'healthy');
  const strategy = links.findIndex((l) => l.role === 'strategy');
  const in_use = healthy >= 0 ? healthy : strategy >= 0 ? strategy : null;
  return { in_use, has_healthy_endpoint: healthy >= 0 };
}

/** How many endpoints are in each state, for the board's summary line. */
export function healthCounts(board: HealthBoard): Record<Health, number> {
  const counts: Record<Health, number> = { healthy: 0, degraded: 0, down: 0, unknown: 0 };
  for (const v of board.vendors) for (const e of v.endpoints) counts[e.health]++;
  return counts;
}

/** Whether any endpoint has a probe block: the board's empty state otherwise. */
export function anyProbed(board: HealthBoard): boolean {
  return board.vendors.some((v) => v.endpoints.some((e) => e.probed) || v.status_page !== null);
}

/** A symbol for each state beside its colour, so the state reads without colour vision. */
export const healthMarks: Record<Health, string> = { healthy: '●', degraded: '▲', down: '■', unknown: '○' };
