import { describe, expect, it } from 'vitest';
import { buildFault, describeFault, FAULT_KINDS, optionOf, optionText } from './drill';

describe('drill faults', () => {
  it('offers every fault, none first', () => {
    expect(FAULT_KINDS[0]).toBe('none');
    expect(FAULT_KINDS).toHaveLength(9);
    expect(FAULT_KINDS).toContain('slow_stream');
  });

  it('builds a fault with only the option its kind takes', () => {
    expect(buildFault('throttle', ' 45 ')).toEqual({ fault: { kind: 'throttle', retry_after_s: 45 } });
    expect(buildFault('latency', '2500')).toEqual({ fault: { kind: 'latency', latency_ms: 2500 } });
    expect(buildFault('slow_stream', '')).toEqual({ fault: { kind: 'slow_stream' } });
    // A leftover option of another kind is dropped, not sent (the simulator would refuse it).
    expect(buildFault('outage', '45')).toEqual({ fault: { kind: 'outage' } });
  });

  it('refuses options that are not whole numbers within the limit, saying which', () => {
    expect(buildFault('throttle', '-3')).toEqual({ error: 'Retry-After must be a whole number of seconds' });
    expect(buildFault('latency', '1.5')).toEqual({ error: 'Delay must be a whole number of milliseconds' });
    expect(buildFault('throttle', '86401')).toEqual({ error: 'Retry-After must be at most 86400 s' });
  });

  it('describes faults in words with their options', () => {
    expect(describeFault({ kind: 'none' })).toBe('No fault');
    expect(describeFault({ kind: 'throttle' })).toBe('Throttle (Retry-After 30 s)');
    expect(describeFault({ kind: 'throttle', retry_after_s: 9 })).toBe('Throttle (Retry-After 9 s)');
    expect(describeFault({ kind: 'slow_stream', latency_ms: 200 })).toBe('Slow stream (200 ms)');
    expect(describeFault({ kind: 'hang' })).toBe('Hang');
  });

  it('fills the option field from the current fault', () => {
    expect(optionText({ kind: 'throttle', retry_after_s: 12 })).toBe('12');
    expect(optionText({ kind: 'latency' })).toBe('');
    expect(optionText({ kind: 'quota' })).toBe('');
    expect(optionOf('quota')).toBeNull();
  });
});
