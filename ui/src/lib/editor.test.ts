import { beforeEach, describe, expect, it, vi } from 'vitest';

// The shell is not there in unit tests: the lists reload from these.
vi.mock('./ipc', () => ({
  api: {
    inventory: async () => ({ vendors: [], endpoints: [], workflows: [], rotations: [] }),
    audit: async () => ({ findings: [], fails: false }),
  },
  describe: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));
// Focus moves need a DOM; here only the state matters.
vi.mock('./list-keys', () => ({ focusRowOpener: () => {} }));

const { ItemEditor } = await import('./editor.svelte');
const { app } = await import('./app-state.svelte');
import type { ItemKind } from './editor.svelte';

interface Thing {
  id: string;
  name: string;
  note?: string;
}

function kind(over: Partial<ItemKind<Thing>> = {}): ItemKind<Thing> {
  return {
    kind: 'thing',
    blank: () => ({ id: '', name: '', note: '' }),
    label: (t) => t.name,
    prepare: (t) => (t.note ? t : { id: t.id, name: t.name }),
    save: async (_, t) => t,
    remove: async () => {},
    deleteMessage: 'gone',
    idFollowsName: true,
    ...over,
  };
}

function type(editor: InstanceType<typeof ItemEditor<Thing>>, name: string) {
  editor.editing!.draft.name = name;
  editor.nameTyped();
}

describe('the item editor', () => {
  beforeEach(() => app.announce(''));

  it('lets a new item id follow its name until the id is edited by hand', () => {
    const ed = new ItemEditor(kind());
    ed.open(null);
    expect(ed.title).toBe('New thing');
    type(ed, 'Support AI');
    expect(ed.editing!.draft.id).toBe('support-ai');
    ed.editing!.draft.id = 'sup';
    type(ed, 'Support AI EU');
    expect(ed.editing!.draft.id).toBe('sup');
  });

  it('never renames a stored item by itself, and edits a copy', () => {
    const stored = { id: 'night', name: 'Night' };
    const ed = new ItemEditor(kind());
    ed.open(stored);
    expect(ed.title).toBe('Edit Night');
    type(ed, 'Night shift');
    expect(ed.editing!.draft.id).toBe('night');
    expect(stored.name).toBe('Night');
    expect(ed.dirty).toBe(true);
  });

  it('does not follow the name for kinds whose id stands alone', () => {
    const ed = new ItemEditor(kind({ idFollowsName: false }));
    ed.open(null);
    type(ed, 'GPT 4o');
    expect(ed.editing!.draft.id).toBe('');
  });

  it('saves the prepared draft under its original id and announces it', async () => {
    const save = vi.fn(async (_: string | null, t: Thing) => t);
    const ed = new ItemEditor(kind({ save }));
    ed.open({ id: 'a', name: 'A', note: 'x' });
    ed.editing!.draft.id = 'b';
    ed.editing!.draft.note = '';
    await ed.save();
    expect(save).toHaveBeenCalledWith('a', { id: 'b', name: 'A' });
    expect(app.status).toBe('Saved thing A');
    ed.close();
    expect(ed.editing).toBeNull();
  });

  it('asks before deleting, and keeps a refusal on screen', async () => {
    const ed = new ItemEditor(kind({ remove: async () => Promise.reject(new Error('still used by workflow x')) }));
    const t = { id: 'a', name: 'A' };
    ed.askDelete(t);
    expect(ed.deleting).toEqual(t);
    ed.cancelDelete();
    expect(ed.deleting).toBeNull();
    ed.askDelete(t);
    await ed.confirmDelete();
    expect(ed.deleting).toBeNull();
    expect(ed.failure).toEqual({ title: 'Could not delete thing A', message: 'still used by workflow x' });
    ed.open(null);
    expect(ed.failure).toBeNull();
  });
});
