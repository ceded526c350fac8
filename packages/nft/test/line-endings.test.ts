// CRLF in nft files: nft's scanner reads a CR outside a comment as "unexpected junk". The unit
// cases need no tool; the oracle cases hold wglint to `unshare -n nft -c -f` and say loudly when
// they did not run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNftSource } from '../src/index.js';
import { nftOracleUnavailable } from './support/oracle.js';

const RULESET = 'table inet t {\n  chain c {\n    type filter hook input priority 0; policy accept;\n    tcp dport 22 accept\n  }\n}\n';

const CASES: ReadonlyArray<{ label: string; text: string; refused: boolean }> = [
  { label: 'LF only', text: RULESET, refused: false },
  { label: 'every line CRLF', text: RULESET.replace(/\n/g, '\r\n'), refused: true },
  { label: 'one CRLF line in the middle', text: RULESET.replace('accept\n', 'accept\r\n'), refused: true },
  { label: 'CR at the end of a comment', text: RULESET.replace('accept\n', 'accept # ssh\r\n'), refused: false },
  { label: 'CR in a comment line', text: `# generated on Windows\r\n${RULESET}`, refused: false },
  { label: 'CR inside a quoted comment string', text: RULESET.replace('accept\n', 'accept comment "a\rb"\n'), refused: false },
  { label: 'CRLF after a quoted string', text: RULESET.replace('accept\n', 'accept comment "ssh"\r\n'), refused: true },
];

const crProblems = (text: string) => parseNftSource(text).problems.filter((p) => /carriage return/.test(p.message));

describe('nft CRLF line endings', () => {
  for (const c of CASES) {
    it(`${c.refused ? 'reports' : 'accepts'}: ${c.label}`, () => {
      expect(crProblems(c.text).length).toBe(c.refused ? 1 : 0);
    });
  }
  it('reports the first CR once, with its line and how many lines follow', () => {
    const text = RULESET.replace(/\n/g, '\r\n');
    const [p] = crProblems(text);
    expect(p!.range.start).toBe(text.indexOf('\r'));
    expect(p!.message).toMatch(/^line 1 ends with a carriage return \(CRLF line ending, column 15\), and 5 more lines after it do: nft refuses/);
    expect(p!.message).toMatch(/dos2unix/);
  });
  it('leaves JSON input alone (JSON allows CR as white space)', () => {
    expect(crProblems('{"nftables": []}\r\n')).toEqual([]);
  });
});

const why = nftOracleUnavailable('nft CRLF ORACLE TEST', 'CRLF handling was not checked against the real nft');
const dir = why ? '' : mkdtempSync(path.join(tmpdir(), 'wglint-nft-crlf-'));
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(why !== null)('nft CRLF line endings against `nft -c -f`', () => {
  CASES.forEach((c, k) => {
    it(`${c.label}: nft ${c.refused ? 'refuses' : 'accepts'} it as wglint says`, () => {
      const f = path.join(dir, `crlf-${k}.nft`);
      writeFileSync(f, c.text);
      const r = spawnSync('unshare', ['-n', 'nft', '-c', '-f', f], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status === 0 ? 'accepted' : `refused: ${r.stderr}`).toMatch(c.refused ? /^refused: .*unexpected junk/s : /^accepted$/);
      expect(crProblems(c.text).length).toBe(c.refused ? 1 : 0);
    });
  });
});
