// The four kinds of inventory item as the editing scaffold (`editor.svelte.ts`) sees them.
import { app } from './app-state.svelte';
import { api } from './ipc';
import { blankToUndefined, blankWorkflow, clone } from './forms';
import type { Endpoint, Rotation, Vendor, Workflow } from './ipc-types';
import type { ItemKind } from './editor.svelte';

export const vendorKind: ItemKind<Vendor> = {
  kind: 'vendor',
  blank: () => ({ id: '', name: '', status_page: '' }),
  label: (v) => v.name,
  prepare: (v) => blankToUndefined(v, ['status_page']),
  save: (originalId, item) => api.saveVendor(originalId, item),
  remove: (id) => api.deleteVendor(id),
  deleteMessage: 'The vendor is removed. Anything still referring to it must be changed first.',
  idFollowsName: true,
};

export const endpointKind: ItemKind<Endpoint> = {
  kind: 'endpoint',
  blank: () => ({
    id: '',
    vendor: app.inventory.vendors[0]?.id ?? '',
    name: '',
    model: '',
    base_url: 'https://',
    api_style: 'openai',
    credential: '',
    latency_slo_ms: 5000,
  }),
  label: (e) => e.id,
  prepare: (e) => ({ ...blankToUndefined(e, ['credential']), latency_slo_ms: Number(e.latency_slo_ms) }),
  save: (originalId, item) => api.saveEndpoint(originalId, item),
  remove: (id) => api.deleteEndpoint(id),
  deleteMessage: 'The endpoint is removed. Anything still referring to it must be changed first.',
  idFollowsName: false,
};

export const workflowKind: ItemKind<Workflow> = {
  kind: 'workflow',
  blank: () => blankWorkflow(app.inventory.endpoints[0]?.id ?? ''),
  label: (w) => w.name,
  prepare: (w) => {
    const out = clone(w);
    if (!out.owner) delete out.owner;
    return out;
  },
  save: (originalId, item) => api.saveWorkflow(originalId, item),
  remove: (id) => api.deleteWorkflow(id),
  deleteMessage: 'The workflow and its failure-mode text are removed from the inventory. Runbooks that name it stay on disk.',
  idFollowsName: true,
};

export const rotationKind: ItemKind<Rotation> = {
  kind: 'rotation',
  blank: () => ({ id: '', name: '', time_zone: app.settings?.time_zone ?? 'UTC', shift_hours: 168, handoff: '09:00', members: [] }),
  label: (r) => r.name,
  prepare: (r) => ({
    ...r,
    shift_hours: Number(r.shift_hours),
    members: r.members.map((m) => (m.contact?.trim() ? m : { name: m.name })),
  }),
  save: (originalId, item) => api.saveRotation(originalId, item),
  remove: (id) => api.deleteRotation(id),
  deleteMessage: 'The rotation and its members are removed.',
  idFollowsName: true,
};
