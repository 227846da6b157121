// Deleting an inventory item the same way from every list: announce, refresh, or hand back
// the refusal (still in use, say) for the view to show until dismissed.
import { app } from './app-state.svelte';
import { describe } from './ipc';

export interface Failure {
  title: string;
  message: string;
}

/** Runs `remove` for the item described as `what` (e.g. "rotation Support AI"). */
export async function deleteItem(what: string, remove: () => Promise<void>): Promise<Failure | null> {
  try {
    await remove();
    app.announce(`Deleted ${what}`);
    await app.refresh();
    return null;
  } catch (e) {
    return { title: `Could not delete ${what}`, message: describe(e) };
  }
}
