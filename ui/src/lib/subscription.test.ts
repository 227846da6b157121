import { describe, expect, it } from 'vitest';
import { subscription } from './subscription';

/** A `listen` whose promise the test resolves, counting live listeners. */
function fakeListen() {
  let live = 0;
  let resolve: (un: () => void) => void = () => {};
  const start = () =>
    new Promise<() => void>((r) => {
      resolve = r;
    });
  const ready = async () => {
    live += 1;
    resolve(() => (live -= 1));
    await Promise.resolve();
  };
  return { start, ready, live: () => live };
}

describe('subscription', () => {
  it('ends a listener that arrives after the view already closed', async () => {
    const l = fakeListen();
    const stop = subscription(l.start);
    stop();
    await l.ready();
    expect(l.live()).toBe(0);
  });

  it('keeps the listener until stopped, and stops it once', async () => {
    const l = fakeListen();
    const stop = subscription(l.start);
    await l.ready();
    expect(l.live()).toBe(1);
    stop();
    stop();
    expect(l.live()).toBe(0);
  });

  it('a failed subscription has nothing to stop', async () => {
    const stop = subscription(() => Promise.reject(new Error('no shell')));
    await Promise.resolve();
    expect(() => stop()).not.toThrow();
  });
});
