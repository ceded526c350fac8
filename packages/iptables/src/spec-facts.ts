import type { IptOption, IptRuleSpec } from './ast.js';

/**
 * The option the kernel's state check reads: the last `-m conntrack --ctstate` or `-m state
 * --state` of the rule, or undefined.
 */
export function stateOptionOf(spec: IptRuleSpec): IptOption | undefined {
  let state: IptOption | undefined;
  for (const m of spec.matches) {
    const opt = m.name === 'conntrack' ? 'ctstate' : m.name === 'state' ? 'state' : undefined;
    if (opt === undefined) continue;
    for (const o of m.options) if (o.name === opt) state = o;
  }
  return state;
}

/** True when the rule matches conntrack/state ESTABLISHED or RELATED (not negated). */
export function matchesEstablished(spec: IptRuleSpec): boolean {
  return spec.matches.some((m) =>
    m.options.some(
      (o) => (o.name === 'ctstate' || o.name === 'state') && !o.negated && /(^|,)(ESTABLISHED|RELATED)(,|$)/.test(o.args[0]?.text ?? ''),
    ),
  );
}
