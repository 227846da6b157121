import { describe, expect, it } from 'vitest';
import { nextRow } from './list-keys';

describe('nextRow', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(nextRow(0, 3, 'ArrowDown')).toBe(1);
    expect(nextRow(2, 3, 'ArrowDown')).toBe(2);
    expect(nextRow(1, 3, 'ArrowUp')).toBe(0);
    expect(nextRow(0, 3, 'ArrowUp')).toBe(0);
  });
  it('jumps to the first and last row', () => {
    expect(nextRow(1, 5, 'Home')).toBe(0);
    expect(nextRow(1, 5, 'End')).toBe(4);
  });
  it('ignores other keys and empty lists', () => {
    expect(nextRow(1, 3, 'Enter')).toBeNull();
    expect(nextRow(0, 0, 'ArrowDown')).toBeNull();
  });
});
