// Arrow-key movement between the rows of an inventory table. Each row's name is a button that
// opens the item, so Tab reaches it, Enter opens it and Up/Down/Home/End move between rows.

/** The row to move to for a key, or null when the key is not a row movement. */
export function nextRow(current: number, count: number, key: string): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Svelte action for a `<table>` whose rows each hold one `[data-open]` button. */
export function rowKeys(table: HTMLElement) {
  function onkeydown(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (!target.matches('[data-open]')) return;
    const openers = [...table.querySelectorAll<HTMLElement>('[data-open]')];
    const to = nextRow(openers.indexOf(target), openers.length, e.key);
    if (to === null) return;
    e.preventDefault();
    openers[to].focus();
  }
  table.addEventListener('keydown', onkeydown);
  return { destroy: () => table.removeEventListener('keydown', onkeydown) };
}

/** After a form closes, the keyboard returns to the row it was opened from. */
export function focusRowOpener(id: string | null) {
  if (!id) return;
  // The list renders again once the form is gone; wait for that frame.
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] [data-open]`)?.focus(),
  );
}
