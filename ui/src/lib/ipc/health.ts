// Live-health commands and the event that pushes each state change.
import type { UnlistenFn } from '@tauri-apps/api/event';
import { commands, events } from './commands.gen';
import type { EndpointLive } from '../ipc-types';

export const health = {
  board: () => commands.healthBoard(),
  /** Probes one endpoint at once; the shell records the sample and pushes the change. */
  probeNow: (endpoint: string) => commands.probeNow(endpoint),
  /** Weekday × hour cells in the operator's zone, from the hourly rollups. */
  heatmap: (vendor: string) => commands.healthHeatmap(vendor),
  onChanged: (handler: (endpoint: EndpointLive) => void): Promise<UnlistenFn> =>
    events.healthChanged((payload) => handler(payload.endpoint)),
};
