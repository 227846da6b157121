import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OnCallNow } from './ipc-types';

// The shell is not there in unit tests: each fetch answers with the next list queued here.
const answers: (OnCallNow[] | Error)[] = [];
const onCallNow = vi.fn(async () => {
  const next = answers.shift() ?? [];
  if (next instanceof Error) throw next;
  return next;
});
vi.mock('./ipc', () => ({
  api: { onCallNow: () => onCallNow() },
  describe: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

const { OnCallNowState } = await import('./oncall-now.svelte');

const entry = (rotation: string, person: string | null, end: string): OnCallNow => ({
  rotation,
  rotation_name: rotation,
  workflows: [],
  now: { person, contact: null, rotation, source: person ? 'layer' : null, layer: null, start: '2026-12-07T00:00:00Z', end },
  problem: null,
});

describe('on call now', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-07T08:59:30Z'));
    onCallNow.mockClear();
    answers.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('fetches when first followed, again just after the next handoff, and stops when unfollowed', async () => {
    answers.push([entry('support-ai', 'Ana', '2026-12-07T09:00:00Z'), entry('platform-ml', 'Jin', '2026-12-08T10:00:00Z')]);
    answers.push([entry('support-ai', 'Ben', '2026-12-08T09:00:00Z')]);
    const state = new OnCallNowState();
    const stop = state.follow();
    const again = state.follow(); // a second view: no second fetch
    await vi.waitFor(() => expect(state.loaded).toBe(true));
    expect(onCallNow).toHaveBeenCalledTimes(1);
    expect(state.forRotation('support-ai')?.now?.person).toBe('Ana');

    // The handoff at 09:00 is 30 s away: asked again a second after it, not a minute later.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onCallNow).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onCallNow).toHaveBeenCalledTimes(2);
    expect(state.forRotation('support-ai')?.now?.person).toBe('Ben');
    expect(state.forRotation('platform-ml')).toBeUndefined();

    // Nothing changes within the minute now: asked again after a minute.
    await vi.advanceTimersByTimeAsync(59_000);
    expect(onCallNow).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onCallNow).toHaveBeenCalledTimes(3);

    stop();
    again();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(onCallNow).toHaveBeenCalledTimes(3);
  });

  it('keeps the last list and says why when a fetch fails', async () => {
    answers.push([entry('support-ai', 'Ana', '2026-12-08T09:00:00Z')], new Error('the database is read-only'));
    const state = new OnCallNowState();
    await state.refresh();
    await state.refresh();
    expect(state.failure).toBe('the database is read-only');
    expect(state.entries).toHaveLength(1);
    expect(state.forRotation(null)).toBeUndefined();
  });

  it('shares one fetch between views asking at the same moment', async () => {
    const state = new OnCallNowState();
    await Promise.all([state.refresh(), state.refresh(), state.refresh()]);
    expect(onCallNow).toHaveBeenCalledTimes(1);
  });
});
