import { describe, expect, it } from 'vitest';
import { defaultProbe, effectiveKind, formatComponents, formatEquals, parseComponents, parseEquals, prepareProbe } from './probe-form';
import type { ProbeConfig } from './ipc-types';

describe('probe block', () => {
  it('starts at the documented defaults', () => {
    expect(defaultProbe()).toEqual({
      interval_s: 60, timeout_ms: 10000, connect_timeout_ms: 3000, max_tokens: 16,
      expect_status: 200, failures_to_down: 3, successes_to_up: 2,
    });
  });

  it('probes http endpoints with the http kind unless told otherwise', () => {
    expect(effectiveKind(defaultProbe(), 'http')).toBe('http');
    expect(effectiveKind(defaultProbe(), 'bedrock')).toBe('chat');
    expect(effectiveKind({ ...defaultProbe(), kind: 'models' }, 'http')).toBe('models');
  });

  it('sends numbers as numbers and leaves blank optional keys out', () => {
    const typed = { ...defaultProbe(), interval_s: '30', kind: '', json_pointer: ' ', ca_file: '', equals: undefined } as unknown as ProbeConfig;
    const out = prepareProbe(typed);
    expect(out.interval_s).toBe(30);
    expect(out).not.toHaveProperty('kind');
    expect(out).not.toHaveProperty('json_pointer');
    expect(out).not.toHaveProperty('ca_file');
    expect(out).not.toHaveProperty('equals');
    // A cleared number field is sent as 0, for the core to name it.
    expect(prepareProbe({ ...defaultProbe(), max_tokens: null as unknown as number }).max_tokens).toBe(0);
    expect(prepareProbe({ ...defaultProbe(), kind: 'http', json_pointer: '/ok', equals: false })).toMatchObject({ kind: 'http', json_pointer: '/ok', equals: false });
  });
});

describe('equals', () => {
  it('reads JSON, else the text as a string', () => {
    expect(parseEquals('200')).toBe(200);
    expect(parseEquals('true')).toBe(true);
    expect(parseEquals('"200"')).toBe('200');
    expect(parseEquals('{"a": [1]}')).toEqual({ a: [1] });
    expect(parseEquals('operational')).toBe('operational');
    expect(parseEquals('  ')).toBeUndefined();
  });

  it('shows what reads back as the same value', () => {
    for (const v of [200, true, null, 'operational', '200', { a: [1] }]) {
      expect(parseEquals(formatEquals(v))).toEqual(v);
    }
    expect(formatEquals('operational')).toBe('operational');
    expect(formatEquals(undefined)).toBe('');
  });
});

describe('status components', () => {
  it('reads a comma-separated list and writes it back', () => {
    expect(parseComponents(' API, Le Chat ,, ')).toEqual(['API', 'Le Chat']);
    expect(parseComponents('')).toEqual([]);
    expect(formatComponents(['API', 'Le Chat'])).toBe('API, Le Chat');
    expect(formatComponents(undefined)).toBe('');
  });
});
