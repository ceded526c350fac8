import type { TextRange } from './range.js';

/**
 * Suppression comments, each on a line of its own (CONTRACT.md):
 *   # wglint-disable-next-line <id>[, <id>...] [-- reason]
 *   # wglint-disable <id>[, ...]      ...      # wglint-enable <id>[, ...]
 * An id list may be empty for "every rule". All four languages use `#` comments, so one scanner
 * serves them all; a `#` inside a wg hook value is not on a line of its own and is never matched.
 */
export interface Suppression {
  readonly kind: 'next-line' | 'block';
  /** Empty means every rule. */
  readonly ruleIds: readonly string[];
  /** Range of the comment itself, for reporting an unused suppression. */
  readonly range: TextRange;
  /** Offsets covered: `[from, to)`. */
  readonly from: number;
  readonly to: number;
}

const DIRECTIVE = /^[ \t]*#[ \t]*wglint-(disable-next-line|disable|enable)\b([^\n\r]*)$/;

export function parseSuppressions(text: string): Suppression[] {
  const out: Suppression[] = [];
  const open = new Map<string, { start: number; range: TextRange }>();
  let offset = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const lineStart = offset;
    offset += lines[i]!.length + 1;
    const m = DIRECTIVE.exec(line);
    if (!m) continue;
    const ids = m[2]!.split('--')[0]!.split(/[\s,]+/).filter(Boolean);
    const commentStart = lineStart + line.indexOf('#');
    const range = { start: commentStart, end: lineStart + line.length };
    if (m[1] === 'disable-next-line') {
      const next = lines[i + 1];
      out.push({ kind: 'next-line', ruleIds: ids, range, from: offset, to: offset + (next?.length ?? 0) });
    } else if (m[1] === 'disable') {
      for (const id of ids.length ? ids : ['*']) open.set(id, { start: offset, range });
    } else {
      for (const id of ids.length ? ids : [...open.keys()]) {
        const o = open.get(id);
        if (!o) continue;
        open.delete(id);
        out.push({ kind: 'block', ruleIds: id === '*' ? [] : [id], range: o.range, from: o.start, to: lineStart });
      }
    }
  }
  for (const [id, o] of open) {
    out.push({ kind: 'block', ruleIds: id === '*' ? [] : [id], range: o.range, from: o.start, to: text.length });
  }
  return out;
}

/** True when `s` covers a diagnostic of `ruleId` starting at `offset`. */
export function suppresses(s: Suppression, ruleId: string, offset: number): boolean {
  return offset >= s.from && offset <= s.to && (s.ruleIds.length === 0 || s.ruleIds.includes(ruleId));
}
