// Generic traversal of the nft AST.
import type { NftNode } from './ast.js';

/** Nodes by their `type`, for typed visitors. */
export type NftNodeByType = { [K in NftNode['type']]: Extract<NftNode, { type: K }> };

export interface NftWalker {
  /** Called before children; return `false` to skip the node's children. */
  enter?(node: NftNode, parent: NftNode | null): void | boolean;
  leave?(node: NftNode, parent: NftNode | null): void;
}

function isNode(v: unknown): v is NftNode {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && (v as { type: string }).type.startsWith('Nft');
}

/**
 * Visits every node below `root` depth-first in source order (resolved includes included).
 * Iterative over an explicit stack, so deep rulesets cannot overflow the call stack.
 */
export function walkNft(root: NftNode, walker: NftWalker): void {
  type Frame = { node: NftNode; parent: NftNode | null; exit: boolean };
  const stack: Frame[] = [{ node: root, parent: null, exit: false }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.exit) {
      walker.leave?.(f.node, f.parent);
      continue;
    }
    const go = walker.enter?.(f.node, f.parent);
    stack.push({ node: f.node, parent: f.parent, exit: true });
    if (go === false) continue;
    const kids: NftNode[] = [];
    for (const [k, v] of Object.entries(f.node)) {
      if (k === 'range' || k === 'parent') continue;
      collect(v, kids);
    }
    // Derived lists (`chains`, `sets` …) repeat `items`: keep the first occurrence only.
    const seen = new Set<NftNode>();
    const unique = kids.filter((n) => (seen.has(n) ? false : (seen.add(n), true)));
    for (let i = unique.length - 1; i >= 0; i--) stack.push({ node: unique[i]!, parent: f.node, exit: false });
  }
}

function collect(v: unknown, out: NftNode[]): void {
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out);
  } else if (isNode(v)) out.push(v);
  else if (typeof v === 'object' && v !== null && 'ruleset' in v) collect((v as { ruleset: unknown }).ruleset, out);
}

/** Calls the handler registered for each node's `type`. */
export function visitNft(root: NftNode, handlers: { [K in keyof NftNodeByType]?: (node: NftNodeByType[K], parent: NftNode | null) => void }): void {
  walkNft(root, {
    enter(node, parent) {
      const h = handlers[node.type] as ((n: NftNode, p: NftNode | null) => void) | undefined;
      h?.(node, parent);
    },
  });
}
