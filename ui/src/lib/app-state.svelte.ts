// Shared, reactive app state: the inventory, audit and settings every view reads, reloaded
// after each change so all views agree.
import { api, describe } from './ipc';
import { runbooks } from './ipc/runbooks';
import { subscription } from './subscription';
import type { AppInfo, AuditReport, Inventory, Settings } from './ipc-types';

export type View =
  | 'dashboard'
  | 'workflows'
  | 'vendors'
  | 'rotations'
  | 'runbooks'
  | 'incidents'
  | 'audit'
  | 'drill'
  | 'settings';

export class AppState {
  view = $state<View>('dashboard');
  inventory = $state<Inventory>({ vendors: [], endpoints: [], workflows: [], rotations: [] });
  audit = $state<AuditReport>({ findings: [], fails: false });
  settings = $state<Settings | null>(null);
  info = $state<AppInfo | null>(null);
  ready = $state<'loading' | 'true' | 'error'>('loading');
  loadError = $state('');
  status = $state('');
  /** Set by a view to ask another to open an item, e.g. the audit opening a workflow. */
  focusId = $state<string | null>(null);

  async load() {
    this.followRunbookIndex();
    try {
      const [inventory, audit, settings, info] = await Promise.all([
        api.inventory(),
        api.audit(),
        api.settings(),
        api.appInfo(),
      ]);
      this.inventory = inventory;
      this.audit = audit;
      this.settings = settings;
      this.info = info;
      this.ready = 'true';
    } catch (e) {
      this.loadError = describe(e);
      this.ready = 'error';
    }
  }

  /** Refreshes what a change can affect; keeps the current view. */
  async refresh() {
    // A failed reload must not look like a failed save: the change is already stored.
    try {
      const [inventory, audit] = await Promise.all([api.inventory(), api.audit()]);
      this.inventory = inventory;
      this.audit = audit;
    } catch (e) {
      this.announce(`Saved, but the lists could not be reloaded: ${describe(e)}`);
    }
  }

  #stopFollowing: (() => void) | null = null;

  /**
   * Reloads the audit whenever the runbook index changes on disk (a `git pull`, another
   * editor): its runbook coverage comes from the index. Once per app; returns the stop.
   */
  followRunbookIndex(): () => void {
    this.#stopFollowing ??= subscription(() => runbooks.onChanged(() => this.refreshAudit()));
    return this.#stopFollowing;
  }

  /** Reloads only the audit (the dashboard and the audit view read it). */
  async refreshAudit() {
    try {
      this.audit = await api.audit();
    } catch (e) {
      this.announce(`The audit could not be reloaded: ${describe(e)}`);
    }
  }

  #statusTimer: ReturnType<typeof setTimeout> | undefined;

  /** Shows a short confirmation; it fades after a few seconds so it never hides content for long. */
  announce(message: string) {
    this.status = message;
    clearTimeout(this.#statusTimer);
    this.#statusTimer = setTimeout(() => (this.status = ''), 4000);
  }

  /** A view leaving which would drop unsaved changes; the open form sets it. */
  #unsaved: (() => boolean) | null = null;
  /** Where the user asked to go while a form had unsaved changes; App asks before going. */
  pending = $state<{ view: View; focusId: string | null } | null>(null);

  /** Registers the open form's dirty check; returns the function that removes it. */
  guardUnsaved(isDirty: () => boolean): () => void {
    this.#unsaved = isDirty;
    return () => {
      if (this.#unsaved === isDirty) this.#unsaved = null;
    };
  }

  open(view: View, focusId: string | null = null) {
    if (view === this.view && focusId === null) return;
    if (this.#unsaved?.()) {
      this.pending = { view, focusId };
      return;
    }
    this.view = view;
    this.focusId = focusId;
  }

  /** The user chose to drop the unsaved changes and go where they asked. */
  leaveUnsaved() {
    const to = this.pending;
    this.pending = null;
    this.#unsaved = null;
    if (to) this.open(to.view, to.focusId);
  }

  stay() {
    this.pending = null;
  }
}

/** A fresh state, for tests: each gets its own, so no test depends on another's leftovers. */
export function createAppState(): AppState {
  return new AppState();
}

/** The app's one state, shared by every view. */
export const app = createAppState();
