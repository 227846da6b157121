// The one door to the shell: every command the UI calls goes through `call`, which turns the
// shell's `{code, message, fields}` error into an `IpcFailure`.
import { invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  AuditReport,
  Endpoint,
  FieldError,
  Inventory,
  IpcError,
  Rotation,
  Settings,
  TimelineEvent,
  Vendor,
  Workflow,
} from '../ipc-types';

export class IpcFailure extends Error {
  code: string;
  fields: FieldError[];
  constructor(e: IpcError) {
    super(e.message);
    this.code = e.code;
    this.fields = e.fields ?? [];
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

export async function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isIpcError(e)) throw new IpcFailure(e);
    throw new IpcFailure({ code: 'ipc', message: String(e), fields: [] });
  }
}

/** A person-readable sentence for any failure. */
export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  inventory: () => call<Inventory>('inventory_get'),
  saveVendor: (originalId: string | null, vendor: Vendor) =>
    call<Vendor>('vendor_save', { originalId, vendor }),
  deleteVendor: (id: string) => call<void>('vendor_delete', { id }),
  saveEndpoint: (originalId: string | null, endpoint: Endpoint) =>
    call<Endpoint>('endpoint_save', { originalId, endpoint }),
  deleteEndpoint: (id: string) => call<void>('endpoint_delete', { id }),
  saveWorkflow: (originalId: string | null, workflow: Workflow) =>
    call<Workflow>('workflow_save', { originalId, workflow }),
  deleteWorkflow: (id: string) => call<void>('workflow_delete', { id }),
  saveRotation: (originalId: string | null, rotation: Rotation) =>
    call<Rotation>('rotation_save', { originalId, rotation }),
  deleteRotation: (id: string) => call<void>('rotation_delete', { id }),
  audit: () => call<AuditReport>('audit_run'),
  settings: () => call<Settings>('settings_get'),
  saveSettings: (settings: Settings) => call<Settings>('settings_save', { settings }),
  timeline: (incidentId: number | null) => call<TimelineEvent[]>('timeline_list', { incidentId }),
};
