import type { HostModel, ParsedFile } from '@wglint/host';
import {
  type IptCommand,
  type IptIssue,
  type IptIssueCode,
  type IptSaveRule,
  type IptSaveTable,
  type IptablesSave,
  IptRuleset,
  checkIptCommand,
  isBuiltinChain,
  isUnknownChain,
  unknownChainIssue,
} from '@wglint/iptables';

/** A parsed iptables-save file of the host. */
export type SaveFile = ParsedFile & { readonly language: 'iptables-save' };

/** The iptables-save files of the model that diagnostics may be reported into. */
export function saveFiles(files: readonly ParsedFile[]): SaveFile[] {
  return files.filter((f): f is SaveFile => f.language === 'iptables-save' && f.lint);
}

/** User chains of a table: declared with `:NAME -` (or any non-built-in `:` line) or created with -N. */
export function userChains(table: IptSaveTable): Set<string> {
  return tableIndex(table).userChains;
}

/**
 * The rules of one table of a dump that the cheap per-rule tests of the iptables rules pick out,
 * found in one pass over the table (several rules each used to walk every rule of a 100k dump).
 * Every list keeps the table's rule order.
 */
export interface TableIndex {
  readonly userChains: Set<string>;
  /** Rules whose target is LOG or NFLOG. */
  readonly logs: readonly IptSaveRule[];
  /** Rules with a `state` match. */
  readonly stateMatches: readonly IptSaveRule[];
  /** Rules whose -i or -o value holds a `*`. */
  readonly starInterfaces: readonly IptSaveRule[];
  /** Rules whose target is a chain (a jump or goto to a user chain, or an unknown name). */
  readonly jumps: readonly IptSaveRule[];
}

const tableIndexes = new WeakMap<IptSaveTable, TableIndex>();

/** The index of a table (built once per parsed table). */
export function tableIndex(table: IptSaveTable): TableIndex {
  let ix = tableIndexes.get(table);
  if (ix) return ix;
  const chains = new Set<string>();
  for (const c of table.chains) if (!isBuiltinChain(table.name, c.name)) chains.add(c.name);
  const logs: IptSaveRule[] = [];
  const stateMatches: IptSaveRule[] = [];
  const starInterfaces: IptSaveRule[] = [];
  const jumps: IptSaveRule[] = [];
  for (const r of table.rules) {
    const sum = r.summary;
    if (sum.kind === 'new-chain' && sum.chain !== undefined) chains.add(sum.chain);
    if (!sum.hasRule) continue;
    if (sum.target === 'LOG' || sum.target === 'NFLOG') logs.push(r);
    if (sum.targetKind === 'chain') jumps.push(r);
    if (sum.stateMatch) stateMatches.push(r);
    if (sum.starInterface) starInterfaces.push(r);
  }
  ix = { userChains: chains, logs, stateMatches, starInterfaces, jumps };
  tableIndexes.set(table, ix);
  return ix;
}

/**
 * `checkIptCommand` with the table's user chains for one dump rule: the line's own issues come
 * with its summary; only an unknown chain builds the rule's AST.
 */
function issuesOfRule(r: IptSaveRule, chains: ReadonlySet<string>): readonly IptIssue[] {
  const sum = r.summary;
  if (!isUnknownChain(r.table, sum.kind, sum.chain, chains)) return sum.issues;
  const unknown = unknownChainIssue(r.command, chains);
  return unknown ? [unknown, ...sum.issues] : sum.issues;
}

const issueIndexCache = new WeakMap<IptablesSave, Map<IptIssueCode, IptIssue[]>>();

/**
 * The issues of a dump by code, in rule order, computed once per dump (eight rules ask, each for
 * one code). Rules without issues leave no trace (no per-rule map entry).
 */
function issuesByCode(save: IptablesSave): Map<IptIssueCode, IptIssue[]> {
  let m = issueIndexCache.get(save);
  if (!m) {
    m = new Map();
    for (const t of save.tables) {
      const chains = userChains(t);
      for (const r of t.rules) {
        for (const issue of issuesOfRule(r, chains)) {
          let list = m.get(issue.code);
          if (!list) m.set(issue.code, (list = []));
          list.push(issue);
        }
      }
    }
    issueIndexCache.set(save, m);
  }
  return m;
}

/** Every issue of the given codes in the host's dumps and iptables hook commands, with the file to report into. */
export function issuesOf(model: HostModel, codes: readonly IptIssueCode[]): Array<{ file: string; issue: IptIssue }> {
  const out: Array<{ file: string; issue: IptIssue }> = [];
  for (const file of saveFiles(model.files)) {
    if (codes.length === 1) {
      for (const issue of issuesByCode(file.ast).get(codes[0]!) ?? []) out.push({ file: file.file.path, issue });
      continue;
    }
    for (const t of file.ast.tables) {
      const chains = userChains(t);
      for (const r of t.rules) for (const issue of issuesOfRule(r, chains)) if (codes.includes(issue.code)) out.push({ file: file.file.path, issue });
    }
  }
  // PreUp/PostUp/... `iptables ...` commands: the same checks (chain existence needs a dump, so not here).
  for (const i of model.interfaces) {
    for (const h of i.hooks) {
      if (h.type !== 'iptables' || h.refused) continue;
      for (const issue of hookIssues(h.ipt)) if (codes.includes(issue.code)) out.push({ file: h.file, issue });
    }
  }
  return out;
}

const hookCache = new WeakMap<IptCommand, IptIssue[]>();
function hookIssues(cmd: IptCommand): IptIssue[] {
  let r = hookCache.get(cmd);
  if (!r) hookCache.set(cmd, (r = checkIptCommand(cmd)));
  return r;
}

/** The text of a rule line as written (for messages), shortened. */
export function lineText(file: SaveFile, rule: IptSaveRule, max = 80): string {
  const t = file.file.text.slice(rule.range.start, rule.range.end).trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const rulesetCache = new WeakMap<IptablesSave, IptRuleset>();

/** The ordered-ruleset model of one dump (built once per dump; do not mutate it). */
export function rulesetOf(file: SaveFile): IptRuleset {
  let r = rulesetCache.get(file.ast);
  if (!r) rulesetCache.set(file.ast, (r = IptRuleset.fromSave(file.ast, file.file.path)));
  return r;
}
