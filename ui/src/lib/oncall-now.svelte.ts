// Who is on call now for every rotation, fetched from the shell while a view shows it, again
// just after the earliest shift change and at least once a minute.
import { api, describe } from './ipc';
import type { OnCallNow } from './ipc-types';
import { nextRefreshIn } from './oncall';

export class OnCallNowState {
  entries = $state<OnCallNow[]>([]);
  loaded = $state(false);
  failure = $state('');
  /** When the entries were fetched (ms), for "in 3 h" texts. */
  at = $state(Date.now());
  #followers = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: Promise<void> | null = null;

  /** Fetches now (once, however many views ask at the same moment). */
  refresh(): Promise<void> {
    this.#pending ??= this.#fetch().finally(() => (this.#pending = null));
    return this.#pending;
  }

  async #fetch() {
    clearTimeout(this.#timer);
    try {
      this.entries = await api.onCallNow();
      this.failure = '';
    } catch (e) {
      this.failure = describe(e);
    }
    this.loaded = true;
    this.at = Date.now();
    if (this.#followers > 0) {
      const untils = this.entries.map((e) => e.now?.end);
      this.#timer = setTimeout(() => void this.refresh(), nextRefreshIn(untils, this.at));
    }
  }

  /** Keeps the entries fresh while at least one view follows them; returns the unfollow. */
  follow(): () => void {
    if (this.#followers++ === 0) void this.refresh();
    return () => {
      if (--this.#followers === 0) clearTimeout(this.#timer);
    };
  }

  forRotation(id: string | undefined | null): OnCallNow | undefined {
    return id ? this.entries.find((e) => e.rotation === id) : undefined;
  }
}

export const onCallNow = new OnCallNowState();

/**
 * For a component's set-up: follows the entries while it is shown, and fetches again whenever
 * the inventory changes (a saved rotation or override changes who is on call).
 */
export function followOnCallNow(inventory: () => unknown) {
  $effect(() => onCallNow.follow());
  $effect(() => {
    inventory();
    void onCallNow.refresh();
  });
}
