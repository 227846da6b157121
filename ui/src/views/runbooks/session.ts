// The open runbook's save / reload / conflict flow as a pure state machine, so that every path
// that could drop the operator's edits or overwrite the file on disk is unit-tested.
import type { Document } from '../../lib/ipc-types';

/** What the view is asking the operator right now. */
export type Prompt = 'none' | 'conflict' | 'disk-changed';

export interface Session {
  file: string;
  /** Version of the text last loaded or saved: the base of the next save. */
  version: string;
  /** Text last loaded or saved. */
  saved: string;
  /** Text in the editor. */
  content: string;
  prompt: Prompt;
}

export type Choice = 'overwrite' | 'reload' | 'keep-mine';

export type SessionEvent =
  | { type: 'edited'; content: string }
  | { type: 'loaded'; doc: Document }
  | { type: 'saved'; doc: Document }
  | { type: 'save-conflict' }
  /** The watcher reported the file; `doc` is what is on disk now. */
  | { type: 'disk-changed'; doc: Document }
  | { type: 'choose'; choice: Choice };

/**
 * What the view must do next: `load` the disk version into the editor (replacing the text), or
 * `overwrite` (save the editor's text with the disk's current version as the base).
 */
export type Effect = 'load' | 'overwrite' | null;

export function opened(doc: Document): Session {
  return { file: doc.file, version: doc.version, saved: doc.content, content: doc.content, prompt: 'none' };
}

export function isDirty(s: Session): boolean {
  return s.content !== s.saved;
}

export function step(s: Session, e: SessionEvent): [Session, Effect] {
  switch (e.type) {
    case 'edited':
      return [{ ...s, content: e.content }, null];
    case 'loaded':
      return [opened(e.doc), null];
    case 'saved':
      // Text typed while the save was on its way stays unsaved: compare with what was written.
      return [{ ...s, version: e.doc.version, saved: e.doc.content, prompt: 'none' }, null];
    case 'save-conflict':
      return [{ ...s, prompt: 'conflict' }, null];
    case 'disk-changed':
      // Our own save echoing back through the watcher is not a change.
      if (e.doc.version === s.version) return [s, null];
      // The disk already holds the editor's text (e.g. the watcher beat the save's answer).
      if (e.doc.content === s.content) return [{ ...s, version: e.doc.version, saved: e.doc.content }, null];
      if (!isDirty(s)) return [s, 'load'];
      // An open conflict dialog already offers every choice.
      return [{ ...s, prompt: s.prompt === 'conflict' ? 'conflict' : 'disk-changed' }, null];
    case 'choose':
      if (e.choice === 'overwrite') return [{ ...s, prompt: 'none' }, 'overwrite'];
      if (e.choice === 'reload') return [{ ...s, prompt: 'none' }, 'load'];
      // Keep mine: the next save still names the old version, so it meets the conflict dialog.
      return [{ ...s, prompt: 'none' }, null];
  }
}
