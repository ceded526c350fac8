import type { IptRuleSpec } from './ast.js';

/** True when the rule matches conntrack/state ESTABLISHED or RELATED (not negated). */
export function matchesEstablished(spec: IptRuleSpec): boolean {
  return spec.matches.some((m) =>
    m.options.some(
      (o) => (o.name === 'ctstate' || o.name === 'state') && !o.negated && /(^|,)(ESTABLISHED|RELATED)(,|$)/.test(o.args[0]?.text ?? ''),
    ),
  );
}
