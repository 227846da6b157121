// Runbook commands. Rendered HTML in these results is sanitized in Rust (see the core's
// runbook::render); the UI shows it as is.
import type { UnlistenFn } from '@tauri-apps/api/event';
import { commands, events } from './commands.gen';
import type { RunbookQuery, StepMark } from '../ipc-types';

export const runbooks = {
  list: (query: RunbookQuery) => commands.runbookList(query),
  open: (file: string) => commands.runbookOpen(file),
  preview: (file: string, content: string) => commands.runbookPreview(file, content),
  save: (file: string, content: string, baseVersion: string | null) =>
    commands.runbookSave(file, content, baseVersion),
  create: (title: string, vendor: string) => commands.runbookCreate(title, vendor),
  walk: (runbookId: string) => commands.walkthroughGet(runbookId, null),
  mark: (mark: StepMark) => commands.walkthroughMark(mark),
  /** Starts the walk over: every step back to pending, on the timeline. */
  reset: (runbookId: string) => commands.walkthroughReset(runbookId, null),
  /** Calls `handler` with the changed files whenever the runbook index changes from disk. */
  onChanged: (handler: (files: string[]) => void): Promise<UnlistenFn> =>
    events.runbooksChanged((payload) => handler(payload.files)),
};
