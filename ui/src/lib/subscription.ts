// Event subscriptions whose "stop" arrives later than the wish to stop: Tauri's `listen`
// resolves asynchronously, and a view can close before it does.

/**
 * Starts `start` at once and returns a `stop` that works at any time: called before the
 * subscription is ready, it ends the subscription as soon as it is, so nothing leaks.
 */
export function subscription(start: () => Promise<() => void>): () => void {
  let stopped = false;
  let unlisten: (() => void) | null = null;
  start().then(
    (un) => {
      if (stopped) un();
      else unlisten = un;
    },
    // Could not subscribe (no shell, e.g. in tests): there is nothing to stop.
    () => {},
  );
  return () => {
    stopped = true;
    unlisten?.();
    unlisten = null;
  };
}
