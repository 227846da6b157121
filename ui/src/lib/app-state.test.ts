import { beforeEach, describe, expect, it } from 'vitest';
import { createAppState, type AppState } from './app-state.svelte';

describe('leaving a view with unsaved changes', () => {
  let app: AppState;
  beforeEach(() => {
    app = createAppState();
  });

  it('switches views at once when nothing is unsaved', () => {
    app.open('audit');
    expect(app.view).toBe('audit');
    expect(app.pending).toBeNull();
  });

  it('holds the switch until the user decides, then goes where they asked', () => {
    app.open('workflows');
    let dirty = true;
    const release = app.guardUnsaved(() => dirty);
    app.open('rotations', 'support-ai');
    expect(app.view).toBe('workflows');
    expect(app.pending).toEqual({ view: 'rotations', focusId: 'support-ai' });

    app.stay();
    expect(app.pending).toBeNull();
    expect(app.view).toBe('workflows');

    app.open('rotations', 'support-ai');
    app.leaveUnsaved();
    expect(app.view).toBe('rotations');
    expect(app.focusId).toBe('support-ai');
    expect(app.pending).toBeNull();
    release();
    dirty = false;
  });

  it('lets a clean form go without asking, and a released guard no longer asks', () => {
    app.open('workflows');
    let dirty = false;
    const release = app.guardUnsaved(() => dirty);
    app.open('vendors');
    expect(app.view).toBe('vendors');
    dirty = true;
    release();
    app.open('settings');
    expect(app.view).toBe('settings');
  });

  it('a form closing late does not remove the guard of the form that replaced it', () => {
    app.open('audit');
    const releaseOld = app.guardUnsaved(() => false);
    const releaseNew = app.guardUnsaved(() => true);
    releaseOld();
    app.open('dashboard');
    expect(app.pending).toEqual({ view: 'dashboard', focusId: null });
    app.stay();
    releaseNew();
  });

  it('each state starts on the dashboard with nothing pending, whatever another did', () => {
    const other = createAppState();
    other.open('vendors');
    other.guardUnsaved(() => true);
    other.open('audit');
    expect(app.view).toBe('dashboard');
    expect(app.pending).toBeNull();
    app.open('audit');
    expect(app.view).toBe('audit');
  });
});
