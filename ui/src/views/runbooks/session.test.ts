import { describe, expect, it } from 'vitest';
import { isDirty, opened, step, type Session, type SessionEvent } from './session';

const doc = (content: string, version: string) => ({ file: 'openai.md', content, version });

/** Runs events in order; returns the final session and every effect asked for. */
function run(start: Session, events: SessionEvent[]) {
  let s = start;
  const effects = [];
  for (const e of events) {
    const [next, effect] = step(s, e);
    s = next;
    effects.push(effect);
  }
  return { s, effects };
}

describe('editor session', () => {
  const start = opened(doc('# A\n', 'v1'));

  it('is dirty only while the text differs from what was loaded or saved', () => {
    expect(isDirty(start)).toBe(false);
    const { s } = run(start, [{ type: 'edited', content: '# AB\n' }]);
    expect(isDirty(s)).toBe(true);
    expect(isDirty(step(s, { type: 'edited', content: '# A\n' })[0])).toBe(false);
  });

  it('saves move the base version on and keep text typed during the save unsaved', () => {
    const { s } = run(start, [
      { type: 'edited', content: '# AB\n' },
      { type: 'edited', content: '# ABC\n' },
      { type: 'saved', doc: doc('# AB\n', 'v2') },
    ]);
    expect(s.version).toBe('v2');
    expect(isDirty(s)).toBe(true);
  });

  it('ignores its own save coming back from the watcher', () => {
    const { s, effects } = run(start, [
      { type: 'edited', content: '# AB\n' },
      { type: 'saved', doc: doc('# AB\n', 'v2') },
      { type: 'edited', content: '# ABC\n' },
      { type: 'disk-changed', doc: doc('# AB\n', 'v2') },
    ]);
    expect(effects.at(-1)).toBeNull();
    expect(s.prompt).toBe('none');
  });

  it('treats the disk holding exactly the editor text as saved at that version', () => {
    const { s, effects } = run(start, [
      { type: 'edited', content: 'mine' },
      { type: 'disk-changed', doc: doc('mine', 'v2') },
    ]);
    expect(effects.at(-1)).toBeNull();
    expect(s).toMatchObject({ version: 'v2', prompt: 'none' });
    expect(isDirty(s)).toBe(false);
  });

  it('reloads a clean editor silently when the file changes on disk', () => {
    const { s, effects } = run(start, [{ type: 'disk-changed', doc: doc('theirs', 'v9') }]);
    expect(effects).toEqual(['load']);
    expect(s.prompt).toBe('none');
  });

  it('asks before touching unsaved edits when the file changes on disk', () => {
    const { s, effects } = run(start, [
      { type: 'edited', content: 'mine' },
      { type: 'disk-changed', doc: doc('theirs', 'v9') },
    ]);
    expect(effects).toEqual([null, null]);
    expect(s.prompt).toBe('disk-changed');
    expect(s.content).toBe('mine');
  });

  it('after "keep mine" the next save still names the old base, so it meets the conflict dialog', () => {
    const { s } = run(start, [
      { type: 'edited', content: 'mine' },
      { type: 'disk-changed', doc: doc('theirs', 'v9') },
      { type: 'choose', choice: 'keep-mine' },
    ]);
    expect(s.prompt).toBe('none');
    expect(s.version).toBe('v1');
    expect(step(s, { type: 'save-conflict' })[0].prompt).toBe('conflict');
  });

  it('a conflict offers overwrite (then a save over the disk version) without losing the text', () => {
    const { s, effects } = run(start, [
      { type: 'edited', content: 'mine' },
      { type: 'save-conflict' },
      { type: 'choose', choice: 'overwrite' },
    ]);
    expect(effects.at(-1)).toBe('overwrite');
    expect(s.content).toBe('mine');
    expect(s.prompt).toBe('none');
    const after = step(s, { type: 'saved', doc: doc('mine', 'v3') })[0];
    expect(isDirty(after)).toBe(false);
    expect(after.version).toBe('v3');
  });

  it('a conflict can discard mine and load the disk version', () => {
    const { s, effects } = run(start, [
      { type: 'edited', content: 'mine' },
      { type: 'save-conflict' },
      { type: 'choose', choice: 'reload' },
      { type: 'loaded', doc: doc('theirs', 'v9') },
    ]);
    expect(effects).toEqual([null, null, 'load', null]);
    expect(s).toEqual({ file: 'openai.md', content: 'theirs', saved: 'theirs', version: 'v9', prompt: 'none' });
  });

  it('cancelling a conflict keeps editing with the text and base unchanged', () => {
    const { s, effects } = run(start, [
      { type: 'edited', content: 'mine' },
      { type: 'save-conflict' },
      { type: 'choose', choice: 'keep-mine' },
    ]);
    expect(effects.at(-1)).toBeNull();
    expect(s).toMatchObject({ content: 'mine', version: 'v1', prompt: 'none' });
  });

  it('a change on disk while the conflict dialog is open keeps the dialog', () => {
    const { s } = run(start, [
      { type: 'edited', content: 'mine' },
      { type: 'save-conflict' },
      { type: 'disk-changed', doc: doc('theirs', 'v10') },
    ]);
    expect(s.prompt).toBe('conflict');
  });
});
