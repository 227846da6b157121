// Audit findings arranged for reading: one group per workflow (or rotation, or endpoint), in
// report order.
import type { Criticality, Finding } from './ipc-types';

export type FindingGroup = {
  /** `workflow:<id>`, `rotation:<id>`, `endpoint:<id>` or `workspace`. */
  key: string;
  kind: 'workflow' | 'rotation' | 'endpoint' | 'workspace';
  id: string | null;
  criticality: Criticality | null;
  findings: Finding[];
};

function keyOf(f: Finding): Pick<FindingGroup, 'key' | 'kind' | 'id'> {
  if (f.workflow) return { key: `workflow:${f.workflow}`, kind: 'workflow', id: f.workflow };
  if (f.rotation) return { key: `rotation:${f.rotation}`, kind: 'rotation', id: f.rotation };
  if (f.endpoint) return { key: `endpoint:${f.endpoint}`, kind: 'endpoint', id: f.endpoint };
  return { key: 'workspace', kind: 'workspace', id: null };
}

/** Groups keep the order in which the report first names them (critical workflows first). */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const k = keyOf(f);
    let g = groups.get(k.key);
    if (!g) {
      g = { ...k, criticality: f.criticality ?? null, findings: [] };
      groups.set(k.key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()];
}

/** Finding counts per workflow id, for badges on the dashboard. */
export function findingsPerWorkflow(findings: Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.workflow) out.set(f.workflow, (out.get(f.workflow) ?? 0) + 1);
  return out;
}

/** Counts per severity, highest first, leaving out severities with none. */
export function severityCounts(findings: Finding[]): { severity: Finding['severity']; count: number }[] {
  return (['high', 'medium', 'low'] as const)
    .map((severity) => ({ severity, count: findings.filter((f) => f.severity === severity).length }))
    .filter((c) => c.count > 0);
}
