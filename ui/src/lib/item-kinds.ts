// The four kinds of inventory item as the editing scaffold (`editor.svelte.ts`) sees them.
import { app } from './app-state.svelte';
import { api } from './ipc';
import { blankToUndefined, blankWorkflow } from './forms';
import { prepareProbe } from './probe-form';
import { prepareRotation, todayIn } from './schedule-form';
import type { Endpoint, Rotation, Vendor, Workflow } from './ipc-types';
import type { Item, ItemKind } from './editor.svelte';

type Parts<T extends Item> = Pick<ItemKind<T>, 'blank' | 'save' | 'remove'> & Partial<ItemKind<T>>;

/** A kind with the usual defaults: named by its name, its id following the name, sent as edited. */
function kindOf<T extends Item>(kind: string, parts: Parts<T>): ItemKind<T> {
  return {
    kind,
    label: (item) => item.name,
    prepare: (draft) => draft,
    deleteMessage: `The ${kind} is removed. Anything still referring to it must be changed first.`,
    idFollowsName: true,
    ...parts,
  };
}

export const vendorKind = kindOf<Vendor>('vendor', {
  blank: () => ({ id: '', name: '', status_page: '', status_api: '', status_components: [] }),
  prepare: (v) => {
    const out = blankToUndefined(v, ['status_page', 'status_api']);
    // "Watch every component" is the key left out.
    return out.status_components?.length ? out : (({ status_components: _, ...rest }) => rest)(out);
  },
  save: (originalId, v) => api.saveVendor(originalId, v),
  remove: (id) => api.deleteVendor(id),
});

/** An endpoint is known by its id; its display name is free text. */
export const endpointKind = kindOf<Endpoint>('endpoint', {
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
  idFollowsName: false,
  prepare: (e) => {
    const { probe, ...rest } = { ...blankToUndefined(e, ['credential']), latency_slo_ms: Number(e.latency_slo_ms) };
    // No block: not probed, and the key is left out.
    return probe ? { ...rest, probe: prepareProbe(probe) } : rest;
  },
  save: (originalId, e) => api.saveEndpoint(originalId, e),
  remove: (id) => api.deleteEndpoint(id),
});

export const workflowKind = kindOf<Workflow>('workflow', {
  blank: () => blankWorkflow(app.inventory.endpoints[0]?.id ?? ''),
  // "No owner" is the key left out, not an empty id.
  prepare: ({ owner, ...rest }) => (owner ? { ...rest, owner } : rest),
  save: (originalId, w) => api.saveWorkflow(originalId, w),
  remove: (id) => api.deleteWorkflow(id),
  deleteMessage: 'The workflow and its failure-mode text are removed from the inventory. Runbooks that name it stay on disk.',
});

export const rotationKind = kindOf<Rotation>('rotation', {
  blank: () => {
    const zone = app.settings?.time_zone ?? 'UTC';
    return { id: '', name: '', time_zone: zone, shift_hours: 168, handoff: '09:00', start: todayIn(zone), members: [], restrictions: [], layers: [], overrides: [] };
  },
  deleteMessage: 'The rotation, its members, layers and overrides are removed.',
  prepare: prepareRotation,
  save: (originalId, r) => api.saveRotation(originalId, r),
  remove: (id) => api.deleteRotation(id),
});
