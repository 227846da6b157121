// The UI's facade over the generated client (`commands.gen.ts`, made from the shell's one
// declaration of its commands); views call `api.*` and `runbooks.*`, never `invoke`.
import { commands } from './commands.gen';
import type { Endpoint, Fault, Override, Rotation, Settings, Vendor, Workflow } from '../ipc-types';

export { IpcFailure, call, describe, describeFailure, type FailureCode } from './call';
export { commands, events } from './commands.gen';

export const api = {
  appInfo: () => commands.appInfo(),
  inventory: () => commands.inventoryGet(),
  saveVendor: (originalId: string | null, vendor: Vendor) => commands.vendorSave(originalId, vendor),
  deleteVendor: (id: string) => commands.vendorDelete(id),
  saveEndpoint: (originalId: string | null, endpoint: Endpoint) =>
    commands.endpointSave(originalId, endpoint),
  deleteEndpoint: (id: string) => commands.endpointDelete(id),
  saveWorkflow: (originalId: string | null, workflow: Workflow) =>
    commands.workflowSave(originalId, workflow),
  deleteWorkflow: (id: string) => commands.workflowDelete(id),
  saveRotation: (originalId: string | null, rotation: Rotation) =>
    commands.rotationSave(originalId, rotation),
  deleteRotation: (id: string) => commands.rotationDelete(id),
  rotationCalendar: (id: string, from: string, days: number) => commands.rotationCalendar(id, from, days),
  addOverride: (rotationId: string, value: Override) => commands.rotationOverrideAdd(rotationId, value),
  removeOverride: (rotationId: string, index: number) => commands.rotationOverrideRemove(rotationId, index),
  onCallNow: () => commands.oncallNow(),
  audit: () => commands.auditRun(),
  settings: () => commands.settingsGet(),
  saveSettings: (settings: Settings) => commands.settingsSave(settings),
  timeline: (incidentId: number | null) => commands.timelineList(incidentId),
  /** Writes `secret` to the OS keyring under a `keyring:` reference; nothing comes back. */
  storeKey: (reference: string, secret: string) => commands.credentialStore(reference, secret),
  drill: () => commands.drillGet(),
  setFault: (vendor: string, fault: Fault) => commands.drillSet(vendor, fault),
};
