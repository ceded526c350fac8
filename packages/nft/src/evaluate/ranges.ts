// Reversed ranges: nft's evaluation refuses a range whose start is above its end
// (`tcp dport 1024-80`, `ip saddr 10.0.0.9-10.0.0.1`) with "Range has zero or negative size"
// (1.0.6; 1.1.x says "Range negative size"). `N-N` is accepted by both. Only literal numbers and
// addresses are compared; service names, variables and time-of-day values are left alone.
import type { SyntaxProblem } from '@wglint/core';
import type { NftExpr, NftRange, NftStatement } from '../ast.js';
import { valueOf } from './values.js';

/** `meta hour 23:00-01:00` is a cross-midnight range nft swaps: never compare those. */
const TIME_KEYS = new Set(['hour', 'day', 'time']);

function reversed(r: NftRange): boolean {
  const lo = valueOf(r.low);
  const hi = valueOf(r.high);
  return lo !== null && hi !== null && lo.kind === hi.kind && lo.value > hi.value;
}

function report(r: NftRange, out: SyntaxProblem[]): void {
  const lo = r.low.type === 'NftNumber' || r.low.type === 'NftAddress' ? r.low.text : '';
  const hi = r.high.type === 'NftNumber' || r.high.type === 'NftAddress' ? r.high.text : '';
  out.push({
    range: r.range,
    message: `range \`${lo}-${hi}\` is empty: its start is above its end, and nft refuses it ("Range has zero or negative size"); write the lower value first (\`${hi}-${lo}\`)`,
  });
}

/** Reports every reversed range inside `root` (sets, concatenations, maps included). */
export function checkRangesInExpr(root: NftExpr, out: SyntaxProblem[]): void {
  switch (root.type) {
    case 'NftRange':
      if (reversed(root)) report(root, out);
      return;
    case 'NftPrefix': case 'NftConcat': case 'NftList': case 'NftBinary': case 'NftSetExpr': case 'NftSetElement': case 'NftMapLookup': case 'NftParen':
      break;
    default:
      // Leaves (numbers, names, selectors …): the common case, no walk.
      return;
  }
  const stack: NftExpr[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    switch (e.type) {
      case 'NftRange':
        if (reversed(e)) report(e, out);
        break;
      case 'NftPrefix':
        stack.push(e.address);
        break;
      case 'NftConcat':
        for (let i = e.parts.length - 1; i >= 0; i--) stack.push(e.parts[i]!);
        break;
      case 'NftList':
        for (let i = e.items.length - 1; i >= 0; i--) stack.push(e.items[i]!);
        break;
      case 'NftBinary':
        stack.push(e.right, e.left);
        break;
      case 'NftSetExpr':
        for (let i = e.elements.length - 1; i >= 0; i--) stack.push(e.elements[i]!);
        break;
      case 'NftSetElement':
        if (e.value) stack.push(e.value);
        stack.push(e.key);
        break;
      case 'NftMapLookup':
        stack.push(e.map, e.key);
        break;
      case 'NftParen':
        stack.push(e.expr);
        break;
      default:
        break;
    }
  }
}

/** Reversed ranges in one statement's values. Anonymous chains (`jump { … }`) are the caller's. */
export function checkRangesInStatement(st: NftStatement, out: SyntaxProblem[]): void {
  switch (st.type) {
    case 'NftMatch':
      // Ranges are values: the left side is a selector.
      if (st.left.type === 'NftMeta' && TIME_KEYS.has(st.left.key)) return;
      checkRangesInExpr(st.right, out);
      return;
    case 'NftMangle':
      checkRangesInExpr(st.value, out);
      return;
    case 'NftVmap':
      checkRangesInExpr(st.map, out);
      return;
    case 'NftNat':
      if (st.address) checkRangesInExpr(st.address, out);
      if (st.port) checkRangesInExpr(st.port, out);
      return;
    case 'NftStatement':
      for (const o of st.options) if (o.value) checkRangesInExpr(o.value, out);
      if (st.expr) checkRangesInExpr(st.expr, out);
      return;
    default:
      return;
  }
}
