import { describe, expect, it } from 'vitest';
import { findingsPerWorkflow, groupFindings, severityCounts } from './audit';
import type { Finding } from './ipc-types';

const f = (over: Partial<Finding>): Finding => ({ kind: 'no_owner', severity: 'medium', message: 'm', ...over });

const report: Finding[] = [
  f({ workflow: 'support-chat', criticality: 'critical', kind: 'no_fallback', severity: 'high' }),
  f({ workflow: 'doc-summaries', criticality: 'medium', kind: 'single_vendor_chain' }),
  f({ workflow: 'support-chat', criticality: 'critical', kind: 'no_runbook', severity: 'low' }),
  f({ rotation: 'platform-ml', kind: 'empty_rotation' }),
  f({ kind: 'no_runbook', severity: 'low' }),
];

describe('groupFindings', () => {
  it('groups by workflow, then rotation, keeping the report order', () => {
    const groups = groupFindings(report);
    expect(groups.map((g) => g.key)).toEqual(['workflow:support-chat', 'workflow:doc-summaries', 'rotation:platform-ml', 'workspace']);
    expect(groups[0].findings.map((x) => x.kind)).toEqual(['no_fallback', 'no_runbook']);
    expect(groups[0].criticality).toBe('critical');
    expect(groups[2]).toMatchObject({ kind: 'rotation', id: 'platform-ml', criticality: null });
    expect(groups[3]).toMatchObject({ kind: 'workspace', id: null });
  });
  it('gives an endpoint finding its own group', () => {
    const groups = groupFindings([
      { kind: 'plain_http_credential', severity: 'high', message: 'm', endpoint: 'self-hosted-llama' } as Finding,
    ]);
    expect(groups).toMatchObject([{ key: 'endpoint:self-hosted-llama', kind: 'endpoint', id: 'self-hosted-llama' }]);
  });
  it('returns nothing for a clean report', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('counts', () => {
  it('counts findings per workflow', () => {
    const counts = findingsPerWorkflow(report);
    expect(counts.get('support-chat')).toBe(2);
    expect(counts.get('doc-summaries')).toBe(1);
    expect(counts.has('platform-ml')).toBe(false);
  });
  it('counts severities highest first and leaves out the empty ones', () => {
    expect(severityCounts(report)).toEqual([
      { severity: 'high', count: 1 },
      { severity: 'medium', count: 2 },
      { severity: 'low', count: 2 },
    ]);
    expect(severityCounts([f({ severity: 'low' })])).toEqual([{ severity: 'low', count: 1 }]);
  });
});
