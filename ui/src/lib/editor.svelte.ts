// The one editing and deleting scaffold every inventory list uses: which item is open in its
// form (a copy, so the list keeps the stored version until a save succeeds), a new item's id
// following its name, saving, the keyboard returning to the row, and a delete asked first whose
// refusal stays on screen. What differs between kinds is an `ItemKind`.
import { app } from './app-state.svelte';
import { deleteItem, type Failure } from './delete-item';
import { clone, followName, isDirty } from './forms';
import { focusRowOpener } from './list-keys';

export interface Item {
  id: string;
  name: string;
}

/** What differs between the kinds of inventory item. */
export interface ItemKind<T extends Item> {
  /** The word in titles, messages and test ids: `vendor`. */
  kind: string;
  /** A new item's starting values. */
  blank(): T;
  /** How messages name the item (`Saved vendor OpenAI`). */
  label(item: T): string;
  /** The draft as the shell expects it (blank optional text dropped, numbers as numbers). */
  prepare(draft: T): T;
  save(originalId: string | null, item: T): Promise<T>;
  remove(id: string): Promise<void>;
  /** What a delete removes, for its confirmation. */
  deleteMessage: string;
  /** A new item's id follows its name until the id is edited by hand. */
  idFollowsName: boolean;
}

export interface Editing<T> {
  originalId: string | null;
  initial: T;
  draft: T;
}

export class ItemEditor<T extends Item> {
  editing = $state<Editing<T> | null>(null);
  deleting = $state<T | null>(null);
  failure = $state<Failure | null>(null);
  /** The name as it was before the last keystroke, for `followName`. */
  #previousName = '';
  /** The id the last save stored, so the keyboard returns to that row (new items included). */
  #savedId: string | null = null;

  constructor(readonly of: ItemKind<T>) {}

  /** Opens the form on a copy of `item`, or on a new item. */
  open = (item: T | null) => {
    this.failure = null;
    const initial = clone(item ?? this.of.blank());
    this.#previousName = initial.name;
    this.editing = { originalId: item?.id ?? null, initial, draft: clone(initial) };
  };

  /** Opens the item another view asked for (`app.focusId`), once. */
  openFocused(items: T[]) {
    const id = app.focusId;
    if (!id) return;
    const item = items.find((x) => x.id === id);
    if (item) this.open(item);
    app.focusId = null;
  }

  get title(): string {
    const ed = this.editing;
    return ed?.originalId ? `Edit ${this.of.label(ed.initial)}` : `New ${this.of.kind}`;
  }

  get dirty(): boolean {
    return this.editing !== null && isDirty(this.editing.initial, this.editing.draft);
  }

  /** Call on every keystroke in the name field. */
  nameTyped = () => {
    const ed = this.editing;
    if (!ed) return;
    if (ed.originalId === null && this.of.idFollowsName) ed.draft.id = followName(ed.draft.id, this.#previousName, ed.draft.name);
    this.#previousName = ed.draft.name;
  };

  /** Saves the draft; a failure is thrown for the form to show beside its fields. */
  save = async () => {
    const ed = this.editing;
    if (!ed) return;
    const saved = await this.of.save(ed.originalId, this.of.prepare(clone(ed.draft)));
    app.announce(`Saved ${this.of.kind} ${this.of.label(saved)}`);
    this.#savedId = saved.id;
    await app.refresh();
  };

  close = () => {
    const id = this.#savedId ?? this.editing?.originalId ?? null;
    this.#savedId = null;
    this.editing = null;
    focusRowOpener(id);
  };

  askDelete = (item: T) => {
    this.deleting = item;
  };

  cancelDelete = () => {
    this.deleting = null;
  };

  confirmDelete = async () => {
    const item = this.deleting;
    this.deleting = null;
    if (!item) return;
    this.failure = await deleteItem(`${this.of.kind} ${this.of.label(item)}`, () => this.of.remove(item.id));
  };
}
