import type { IptFamily, IptOption } from '../ast.js';
import type { ValueCheck } from '../values.js';

/** How many argument words an option takes. */
export type OptArity = 0 | 1 | 2 | 'optional';

/** One option of an extension, as in libxtables' `xt_option_entry`. */
export interface OptDef {
  /** Long name without dashes. */
  readonly name: string;
  readonly arity: OptArity;
  /** Checks each argument (for arity 2, `check2` checks the second). */
  readonly check?: ValueCheck;
  readonly check2?: ValueCheck;
  /** May be preceded by `!`. */
  readonly invert: boolean;
  /** Must be given. */
  readonly mandatory: boolean;
  /** May be given more than once. */
  readonly multi: boolean;
  /** Options that cannot be used together with this one. */
  readonly excl: readonly string[];
  /** Options this one needs. */
  readonly also: readonly string[];
  /** Canonical name when this is a synonym (`sport` → `source-port`). */
  readonly canonical?: string;
}

/** What a final check sees: the options given to this extension and the rule around it. */
export interface FinalContext {
  readonly family: IptFamily;
  readonly options: readonly IptOption[];
  /** The option by canonical name, the last one given. */
  get(name: string): IptOption | undefined;
  has(name: string): boolean;
  /** `-p` value (lowercased name, or number as text) when given without `!`. */
  readonly protocol?: string;
}

/** A problem found by a final check; `option` names the option to point at (else the module name). */
export interface FinalProblem {
  readonly message: string;
  readonly option?: string;
}

/** A match or target extension. */
export interface ExtDef {
  readonly name: string;
  readonly kind: 'match' | 'target';
  /** Only in this family (`icmp` is IPv4, `icmp6` IPv6); absent = both. */
  readonly family?: IptFamily;
  readonly options: readonly OptDef[];
  /** The rule must have `-p` one of these (protocol names); absent = any. */
  readonly protocols?: readonly string[];
  /** Tables the kernel accepts this extension in; absent = any. */
  readonly tables?: readonly string[];
  /** Built-in chains (hooks) the kernel accepts it from; absent = any. */
  readonly hooks?: readonly string[];
  /** Cross-option checks after parsing (xtables `x6_fcheck`). */
  readonly final?: (ctx: FinalContext) => FinalProblem | string | undefined;
  /** For targets: never returns to the chain (ACCEPT, DROP, REJECT, ...). */
  readonly terminal?: boolean;
}

/**
 * Declares an option. `flags`: `I` may be inverted, `M` mandatory, `U` may repeat,
 * `2` takes two words, `?` takes an optional word; no check and no `2`/`?` means a flag.
 */
export function opt(
  name: string,
  check: ValueCheck | null,
  flags = '',
  extra: { excl?: readonly string[]; also?: readonly string[]; canonical?: string; check2?: ValueCheck } = {},
): OptDef {
  const arity: OptArity = flags.includes('2') ? 2 : flags.includes('?') ? 'optional' : check ? 1 : 0;
  return {
    name,
    arity,
    ...(check ? { check } : {}),
    ...(extra.check2 ? { check2: extra.check2 } : {}),
    invert: flags.includes('I'),
    mandatory: flags.includes('M'),
    multi: flags.includes('U'),
    excl: extra.excl ?? [],
    also: extra.also ?? [],
    ...(extra.canonical ? { canonical: extra.canonical } : {}),
  };
}

/** Makes every option in `names` exclusive with the others of the group. */
export function exclusive(options: readonly OptDef[], names: readonly string[]): OptDef[] {
  return options.map((o) => (names.includes(o.name) ? { ...o, excl: [...o.excl, ...names.filter((n) => n !== o.name)] } : o));
}

/** Final check: at least one of the options must be given. */
export function needOneOf(names: readonly string[], message?: string): (ctx: FinalContext) => string | undefined {
  return (ctx) => {
    // A plain loop: this runs for every rule with such an extension.
    for (let k = 0; k < names.length; k++) if (ctx.has(names[k]!)) return undefined;
    return message ?? `one of ${names.map((n) => `--${n}`).join(', ')} is required`;
  };
}
