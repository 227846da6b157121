import { describe, expect, it } from 'vitest';
import modelRs from '../../../src-tauri/core/src/probe/model.rs?raw';
import healthRs from '../../../src-tauri/core/src/health.rs?raw';
import {
  anyProbed,
  chainAlarm,
  chainKnown,
  chainSummary,
  chainUse,
  compact,
  duration,
  headroomText,
  healthCounts,
  inZone,
  reasonText,
  retryAfterText,
  spendText,
  withEndpoint,
} from './health';
import { healthLabels, linkRoleLabels, reasonLabels, valuesOf } from './enums';
import type { ChainHealth, ChainLink, EndpointLive, HealthBoard, RateLimit } from './ipc-types';

/** The serde names of a Rust enum's variants (snake_case), read from its source. */
function variants(source: string, name: string): string[] {
  const body = new RegExp(`pub enum ${name} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  if (!body) throw new Error(`enum ${name} not found`);
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[A-Z]\w*,$/.test(l))
    .map((l) => l.slice(0, -1).replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase());
}

describe('label tables', () => {
  it('have words for exactly the reasons the core classifies, each different', () => {
    const core = variants(modelRs, 'Reason');
    expect(core.length).toBeGreaterThan(20);
    expect(valuesOf(reasonLabels).sort()).toEqual([...core].sort());
    const words = Object.values(reasonLabels);
    expect(new Set(words).size).toBe(words.length);
    expect(words.every((w) => w.length > 3)).toBe(true);
  });

  it('have words for every health state of the core', () => {
    expect(valuesOf(healthLabels).sort()).toEqual(variants(healthRs, 'Health').sort());
    expect(valuesOf(linkRoleLabels)).toEqual(['primary', 'fallback', 'strategy']);
  });

  it('say when an endpoint has no probe rather than why it is unknown', () => {
    expect(reasonText('not_probed', false)).toBe('No probe configured');
    expect(reasonText('throttled', true)).toBe('Rate limited (429)');
  });
});

describe('numbers in words', () => {
  it('writes durations short', () => {
    expect(duration(0)).toBe('0s');
    expect(duration(45)).toBe('45s');
    expect(duration(60)).toBe('1m');
    expect(duration(125)).toBe('2m 5s');
    expect(duration(3600)).toBe('1h');
    expect(duration(3780)).toBe('1h 3m');
  });

  it('writes counts compact', () => {
    expect(compact(999)).toBe('999');
    expect(compact(9500)).toBe('9.5k');
    expect(compact(42_000)).toBe('42k');
    expect(compact(3_400_000)).toBe('3.4M');
  });

  it('states the rate-limit headroom the vendor reported, or nothing', () => {
    expect(headroomText(undefined)).toBeNull();
    expect(headroomText({})).toBeNull();
    // Absent values may arrive as null.
    const nulls = { remaining_requests: null, remaining_tokens: null, requests_reset_s: null, tokens_reset_s: null };
    expect(headroomText(nulls as unknown as RateLimit)).toBeNull();
    expect(headroomText({ ...nulls, remaining_tokens: 5 } as unknown as RateLimit)).toBe('5 tokens left');
    expect(headroomText({ remaining_requests: 42, requests_reset_s: 30, remaining_tokens: 9500 })).toBe(
      '42 requests left (resets in 30s) · 9.5k tokens left',
    );
    expect(headroomText({ remaining_requests: 1 })).toBe('1 request left');
    expect(headroomText({ remaining_tokens: 0, tokens_reset_s: 90 })).toBe('0 tokens left (resets in 1m 30s)');
  });

  it('states the Retry-After, including zero', () => {
    expect(retryAfterText(null)).toBeNull();
    expect(retryAfterText(sample({}))).toBeNull();
    expect(retryAfterText(sample({ retry_after_s: 30 }))).toBe('Retry after 30s');
    expect(retryAfterText(sample({ retry_after_s: 0 }))).toBe('Retry after 0s');
  });

  it('shows stored UTC times in the operator zone', () => {
    const at = '2026-03-01T12:00:00Z';
    expect(inZone(at, 'Asia/Tokyo')).toContain('21:00');
    expect(inZone(at, 'UTC')).toContain('12:00');
    expect(inZone(at, 'Not/AZone')).toMatch(/12:00.* UTC$/);
    expect(inZone('garbage', 'UTC')).toBe('garbage');
    expect(inZone(null, 'UTC')).toBe('');
  });

  it('estimates the probes’ daily spend', () => {
    expect(spendText(1440, 23_040)).toBe('≈ 1,440 probes and 23k tokens a day');
    expect(spendText(1, 0)).toBe('≈ 1 probe and 0 tokens a day');
  });
});

function sample(extra: Partial<NonNullable<EndpointLive['last_sample']>>): NonNullable<EndpointLive['last_sample']> {
  return { endpoint: 'e', at: '2026-03-01T12:00:00Z', reason: 'ok', latency_ms: 100, rate_limit: {}, ...extra };
}

const link = (endpoint: string, health: ChainLink['health'], role: ChainLink['role'] = 'fallback'): ChainLink => ({
  endpoint,
  strategy: null,
  role,
  health,
});
const strategy = (name: string): ChainLink => ({ endpoint: null, strategy: name, role: 'strategy', health: 'unknown' });

function chain(links: ChainLink[], in_use: number | null, criticality: ChainHealth['criticality'] = 'critical'): ChainHealth {
  return {
    workflow: 'support-chat',
    name: 'Support chat',
    criticality,
    links,
    in_use,
    has_healthy_endpoint: links.some((l) => l.role !== 'strategy' && l.health === 'healthy'),
  };
}

describe('chain in use', () => {
  it('is the first healthy endpoint, else the first strategy, else none', () => {
    expect(chainUse([link('a', 'degraded', 'primary'), strategy('s'), link('b', 'healthy')])).toEqual({ in_use: 2, has_healthy_endpoint: true });
    expect(chainUse([link('a', 'down', 'primary'), strategy('s'), link('b', 'unknown')])).toEqual({ in_use: 1, has_healthy_endpoint: false });
    expect(chainUse([link('a', 'down', 'primary')])).toEqual({ in_use: null, has_healthy_endpoint: false });
  });
});

describe('chain summary', () => {
  it('names the primary when it is in use', () => {
    expect(chainSummary(chain([link('gpt', 'healthy', 'primary'), link('claude', 'healthy')], 0))).toBe('Uses its primary gpt.');
  });

  it('names the fallback in use and why the primary is not', () => {
    const c = chain([link('gpt', 'degraded', 'primary'), link('gemini', 'down'), link('claude', 'healthy')], 2);
    expect(chainSummary(c)).toBe('Primary gpt is degraded: uses fallback claude.');
    expect(chainAlarm(c)).toBe(false);
  });

  it('falls back to a strategy, and alarms for a critical workflow', () => {
    const c = chain([link('gpt', 'down', 'primary'), strategy('serve cached answers')], 1);
    expect(chainSummary(c)).toBe('No healthy endpoint: falls back to strategy “serve cached answers”.');
    expect(chainAlarm(c)).toBe(true);
    expect(chainAlarm({ ...c, criticality: 'high' })).toBe(false);
  });

  it('says health is not known while no endpoint of the chain has a probe result, and does not alarm', () => {
    const c = chain([link('gpt', 'unknown', 'primary'), link('claude', 'unknown'), strategy('cache')], 2);
    expect(chainKnown(c)).toBe(false);
    expect(chainSummary(c)).toBe('Health not known yet: no endpoint of this chain has a probe result.');
    expect(chainAlarm(c)).toBe(false);
    // One known failure is enough to alarm: nothing healthy is known.
    const known = chain([link('gpt', 'down', 'primary'), link('claude', 'unknown'), strategy('cache')], 2);
    expect(chainAlarm(known)).toBe(true);
  });

  it('says calls fail when nothing is left', () => {
    expect(chainSummary(chain([link('gpt', 'down', 'primary')], null))).toBe('No healthy endpoint and no strategy left: calls fail.');
  });
});

function live(endpoint: string, health: EndpointLive['health'], probed = true): EndpointLive {
  return {
    endpoint,
    vendor: 'openai',
    name: endpoint,
    probed,
    health,
    reason: health === 'healthy' ? 'ok' : health === 'unknown' ? 'not_probed' : 'throttled',
    changed_at: null,
    last_sample: null,
    latency: [],
  };
}

function board(): HealthBoard {
  return {
    simulated: true,
    vendors: [
      { vendor: 'openai', name: 'OpenAI', status_page: null, endpoints: [live('gpt', 'healthy'), live('mini', 'unknown', false)] },
      { vendor: 'anthropic', name: 'Anthropic', status_page: null, endpoints: [live('claude', 'down')] },
    ],
    chains: [chain([link('gpt', 'healthy', 'primary'), link('claude', 'down')], 0)],
    spend: { probes_per_day: 2880, tokens_per_day: 46_080 },
  };
}

describe('board updates', () => {
  it('puts a pushed change in its row and in every chain link naming it', () => {
    const before = board();
    const after = withEndpoint(before, live('gpt', 'degraded'));
    expect(after.vendors[0].endpoints[0].health).toBe('degraded');
    expect(after.vendors[0].endpoints[1]).toBe(before.vendors[0].endpoints[1]);
    expect(after.chains[0].links.map((l) => l.health)).toEqual(['degraded', 'down']);
    // Neither link is healthy any more: the chain has nothing in use.
    expect(after.chains[0]).toMatchObject({ in_use: null, has_healthy_endpoint: false });
    const back = withEndpoint(after, live('claude', 'healthy'));
    expect(back.chains[0]).toMatchObject({ in_use: 1, has_healthy_endpoint: true });
    // The board it came from is unchanged.
    expect(before.vendors[0].endpoints[0].health).toBe('healthy');
  });

  it('counts states and knows when nothing is probed', () => {
    expect(healthCounts(board())).toEqual({ healthy: 1, degraded: 0, down: 1, unknown: 1 });
    expect(anyProbed(board())).toBe(true);
    const none = board();
    none.vendors = [{ ...none.vendors[0], endpoints: [live('mini', 'unknown', false)] }];
    expect(anyProbed(none)).toBe(false);
  });
});
