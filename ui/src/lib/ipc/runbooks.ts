// Runbook commands. Rendered HTML in these results is sanitized in Rust (see the core's
// runbook::render); the UI shows it as is.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { call } from './index';
import type {
  Document,
  RunbookPreview,
  RunbookQuery,
  RunbookSummary,
  RunbookView,
  StepMark,
  Walkthrough,
} from '../ipc-types';

export const runbooks = {
  list: (query: RunbookQuery) => call<RunbookSummary[]>('runbook_list', { query }),
  open: (file: string) => call<RunbookView>('runbook_open', { file }),
  preview: (file: string, content: string) => call<RunbookPreview>('runbook_preview', { file, content }),
  save: (file: string, content: string, baseVersion: string | null) =>
    call<Document>('runbook_save', { file, content, baseVersion }),
  create: (title: string, vendor: string) => call<Document>('runbook_create', { title, vendor }),
  walk: (runbookId: string) => call<Walkthrough>('walkthrough_get', { runbookId, incidentId: null }),
  mark: (mark: StepMark) => call<Walkthrough>('walkthrough_mark', { mark }),
  /** Starts the walk over: every step back to pending, on the timeline. */
  reset: (runbookId: string) => call<Walkthrough>('walkthrough_reset', { runbookId, incidentId: null }),
  /** Calls `handler` with the changed files whenever the runbook index changes from disk. */
  onChanged: (handler: (files: string[]) => void): Promise<UnlistenFn> =>
    listen<{ files: string[] }>('runbooks-changed', (e) => handler(e.payload.files)),
};
