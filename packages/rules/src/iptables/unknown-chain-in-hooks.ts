import type { Report } from '@wglint/core';
import type { HookCommand, HostModel } from '@wglint/host';
import { chainKey } from '@wglint/host';
import { BUILTIN_CHAINS } from '@wglint/iptables';
import { isUp, runsScript, shown } from '../host/utils.js';

const ALL_BUILTINS: ReadonlySet<string> = new Set(Object.values(BUILTIN_CHAINS).flat());
const TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'QUEUE', 'REJECT', 'LOG', 'MASQUERADE', 'SNAT', 'DNAT', 'MARK', 'CONNMARK', 'TCPMSS'];
const CHAIN_COMMANDS: ReadonlySet<string> = new Set(['append', 'insert', 'delete', 'check', 'replace']);

/**
 * Hook commands naming a chain iptables cannot have, so the command fails ("No chain/target/match
 * by that name", "Chain 'accept' does not exist") and wg-quick stops. Only names nobody else can
 * have created: a built-in chain of another table (`-A POSTROUTING` without `-t nat`), a built-in
 * or standard target in the wrong case (`-A forward`, `-j accept`). Other unknown names may be
 * chains that docker, a script or the distribution creates, so they are left alone.
 */
export function hookChainMistakes(model: HostModel): Report[] {
  const hooks = model.interfaces.flatMap((i) => i.hooks);
  // a script or an iptables-restore may create any chain
  if (hooks.some((h) => isUp(h) && (runsScript(h) || h.type === 'iptables-restore'))) return [];
  const created = new Set<string>();
  for (const h of hooks) if (h.type === 'iptables' && h.ipt.kind === 'new-chain' && h.ipt.chain) created.add(chainKey(h.family, h.ipt.table, h.ipt.chain.text));
  const out: Report[] = [];
  for (const h of hooks) {
    if (h.type !== 'iptables' || h.refused) continue;
    const table = h.ipt.table;
    const builtins = BUILTIN_CHAINS[table];
    if (!builtins) continue;
    const exists = (name: string): boolean =>
      builtins.includes(name) || created.has(chainKey(h.family, table, name)) || model.iptables.boot.chains.has(chainKey(h.family, table, name));
    const chain = h.ipt.chain;
    if (chain && CHAIN_COMMANDS.has(h.ipt.kind ?? '') && !exists(chain.text)) {
      const why = chainMistake(chain.text, table, builtins);
      if (why) out.push(report(h, chain.range, `no chain \`${chain.text}\` in the ${table} table: ${why}`));
    }
    const target = h.ipt.rule?.target;
    if (target && target.kind === 'chain' && !exists(target.name)) {
      const upper = TARGETS.find((t) => t.toLowerCase() === target.name.toLowerCase());
      if (upper) out.push(report(h, target.nameWord.range, `no chain or target \`${target.name}\`: targets are case-sensitive, write \`${upper}\``));
    }
  }
  return out;
}

/** Why a chain name that does not exist in `table` is a mistake, or undefined when it may be a user chain. */
function chainMistake(name: string, table: string, builtins: readonly string[]): string | undefined {
  const cased = builtins.find((b) => b.toLowerCase() === name.toLowerCase());
  if (cased) return `chain names are case-sensitive, write \`${cased}\``;
  if (ALL_BUILTINS.has(name)) {
    const tables = Object.keys(BUILTIN_CHAINS).filter((t) => BUILTIN_CHAINS[t]!.includes(name));
    return `${name} is a built-in chain of the ${tables.join('/')} table${tables.length > 1 ? 's' : ''}; add \`-t ${tables[0]}\``;
  }
  return undefined;
}

function report(h: HookCommand, range: Report['range'], why: string): Report {
  return {
    file: h.file,
    range,
    message: `\`${shown(h, 70)}\` (${h.hook}): ${why}. iptables refuses the command, so wg-quick stops at this ${h.hook} line.`,
  };
}
