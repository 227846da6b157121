// The live health board every view reads (health board, dashboard, workflows), kept current
// by the shell's `health-changed` event.
import { describe } from './ipc';
import { health as ipc } from './ipc/health';
import { withEndpoint } from './health';
import { subscription } from './subscription';
import type { ChainHealth, EndpointLive, HealthBoard } from './ipc-types';

type HealthIpc = Pick<typeof ipc, 'board' | 'probeNow' | 'onChanged'>;

export class HealthState {
  board = $state<HealthBoard | null>(null);
  loadError = $state('');
  /** Endpoints with a "probe now" under way, so their button can say so. */
  probing = $state<string[]>([]);
  /** Bumped on every pushed change, so views that depend on health (a walk-through) reload. */
  changes = $state(0);
  #ipc: HealthIpc;

  constructor(client: HealthIpc = ipc) {
    this.#ipc = client;
  }

  async load() {
    try {
      this.board = await this.#ipc.board();
      this.loadError = '';
    } catch (e) {
      this.loadError = describe(e);
    }
  }

  #reload: ReturnType<typeof setTimeout> | undefined;

  /** A pushed change: shown at once, then the board is reloaded for the chains it moves. */
  changed(live: EndpointLive) {
    if (this.board) this.board = withEndpoint(this.board, live);
    this.changes++;
    // Several endpoints change in one sweep: one reload for all of them.
    clearTimeout(this.#reload);
    this.#reload = setTimeout(() => this.load(), 250);
  }

  #stop: (() => void) | null = null;

  /** Follows `health-changed` once per app; returns the stop. */
  follow(): () => void {
    this.#stop ??= subscription(() => this.#ipc.onChanged((live) => this.changed(live)));
    return this.#stop;
  }

  /** Probes `endpoint` now; returns the failure sentence, or null when it ran. */
  async probeNow(endpoint: string): Promise<string | null> {
    if (this.probing.includes(endpoint)) return null;
    this.probing = [...this.probing, endpoint];
    try {
      const live = await this.#ipc.probeNow(endpoint);
      // The event also arrives when the state changed; a probe that kept the state still
      // brings a new sample, latency and headroom.
      this.changed(live);
      return null;
    } catch (e) {
      return describe(e);
    } finally {
      this.probing = this.probing.filter((p) => p !== endpoint);
    }
  }

  chain(workflow: string): ChainHealth | undefined {
    return this.board?.chains.find((c) => c.workflow === workflow);
  }
}

/** The app's one health state. */
export const healthState = new HealthState();
