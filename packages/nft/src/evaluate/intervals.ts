// Overlapping elements of an interval set: a named `set`/`map` with `flags interval`, a single
// (non-concatenated) key and no `auto-merge` refuses elements that overlap without being equal
// (`10.0.0.0/8, 10.1.0.0/16`; `1000-2000, 2000-2500`) with "conflicting intervals specified"
// (nft 1.0.6 and 1.1.x, `setelem_overlap`). Equal elements are accepted, and anonymous sets and
// `auto-merge` sets merge overlaps instead. Elements are sorted once: O(n log n) per set.
import type { SyntaxProblem } from '@wglint/core';
import type { NftSet, NftSetElement } from '../ast.js';
import { intervalOf, literalText, type Interval } from './values.js';

interface Item extends Interval {
  readonly element: NftSetElement;
}

function shown(e: NftSetElement): string {
  const s = literalText(e.key);
  return s === null ? 'another element' : `\`${s}\``;
}

/** Checks the `elements = { … }` of one set declaration. */
export function checkSetOverlaps(set: NftSet, out: SyntaxProblem[]): void {
  const els = set.elements;
  if (!els || els.length < 2 || set.autoMerge || !set.flags.includes('interval')) return;
  if (set.keyType.length > 1 || set.typeofKey.length > 1 || set.typeofKey.some((k) => k.type === 'NftConcat')) return;
  const items: Item[] = [];
  let kind: Interval['kind'] | null = null;
  for (const el of els) {
    const iv = intervalOf(el.key);
    // Anything not a literal (a service name, `$var`, `*`) is left out; mixed kinds mean another error.
    if (!iv) continue;
    if (kind !== null && iv.kind !== kind) return;
    kind = iv.kind;
    // A reversed range is reported on its own.
    if (iv.low > iv.high) continue;
    items.push({ ...iv, element: el });
  }
  if (items.length < 2) return;
  items.sort((a, b) => (a.low < b.low ? -1 : a.low > b.low ? 1 : a.high < b.high ? -1 : a.high > b.high ? 1 : 0));
  // The element reaching furthest so far: any later element starting at or before its end overlaps it.
  let reach = items[0]!;
  for (let i = 1; i < items.length; i++) {
    const cur = items[i]!;
    if (cur.low === reach.low && cur.high === reach.high) continue;
    if (cur.low <= reach.high) {
      const [first, second] = cur.element.range.start < reach.element.range.start ? [cur, reach] : [reach, cur];
      out.push({
        range: second.element.key.range,
        message: `conflicting intervals: this element overlaps ${shown(first.element)} in ${set.kind} \`${set.name?.text ?? ''}\`, and nft refuses overlapping elements in an interval ${set.kind} ("conflicting intervals specified"); remove or merge one of them, or add \`auto-merge\` to the ${set.kind} to have nft merge them`,
      });
      return;
    }
    if (cur.high > reach.high) reach = cur;
  }
}
