// Generated from the IPC declaration (src-tauri/src/commands/list.rs) by
// `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings`. Do not edit by hand: the test
// suite fails when this file drifts.

import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { call } from './call';
import type { AppInfo, AuditReport, Document, DrillState, Endpoint, EndpointLive, Fault, HealthBoard, HealthChanged, HeatCell, Inventory, OnCallNow, Override, Rotation, RotationCalendar, RunbookPreview, RunbookQuery, RunbookSummary, RunbookView, RunbooksChanged, Settings, StepMark, TimelineEvent, Vendor, Walkthrough, Workflow } from '../ipc-types';

/** Every command the shell offers; each throws an `IpcFailure` when it fails. */
export const commands = {
  appInfo: (): Promise<AppInfo> => call<AppInfo>('app_info'),
  inventoryGet: (): Promise<Inventory> => call<Inventory>('inventory_get'),
  vendorSave: (originalId: string | null, vendor: Vendor): Promise<Vendor> => call<Vendor>('vendor_save', { originalId, vendor }),
  vendorDelete: (id: string): Promise<void> => call<void>('vendor_delete', { id }),
  endpointSave: (originalId: string | null, endpoint: Endpoint): Promise<Endpoint> => call<Endpoint>('endpoint_save', { originalId, endpoint }),
  endpointDelete: (id: string): Promise<void> => call<void>('endpoint_delete', { id }),
  workflowSave: (originalId: string | null, workflow: Workflow): Promise<Workflow> => call<Workflow>('workflow_save', { originalId, workflow }),
  workflowDelete: (id: string): Promise<void> => call<void>('workflow_delete', { id }),
  rotationSave: (originalId: string | null, rotation: Rotation): Promise<Rotation> => call<Rotation>('rotation_save', { originalId, rotation }),
  rotationDelete: (id: string): Promise<void> => call<void>('rotation_delete', { id }),
  rotationCalendar: (id: string, from: string, days: number): Promise<RotationCalendar> => call<RotationCalendar>('rotation_calendar', { id, from, days }),
  rotationOverrideAdd: (id: string, value: Override): Promise<Rotation> => call<Rotation>('rotation_override_add', { id, value }),
  rotationOverrideRemove: (id: string, index: number): Promise<Rotation> => call<Rotation>('rotation_override_remove', { id, index }),
  oncallNow: (): Promise<Array<OnCallNow>> => call<Array<OnCallNow>>('oncall_now'),
  auditRun: (): Promise<AuditReport> => call<AuditReport>('audit_run'),
  settingsGet: (): Promise<Settings> => call<Settings>('settings_get'),
  settingsSave: (settings: Settings): Promise<Settings> => call<Settings>('settings_save', { settings }),
  drillGet: (): Promise<DrillState> => call<DrillState>('drill_get'),
  drillSet: (vendor: string, fault: Fault): Promise<DrillState> => call<DrillState>('drill_set', { vendor, fault }),
  runbookList: (query: RunbookQuery): Promise<Array<RunbookSummary>> => call<Array<RunbookSummary>>('runbook_list', { query }),
  runbookOpen: (file: string): Promise<RunbookView> => call<RunbookView>('runbook_open', { file }),
  runbookPreview: (file: string, content: string): Promise<RunbookPreview> => call<RunbookPreview>('runbook_preview', { file, content }),
  runbookSave: (file: string, content: string, baseVersion: string | null): Promise<Document> => call<Document>('runbook_save', { file, content, baseVersion }),
  runbookCreate: (title: string, vendor: string): Promise<Document> => call<Document>('runbook_create', { title, vendor }),
  walkthroughGet: (runbookId: string, incidentId: number | null): Promise<Walkthrough> => call<Walkthrough>('walkthrough_get', { runbookId, incidentId }),
  walkthroughMark: (mark: StepMark): Promise<Walkthrough> => call<Walkthrough>('walkthrough_mark', { mark }),
  walkthroughReset: (runbookId: string, incidentId: number | null): Promise<Walkthrough> => call<Walkthrough>('walkthrough_reset', { runbookId, incidentId }),
  timelineList: (incidentId: number | null): Promise<Array<TimelineEvent>> => call<Array<TimelineEvent>>('timeline_list', { incidentId }),
  healthBoard: (): Promise<HealthBoard> => call<HealthBoard>('health_board'),
  probeNow: (endpoint: string): Promise<EndpointLive> => call<EndpointLive>('probe_now', { endpoint }),
  healthHeatmap: (vendor: string): Promise<Array<HeatCell>> => call<Array<HeatCell>>('health_heatmap', { vendor }),
  credentialStore: (reference: string, secret: string): Promise<void> => call<void>('credential_store', { reference, secret }),
};

/** The command names, as the shell knows them. */
export type CommandName =
  | 'app_info'
  | 'inventory_get'
  | 'vendor_save'
  | 'vendor_delete'
  | 'endpoint_save'
  | 'endpoint_delete'
  | 'workflow_save'
  | 'workflow_delete'
  | 'rotation_save'
  | 'rotation_delete'
  | 'rotation_calendar'
  | 'rotation_override_add'
  | 'rotation_override_remove'
  | 'oncall_now'
  | 'audit_run'
  | 'settings_get'
  | 'settings_save'
  | 'drill_get'
  | 'drill_set'
  | 'runbook_list'
  | 'runbook_open'
  | 'runbook_preview'
  | 'runbook_save'
  | 'runbook_create'
  | 'walkthrough_get'
  | 'walkthrough_mark'
  | 'walkthrough_reset'
  | 'timeline_list'
  | 'health_board'
  | 'probe_now'
  | 'health_heatmap'
  | 'credential_store';

/** Every event the shell sends: `listen` calls `handler` with each payload. */
export const events = {
  runbooksChanged: (handler: (payload: RunbooksChanged) => void): Promise<UnlistenFn> =>
    listen<RunbooksChanged>('runbooks-changed', (e) => handler(e.payload)),
  healthChanged: (handler: (payload: HealthChanged) => void): Promise<UnlistenFn> =>
    listen<HealthChanged>('health-changed', (e) => handler(e.payload)),
};
