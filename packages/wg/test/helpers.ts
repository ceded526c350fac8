import { expect } from 'vitest';
import type { WgConfig, WgItem } from '../src/index.js';

/** Every node range lies in the text, and every physical line is covered by exactly one node. */
export function checkRanges(ast: WgConfig, text: string): void {
  const nodes: { range: { start: number; end: number } }[] = [];
  const lineNodes: WgItem[] = [...ast.preamble];
  for (const s of ast.sections) {
    nodes.push(s, s.header);
    expect(s.range.start).toBe(s.header.range.start);
    for (const it of s.items) {
      lineNodes.push(it);
      expect(s.range.end).toBeGreaterThanOrEqual(it.range.end);
    }
  }
  nodes.push(...lineNodes);
  for (const n of nodes) {
    expect(n.range.start).toBeGreaterThanOrEqual(0);
    expect(n.range.end).toBeLessThanOrEqual(text.length);
    expect(n.range.start).toBeLessThanOrEqual(n.range.end);
  }
  for (const it of lineNodes) {
    if (it.type !== 'WgEntry') continue;
    expect(text.slice(it.keyRange.start, it.keyRange.end)).toBe(it.key);
    expect(text.slice(it.valueRange.start, it.valueRange.end)).toBe(it.rawValue);
    expect(text.slice(it.equalsRange.start, it.equalsRange.end)).toBe('=');
  }
  const lines = text === '' ? 0 : text.replace(/\n$/, '').split('\n').length;
  expect(lineNodes.length + ast.sections.length).toBe(lines);
}

