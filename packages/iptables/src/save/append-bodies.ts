import type { IptRuleSummary } from '../ast.js';
import { BUILTIN_CHAINS } from '../validity.js';
import { relocateSummary } from './summary.js';

/**
 * Summaries of the `-A CHAIN BODY` lines of one table, by BODY. A dump repeats rule bodies across
 * chains (a chain per peer or per service, each with the same conntrack, ICMP and REJECT rules),
 * and a body parses to the same rule whatever user chain it is appended to, so a repeated body is
 * summarised without parsing it again. The checks that depend on the chain concern built-in chains
 * (their hooks), so a built-in chain's name is part of the key. Only bodies that parsed without a
 * problem or an issue are kept: a line with a problem is always parsed, so its problems are reported.
 */
export class AppendBodies {
  #builtins: readonly string[] = [];
  readonly #byKey = new Map<string, IptRuleSummary>();
  /** Of the line `key` last looked at: where it starts, its key, its chain and where the chain ends. */
  #from = -1;
  #key: string | undefined = undefined;
  #chain = '';
  #chainEnd = -1;

  /** Forgets the bodies of the previous table (a body's checks depend on its table). */
  startTable(name: string): void {
    this.#builtins = BUILTIN_CHAINS[name] ?? [];
    this.#byKey.clear();
    this.#from = -1;
  }

  /** The summary of the line from `from` to `to` when its body was seen before in this table. */
  lookup(text: string, from: number, to: number): IptRuleSummary | undefined {
    const key = this.#keyOf(text, from, to);
    if (key === undefined) return undefined;
    const template = this.#byKey.get(key);
    return template && relocateSummary(template, this.#chain, from, this.#chainEnd);
  }

  /** Keeps the summary of a line that parsed without problems (after a `lookup` miss). */
  remember(text: string, from: number, to: number, summary: IptRuleSummary): void {
    // the key `lookup` just computed for this line, when it did
    const key = this.#from === from ? this.#key : this.#keyOf(text, from, to);
    if (key === undefined || summary.issues.length > 0 || summary.kind !== 'append' || !summary.hasRule) return;
    // The line must have parsed as the key says: `-A` at `from`, this chain, ending where the key's does.
    if (summary.chain !== this.#chain || summary.headStart !== from || summary.headEnd !== this.#chainEnd) return;
    this.#byKey.set(key, summary);
  }

  /**
   * `BODY` (with `CHAIN` in front when it is a built-in) of a line `-A CHAIN BODY` written plainly:
   * one space after `-A` and after the chain, no quote or tab in the chain, which is not an option.
   */
  #keyOf(text: string, from: number, to: number): string | undefined {
    this.#from = from;
    this.#key = undefined;
    if (to - from < 6 || text.charCodeAt(from) !== 45 /* - */ || text.charCodeAt(from + 1) !== 65 /* A */ || text.charCodeAt(from + 2) !== 32) return undefined;
    const start = from + 3;
    const first = text.charCodeAt(start);
    if (first === 45 /* - */ || first === 33 /* ! */ || first === 32) return undefined;
    let end = start;
    for (; end < to; end++) {
      const c = text.charCodeAt(end);
      if (c === 32) break;
      if (c === 34 /* " */ || c === 9 || c === 13) return undefined;
    }
    if (end + 1 >= to) return undefined;
    const chain = text.slice(start, end);
    this.#chain = chain;
    this.#chainEnd = end;
    const body = text.slice(end + 1, to);
    this.#key = this.#builtins.includes(chain) ? `${chain}\u0000${body}` : body;
    return this.#key;
  }
}
