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
} from '@wglint/iptables';

/** A parsed iptables-save file of the host. */
export type SaveFile = ParsedFile & { readonly language: 'iptables-save' };

/** The iptables-save files of the model that diagnostics may be reported into. */
export function saveFiles(files: readonly ParsedFile[]): SaveFile[] {
  return files.filter((f): f is SaveFile => f.language === 'iptables-save' && f.lint);
}

/** User chains of a table: declared with `:NAME -` (or any non-built-in `:` line) or created with -N. */
export function userChains(table: IptSaveTable): Set<string> {
  const out = new Set<string>();
  for (const c of table.chains) if (!isBuiltinChain(table.name, c.name)) out.add(c.name);
  for (const r of table.rules) if (r.command.kind === 'new-chain' && r.command.chain) out.add(r.command.chain.text);
  return out;
}

const issueCache = new WeakMap<IptablesSave, Map<IptSaveRule, IptIssue[]>>();

/** `checkIptCommand` for every rule of a dump, computed once per dump. */
export function ruleIssues(save: IptablesSave): Map<IptSaveRule, IptIssue[]> {
  let m = issueCache.get(save);
  if (!m) {
    m = new Map();
    for (const t of save.tables) {
      const chains = userChains(t);
      for (const r of t.rules) m.set(r, checkIptCommand(r.command, { userChains: chains }));
    }
    issueCache.set(save, m);
  }
  return m;
}

/** Every issue of the given codes in the host's dumps and iptables hook commands, with the file to report into. */
export function issuesOf(model: HostModel, codes: readonly IptIssueCode[]): Array<{ file: string; issue: IptIssue }> {
  const out: Array<{ file: string; issue: IptIssue }> = [];
  for (const file of saveFiles(model.files)) {
    for (const issues of ruleIssues(file.ast).values()) {
      for (const issue of issues) if (codes.includes(issue.code)) out.push({ file: file.file.path, issue });
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
