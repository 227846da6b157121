import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HealthState } from './health-state.svelte';
import { IpcFailure } from './ipc';
import type { EndpointLive, HealthBoard } from './ipc-types';

function live(endpoint: string, health: EndpointLive['health']): EndpointLive {
  return {
    endpoint,
    vendor: 'openai',
    name: endpoint,
    probed: true,
    health,
    reason: health === 'healthy' ? 'ok' : 'throttled',
    changed_at: null,
    last_sample: null,
    latency: [],
  };
}

function board(health: EndpointLive['health']): HealthBoard {
  return {
    simulated: false,
    vendors: [{ vendor: 'openai', name: 'OpenAI', status_page: null, endpoints: [live('gpt', health)] }],
    chains: [],
    spend: { probes_per_day: 1440, tokens_per_day: 0 },
  };
}

/** A shell that answers from `current` and lets the test push `health-changed`. */
function fakeShell() {
  const shell = {
    current: board('healthy'),
    boardCalls: 0,
    push: (_: EndpointLive) => {},
    unlistened: 0,
    board: async () => {
      shell.boardCalls++;
      return shell.current;
    },
    probeNow: async (endpoint: string) => {
      if (endpoint === 'nope') throw new IpcFailure({ code: 'not_found', message: 'No endpoint “nope”.' });
      return live(endpoint, 'degraded');
    },
    onChanged: async (handler: (e: EndpointLive) => void) => {
      shell.push = handler;
      return () => shell.unlistened++;
    },
  };
  return shell;
}

describe('health state', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a pushed change at once, then reloads the board once for a burst', async () => {
    const shell = fakeShell();
    const state = new HealthState(shell);
    await state.load();
    state.follow();
    await vi.runAllTicks();
    await Promise.resolve();
    shell.current = board('down');
    shell.push(live('gpt', 'degraded'));
    shell.push(live('gpt', 'degraded'));
    expect(state.board?.vendors[0].endpoints[0].health).toBe('degraded');
    expect(state.changes).toBe(2);
    expect(shell.boardCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(shell.boardCalls).toBe(2);
    expect(state.board?.vendors[0].endpoints[0].health).toBe('down');
  });

  it('follows once however often asked, and stops', async () => {
    const shell = fakeShell();
    const state = new HealthState(shell);
    const stop = state.follow();
    expect(state.follow()).toBe(stop);
    await Promise.resolve();
    stop();
    expect(shell.unlistened).toBe(1);
  });

  it('probes now, marks the endpoint busy meanwhile, and names a failure', async () => {
    const shell = fakeShell();
    const state = new HealthState(shell);
    await state.load();
    const run = state.probeNow('gpt');
    expect(state.probing).toEqual(['gpt']);
    expect(await run).toBeNull();
    expect(state.probing).toEqual([]);
    expect(state.board?.vendors[0].endpoints[0].health).toBe('degraded');
    expect(await state.probeNow('nope')).toBe('No endpoint “nope”.');
  });

  it('keeps the load failure in words', async () => {
    const state = new HealthState({
      ...fakeShell(),
      board: async () => {
        throw new IpcFailure({ code: 'store', message: 'The database is locked.' });
      },
    });
    await state.load();
    expect(state.board).toBeNull();
    expect(state.loadError).toBe('The database is locked.');
  });
});
