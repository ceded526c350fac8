// nft's define scoping, checked against the real nft (`unshare -n nft -f` + `nft list ruleset` in a
// private network namespace): the canonical printer inlines each `$var` with the value nft uses
// there, and the symbol model resolves (or fails to resolve) each use as nft does. Needs root and
// nft; when either is missing it prints loudly that it did NOT run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNftModel, parseNft, printNftCanonical } from '../src/index.js';
import { nftOracleUnavailable } from './support/oracle.js';

const why = nftOracleUnavailable('nft DEFINE-SCOPE ORACLE TEST', 'define scoping was not checked against the real nft');

const dir = why ? '' : mkdtempSync(path.join(tmpdir(), 'wglint-nft-scope-'));
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
/** Loads `text` into an empty private ruleset; the listing when it loads, else nft's first error line. */
function nftLoad(text: string): { ok: boolean; listing: string; error: string } {
  const f = path.join(dir, `scope-${seq++}.nft`);
  writeFileSync(f, text);
  const r = spawnSync('unshare', ['-n', 'sh', '-c', 'nft -f "$1" && nft list ruleset', 'sh', f], { encoding: 'utf8', timeout: 20_000 });
  return { ok: r.status === 0, listing: r.stdout ?? '', error: (r.stderr ?? '').split('\n')[0] ?? '' };
}

/** Valid inputs whose `$var`s resolve differently by scope. */
const LOADING = [
  // redefine in a chain shadows the file-level value in that chain only
  'define p = 22\ntable inet a {\n\tchain c {\n\t\tredefine p = 23\n\t\ttcp dport $p accept\n\t}\n\tchain d {\n\t\ttcp dport $p accept\n\t}\n}\ntable inet b {\n\tchain e {\n\t\ttcp dport $p accept\n\t}\n}\n',
  // a later file-level redefine affects later uses only
  'define p = 22\ntable inet a {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\nredefine p = 24\nadd rule inet a c tcp sport $p accept\n',
  // undefine unbinds in its own block only: the outer value shows again
  'define p = 22\ntable inet a {\n\tredefine p = 23\n\tundefine p\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n',
  'define p = 22\ntable inet a {\n\tchain c {\n\t\tundefine p\n\t\ttcp dport $p accept\n\t}\n}\n',
  // table- and chain-block defines, redefined between rules; set elements resolve where written
  'table inet a {\n\tdefine s = { 1.2.3.4, 5.6.7.8 }\n\tchain c {\n\t\tdefine q = 80\n\t\ttcp dport $q ip saddr $s accept\n\t\tredefine q = 81\n\t\ttcp dport $q accept\n\t}\n}\n',
  'define p = 1\ntable inet a {\n\tset x {\n\t\ttype inet_service\n\t\telements = { $p }\n\t}\n}\nredefine p = 2\nadd element inet a x { $p }\n',
  // set and object blocks open no scope: their defines bind in the table, for the lines after them
  'table inet a {\n\tset s {\n\t\tdefine x = 22\n\t\ttype inet_service\n\t\telements = { $x }\n\t}\n\tchain c {\n\t\ttcp dport $x accept\n\t}\n}\n',
  'table inet a {\n\tcounter k {\n\t\tdefine x = 23\n\t\tpackets 0 bytes 0\n\t}\n\tchain c {\n\t\ttcp dport $x accept\n\t}\n}\n',
  // the same name defined in two sibling tables
  'table inet a {\n\tdefine p = 1\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\ntable inet b {\n\tdefine p = 2\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n',
];

/** Inputs nft refuses for scoping reasons, with its message and what the model must show. */
const REFUSED: { text: string; error: string; check: (m: ReturnType<typeof buildNftModel>) => boolean }[] = [
  {
    text: 'table inet a {\n\tdefine p = 22\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\ntable inet b {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n',
    error: "unknown identifier 'p'",
    check: (m) => m.variableUses.map((u) => u.define !== null).join() === 'true,false',
  },
  {
    text: 'table inet a {\n\tchain c {\n\t\tdefine p = 23\n\t\ttcp dport $p accept\n\t}\n\tchain d {\n\t\ttcp dport $p accept\n\t}\n}\n',
    error: "unknown identifier 'p'",
    check: (m) => m.variableUses.map((u) => u.define !== null).join() === 'true,false',
  },
  {
    text: 'table inet a {\n\tchain c {\n\t\ttcp dport $p accept\n\t\tdefine p = 22\n\t}\n}\n',
    error: "unknown identifier 'p'",
    check: (m) => m.variableUses[0]!.define === null && !m.variableUses[0]!.chainLocal,
  },
  {
    text: 'define p = 22\nundefine p\ntable inet a {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n',
    error: "unknown identifier 'p'",
    check: (m) => m.variableUses[0]!.define === null,
  },
  {
    text: 'define p = 22\ntable inet a {\n\tchain c {\n\t\tdefine p = 23\n\t\ttcp dport $p accept\n\t}\n}\n',
    error: "redefinition of symbol 'p'",
    check: (m) => m.defines[1]!.redefinitionOf === m.defines[0]!,
  },
  {
    text: 'define p = 22\ntable inet a {\n\tdefine p = 23\n}\n',
    error: "redefinition of symbol 'p'",
    check: (m) => m.defines[1]!.redefinitionOf === m.defines[0]!,
  },
  {
    text: 'table inet a {\n\tset s {\n\t\tdefine x = 22\n\t\ttype inet_service\n\t}\n}\ntable inet b {\n\tchain c {\n\t\ttcp dport $x accept\n\t}\n}\n',
    error: "unknown identifier 'x'",
    check: (m) => m.variableUses[0]!.define === null && m.defines[0]!.scope === 'inet a',
  },
  {
    text: 'define x = 1\ntable inet a {\n\tset s {\n\t\ttype inet_service\n\t\tdefine x = 22\n\t}\n}\n',
    error: "redefinition of symbol 'x'",
    check: (m) => m.defines[1]!.redefinitionOf === m.defines[0]!,
  },
];

describe.skipIf(why !== null)('define scoping against the real nft', () => {
  it.each(LOADING.map((t, i) => [i, t] as const))('case %i: the canonical print inlines what nft lists', (_i, text) => {
    const r = nftLoad(text);
    expect(r.error).toBe('');
    const parsed = parseNft(text);
    expect(parsed.problems).toEqual([]);
    expect(printNftCanonical(parsed.ast)).toBe(r.listing);
    const m = buildNftModel({ file: 'a.nft', ast: parsed.ast, text });
    expect(m.variableUses.every((u) => u.define !== null)).toBe(true);
    expect(m.defines.every((d) => d.redefinitionOf === null)).toBe(true);
  });

  it.each(REFUSED.map((c, i) => [i, c] as const))('case %i: nft refuses it and the model shows why', (_i, c) => {
    const r = nftLoad(c.text);
    expect(r.ok).toBe(false);
    expect(r.error).toContain(c.error);
    const parsed = parseNft(c.text);
    expect(parsed.problems).toEqual([]);
    expect(c.check(buildNftModel({ file: 'a.nft', ast: parsed.ast, text: c.text }))).toBe(true);
  });
});
