import type { TextEdit } from './diagnostic.js';

/**
 * Applies non-overlapping edits to `text`. Edits that overlap an earlier-applied one are skipped
 * and returned, so a caller can re-lint and try again (ESLint's fix loop).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.range.start < cursor || e.range.end > text.length || e.range.start > e.range.end) {
      skipped.push(e);
      continue;
    }
    out += text.slice(cursor, e.range.start) + e.text;
    cursor = e.range.end;
  }
  out += text.slice(cursor);
  return { text: out, skipped };
}
