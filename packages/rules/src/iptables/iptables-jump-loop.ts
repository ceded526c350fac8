import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { type IptTarget, isBuiltinChain } from '@wglint/iptables';
import { saveFiles, tableIndex } from './utils.js';

interface Edge {
  readonly to: string;
  readonly target: IptTarget;
}

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-jump-loop',
    severity: 'error',
    summary: 'User chains jump to each other in a cycle reachable from a built-in chain, which iptables refuses',
    fixable: false,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      for (const t of file.ast.tables) {
        const edges = new Map<string, Edge[]>();
        for (const r of tableIndex(t).jumps) {
          const chain = r.command.chain?.text;
          const target = r.command.rule?.target;
          if (!chain || !target || target.kind !== 'chain') continue;
          let list = edges.get(chain);
          if (!list) edges.set(chain, (list = []));
          list.push({ to: target.name, target });
        }
        // DFS from each built-in chain; a back edge closes a loop. Iterative, with one shared path
        // (a chain of 100k jumps neither overflows the stack nor copies the path at every step).
        const state = new Map<string, 1 | 2>();
        const reported = new Set<IptTarget>();
        const visit = (root: string): void => {
          /** The chains above the one being visited (its ancestors), and where each sits in it. */
          const path: string[] = [];
          const at = new Map<string, number>();
          const stack: Array<{ chain: string; list: readonly Edge[]; next: number }> = [];
          const enter = (chain: string): void => {
            state.set(chain, 1);
            stack.push({ chain, list: edges.get(chain) ?? [], next: 0 });
          };
          enter(root);
          while (stack.length > 0) {
            const top = stack[stack.length - 1]!;
            const chain = top.chain;
            if (top.next >= top.list.length) {
              state.set(chain, 2);
              stack.pop();
              const parent = path.pop();
              if (parent !== undefined) at.delete(parent);
              continue;
            }
            const e = top.list[top.next++]!;
            const s = state.get(e.to);
            if (s === 1) {
              if (reported.has(e.target)) continue;
              reported.add(e.target);
              const cycle = [...path.slice(at.get(e.to) ?? -1), chain, e.to];
              ctx.report({
                file: file.file.path,
                range: e.target.nameWord.range,
                message:
                  `Jump loop ${cycle.filter((c, i) => i === 0 || c !== cycle[i - 1]).join(' → ')}: iptables refuses it ("Too many links"). ` +
                  'Break the cycle, e.g. end a chain with `-j RETURN` instead of jumping back.',
              });
            } else if (s === undefined) {
              at.set(chain, path.length);
              path.push(chain);
              enter(e.to);
            }
          }
        };
        for (const chain of edges.keys()) if (isBuiltinChain(t.name, chain) && !state.has(chain)) visit(chain);
      }
    }
  },
});
