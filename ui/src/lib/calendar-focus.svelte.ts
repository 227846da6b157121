// Which rotation's calendar the Rotations view shows when another view (the dashboard's on-call
// list, an on-call gap in the audit) sends the operator there.
import { app } from './app-state.svelte';

export const calendarFocus = $state<{ id: string | null }>({ id: null });

export function openCalendar(rotationId: string) {
  calendarFocus.id = rotationId;
  app.open('rotations');
}
