import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { type IptTarget, isBuiltinChain } from '@wglint/iptables';
import { saveFiles } from './utils.js';

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
        const edges = new Map<string, Array<{ to: string; target: IptTarget }>>();
        for (const r of t.rules) {
          const chain = r.command.chain?.text;
          const target = r.command.rule?.target;
          if (!chain || !target || target.kind !== 'chain') continue;
          let list = edges.get(chain);
          if (!list) edges.set(chain, (list = []));
          list.push({ to: target.name, target });
        }
        // DFS from each built-in chain; a back edge closes a loop.
        const state = new Map<string, 1 | 2>();
        const reported = new Set<IptTarget>();
        const visit = (chain: string, path: string[]): void => {
          state.set(chain, 1);
          for (const e of edges.get(chain) ?? []) {
            const s = state.get(e.to);
            if (s === 1) {
              if (reported.has(e.target)) continue;
              reported.add(e.target);
              const cycle = [...path.slice(path.indexOf(e.to)), chain, e.to];
              ctx.report({
                file: file.file.path,
                range: e.target.nameWord.range,
                message:
                  `Jump loop ${cycle.filter((c, i) => i === 0 || c !== cycle[i - 1]).join(' → ')}: iptables refuses it ("Too many links"). ` +
                  'Break the cycle, e.g. end a chain with `-j RETURN` instead of jumping back.',
              });
            } else if (s === undefined) visit(e.to, [...path, chain]);
          }
          state.set(chain, 2);
        };
        for (const chain of edges.keys()) if (isBuiltinChain(t.name, chain) && !state.has(chain)) visit(chain, []);
      }
    }
  },
});
