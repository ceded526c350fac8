import type { NftChain, NftExpr, NftRule, NftRuleset, NftTable } from '@wglint/nft';
import type { NftChainFact, NftRuleFact } from './model.js';
import type { PortRange } from './net.js';

const SERVICES: Readonly<Record<string, number>> = { ssh: 22, http: 80, https: 443, domain: 53, ntp: 123, 'dhcpv6-client': 546, wireguard: 51820 };

type Defines = Map<string, NftExpr>;

/** Port ranges an expression denotes (`51820`, `51820-51830`, `{ 1, 2-3 }`, `$wg_port`). */
export function nftPortRanges(e: NftExpr | null, defines: Defines, depth = 0): PortRange[] {
  if (!e || depth > 8) return [];
  switch (e.type) {
    case 'NftNumber':
      return e.value >= 0 && e.value <= 65535 ? [{ from: e.value, to: e.value }] : [];
    case 'NftSymbol': {
      const p = SERVICES[e.name];
      return p === undefined ? [] : [{ from: p, to: p }];
    }
    case 'NftRange': {
      const lo = nftPortRanges(e.low, defines, depth + 1)[0];
      const hi = nftPortRanges(e.high, defines, depth + 1)[0];
      return lo && hi && lo.from <= hi.to ? [{ from: lo.from, to: hi.to }] : [];
    }
    case 'NftSetExpr':
      return e.elements.flatMap((el) => nftPortRanges(el.key, defines, depth + 1));
    case 'NftSetElement':
      return nftPortRanges(e.key, defines, depth + 1);
    case 'NftList':
      return e.items.flatMap((x) => nftPortRanges(x, defines, depth + 1));
    case 'NftParen':
      return nftPortRanges(e.expr, defines, depth + 1);
    case 'NftVariable': {
      const v = defines.get(e.name);
      return v ? nftPortRanges(v, defines, depth + 1) : [];
    }
    default:
      return [];
  }
}

function stringsOf(e: NftExpr | null, defines: Defines, depth = 0): string[] {
  if (!e || depth > 8) return [];
  switch (e.type) {
    case 'NftString':
      return [e.value];
    case 'NftSymbol':
      return [e.name];
    case 'NftWildcard':
      return [e.prefix + '*'];
    case 'NftSetExpr':
      return e.elements.flatMap((el) => stringsOf(el.key, defines, depth + 1));
    case 'NftList':
      return e.items.flatMap((x) => stringsOf(x, defines, depth + 1));
    case 'NftVariable': {
      const v = defines.get(e.name);
      return v ? stringsOf(v, defines, depth + 1) : [];
    }
    default:
      return [];
  }
}

function isKey(e: NftExpr, kind: 'meta' | 'ct', key: string): boolean {
  return kind === 'meta' ? e.type === 'NftMeta' && e.key === key : e.type === 'NftCt' && e.key === key && e.direction === null;
}

function exprKey(e: NftExpr): string {
  switch (e.type) {
    case 'NftPayload':
      return `${e.protocol} ${e.field}`;
    case 'NftMeta':
      return `meta ${e.key}`;
    case 'NftCt':
      return `ct ${e.key}`;
    case 'NftSpecialExpr':
      return [e.kind, ...e.words].join(' ');
    default:
      return e.type;
  }
}

/** Summarises one nft rule. */
export function nftRuleFact(
  rule: NftRule,
  where: { family: string; table: string; chain: string; hook?: string },
  defines: Defines,
  file: string,
): NftRuleFact {
  const udp: PortRange[] = [];
  const tcp: PortRange[] = [];
  const iifnames: string[] = [];
  let verdict: string | undefined;
  let setsMetaMark = false;
  let setsCtMark = false;
  let restoresMark = false;
  let clampsMss = false;
  let matchesMark = false;
  let l4: string | undefined;
  const matches: { key: string; values: string[]; negated: boolean }[] = [];
  let dportValueRange: { start: number; end: number } | undefined;
  for (const s of rule.statements) {
    switch (s.type) {
      case 'NftMatch': {
        const left = s.left.type === 'NftBinary' ? s.left.left : s.left;
        const positive = s.op === '==' || s.op === 'implicit';
        matches.push({ key: exprKey(left), values: stringsOf(s.right, defines), negated: s.op === '!=' });
        if (left.type === 'NftPayload' && (left.field === 'dport') && positive && !left.inner) {
          const proto = left.protocol === 'th' ? l4 : left.protocol;
          const ranges = nftPortRanges(s.right, defines);
          dportValueRange = s.right.range;
          if (proto === 'udp') udp.push(...ranges);
          else if (proto === 'tcp') tcp.push(...ranges);
        } else if (isKey(left, 'meta', 'l4proto') || (left.type === 'NftPayload' && (left.field === 'protocol' || left.field === 'nexthdr'))) {
          const names = stringsOf(s.right, defines);
          if (positive && names.length === 1) l4 = names[0];
        } else if (isKey(left, 'meta', 'mark') || isKey(left, 'ct', 'mark')) matchesMark = true;
        else if (isKey(left, 'meta', 'iifname') && positive) iifnames.push(...stringsOf(s.right, defines));
        break;
      }
      case 'NftMangle':
        if (s.target.type === 'NftExthdr' && s.target.name === 'maxseg') clampsMss = true;
        if (isKey(s.target, 'meta', 'mark')) {
          setsMetaMark = true;
          if (isKey(s.value, 'ct', 'mark')) restoresMark = true;
        }
        if (isKey(s.target, 'ct', 'mark')) setsCtMark = true;
        break;
      case 'NftVerdict':
        verdict = s.verdict;
        break;
      case 'NftStatement':
        if (s.keyword === 'reject') verdict = 'reject';
        break;
      case 'NftNat':
        verdict = s.kind;
        break;
      default:
        break;
    }
  }
  return {
    family: where.family,
    table: where.table,
    chain: where.chain,
    ...(where.hook ? { hook: where.hook } : {}),
    udpDports: udp,
    tcpDports: tcp,
    ...(dportValueRange ? { dportValueRange } : {}),
    ...(verdict ? { verdict } : {}),
    setsMetaMark,
    setsCtMark,
    restoresMark,
    clampsMss,
    matchesMark,
    iifnames,
    matches,
    location: { file, range: rule.range },
  };
}

/**
 * Rules and base chains of a ruleset. `known` lets one-liners (`nft add rule inet t input ...`)
 * find the hook of a chain declared in another file or an earlier hook.
 */
export function nftFactsOf(
  ruleset: NftRuleset,
  file: string,
  known: NftChainFact[] = [],
): { rules: NftRuleFact[]; chains: NftChainFact[] } {
  const defines: Defines = new Map();
  const rules: NftRuleFact[] = [];
  const chains: NftChainFact[] = [];
  const hookOf = (family: string, table: string, chain: string): string | undefined =>
    [...known, ...chains].find((c) => c.family === family && c.table === table && c.chain === chain)?.hook;

  const addChain = (c: NftChain, family: string, table: string): void => {
    const name = c.name?.text ?? '';
    if (c.verb === 'delete' || c.verb === 'destroy') return;
    if (c.hook || c.policy) {
      chains.push({
        family,
        table,
        chain: name,
        ...(c.hook ? { hook: c.hook.hook.text } : {}),
        ...(c.policy ? { policy: c.policy.text } : {}),
        location: { file, range: c.range },
      });
    }
    const hook = c.hook?.hook.text ?? hookOf(family, table, name);
    for (const r of c.rules) rules.push(nftRuleFact(r, { family, table, chain: name, ...(hook ? { hook } : {}) }, defines, file));
  };
  const visitTable = (t: NftTable): void => {
    const table = t.name?.text ?? '';
    for (const item of t.items) {
      if (item.type === 'NftDefine' && item.value) defines.set(item.name.text, item.value);
      else if (item.type === 'NftChain') addChain(item, t.family, table);
    }
  };
  const visit = (rs: NftRuleset): void => {
    for (const cmd of rs.commands) {
      switch (cmd.type) {
        case 'NftDefine':
          if (cmd.kind === 'undefine') defines.delete(cmd.name.text);
          else if (cmd.value) defines.set(cmd.name.text, cmd.value);
          break;
        case 'NftTable':
          if (cmd.verb !== 'delete' && cmd.verb !== 'destroy') visitTable(cmd);
          break;
        case 'NftChain':
          addChain(cmd, cmd.family, cmd.table?.text ?? '');
          break;
        case 'NftRule': {
          if (cmd.verb !== 'add' && cmd.verb !== 'insert' && cmd.verb !== 'create') break;
          const table = cmd.table?.text ?? '';
          const chain = cmd.chain?.text ?? '';
          const hook = hookOf(cmd.family, table, chain);
          rules.push(nftRuleFact(cmd, { family: cmd.family, table, chain, ...(hook ? { hook } : {}) }, defines, file));
          break;
        }
        case 'NftInclude':
          for (const r of cmd.resolved ?? []) visit(r.ruleset);
          break;
        default:
          break;
      }
    }
  };
  visit(ruleset);
  return { rules, chains };
}
