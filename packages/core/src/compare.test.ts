import { describe, expect, it } from 'vitest';
import { compareStrings, compareVersions } from './compare.js';

describe('compareStrings', () => {
  it('orders by code point, as strcmp and `LC_ALL=C sort` do', () => {
    expect(['b', 'B', 'a_b', 'a-b', '10-x.conf', '9-x.conf'].sort(compareStrings)).toEqual(['10-x.conf', '9-x.conf', 'B', 'a-b', 'a_b', 'b']);
    expect(compareStrings('x', 'x')).toBe(0);
  });
});

describe('compareVersions', () => {
  it('compares digit runs as numbers', () => {
    expect(compareVersions('1.0.6', '1.0.10')).toBe(-1);
    expect(compareVersions('1.1.6', '1.0.10')).toBe(1);
    expect(compareVersions('1.0.20210914', '1.0.20260223')).toBe(-1);
    expect(compareVersions('1.0', '1.0.1')).toBe(-1);
    expect(compareVersions('1.0.1', '1.0.1')).toBe(0);
    expect(compareVersions('1.0.1-rc1', '1.0.1-rc2')).toBe(-1);
  });
});
