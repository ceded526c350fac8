import type { TextRange, Word } from '@wglint/core';
import type { FirewallCmdChange, FirewallCmdFact } from './model.js';

/**
 * Zone (or policy) settings firewall-cmd adds and removes as `--add-NAME[=VALUE]` and
 * `--remove-NAME[=VALUE]` (firewall-cmd(1)), with whether they take a value. `--change-interface`
 * and `--change-source` bind like `--add-*`.
 */
const SETTINGS: ReadonlyMap<string, boolean> = new Map([
  ['service', true],
  ['port', true],
  ['protocol', true],
  ['source-port', true],
  ['icmp-block', true],
  ['forward-port', true],
  ['rich-rule', true],
  ['interface', true],
  ['source', true],
  ['masquerade', false],
  ['icmp-block-inversion', false],
  ['forward', false],
]);

/** Options that only read or print: a command made of them changes nothing. */
const READ_ONLY = /^--(?:list-|query-|get-|info-|state$|version$|help$)/;

/**
 * What `firewall-cmd ARGS` changes in firewalld's runtime or permanent configuration, for the
 * settings above and `--direct --add-rule`/`--remove-rule`. Undefined when it does something this
 * model does not follow (`--reload`, `--direct --passthrough`, `--runtime-to-permanent`, a new
 * zone, an option it does not know): callers treat that like a script, which may do anything.
 */
export function firewallCmdFactOf(args: readonly Word[]): FirewallCmdFact | undefined {
  let permanent = false;
  let timeout = false;
  let direct = false;
  let scope: string | undefined;
  const changes: FirewallCmdChange[] = [];
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!;
    const eq = w.text.indexOf('=');
    const name = eq < 0 ? w.text : w.text.slice(0, eq);
    /** The option's value: after `=`, or the next word (argparse takes both). */
    const value = (): string | undefined => (eq >= 0 ? w.text.slice(eq + 1) : args[++k]?.text);
    if (name === '--permanent') permanent = true;
    else if (name === '-q' || name === '--quiet') continue;
    else if (name === '--direct') direct = true;
    else if (name === '--timeout') timeout = value() !== undefined;
    else if (name === '--zone' || name === '--policy') {
      const v = value();
      if (v === undefined) return undefined;
      scope = name === '--zone' ? v : `policy ${v}`;
    } else if (direct && (name === '--add-rule' || name === '--remove-rule')) {
      // `--direct --add-rule { ipv4 | ipv6 | eb } TABLE CHAIN PRIORITY ARGS...`: the rest of the line
      const rest = args.slice(k + 1);
      if (rest.length < 4) return undefined;
      const rule = rest.map((r) => r.text).join(' ');
      changes.push({ op: name === '--add-rule' ? 'add' : 'remove', setting: 'direct-rule', value: rule, key: rule, range: spanOf(w, rest) });
      break;
    } else if (READ_ONLY.test(name)) continue;
    else {
      const m = /^--(add|remove|change)-(.+)$/.exec(name);
      const setting = m ? m[2]! : '';
      const takesValue = SETTINGS.get(setting);
      if (!m || direct || takesValue === undefined || (m[1] === 'change' && setting !== 'interface' && setting !== 'source')) return undefined;
      const v = takesValue ? value() : '';
      if (v === undefined) return undefined;
      const op = m[1] === 'remove' ? 'remove' : 'add';
      changes.push({ op, setting, value: v, key: setting === 'rich-rule' ? richRuleKey(v) : v, range: spanOf(w, eq < 0 && takesValue ? [args[k]!] : []) });
    }
  }
  return { permanent, timeout, ...(scope !== undefined ? { scope } : {}), changes };
}

/** firewalld compares rich rules parsed, so quoting and spacing do not matter: `family="ipv4"` is `family=ipv4`. */
function richRuleKey(rule: string): string {
  return rule.replace(/"/g, '').replace(/\s+/g, ' ').trim();
}

function spanOf(first: Word, rest: readonly Word[]): TextRange {
  const last = rest.length > 0 ? rest[rest.length - 1]! : first;
  return { start: first.range.start, end: last.range.end };
}
