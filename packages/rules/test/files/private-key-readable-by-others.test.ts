import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@wglint/core';
import { lintTexts, runRules } from '@wglint/engine';
import { buildHostModel, parseSourceFile } from '@wglint/host';
import { allRules } from '@wglint/rules';
import { describe, expect, it } from 'vitest';
import rule from '../../src/files/private-key-readable-by-others.js';

const ID = 'private-key-readable-by-others';
const CONF = 'etc/wireguard/wg0.conf';
const PRIV = '0BlRYvV9woRK6Iexd83k2PBvm8QmGZJIYU/vKYutc20=';
const PUB = 'xcdtfuYLFnQomdnbMrDMqzul37ZMTt/QC0rMu54WdR8=';
const PSK = 'qO4Hh8/Io8GuvtKti1CkZOraMje86FkUrH5FJ7uRqVs=';
const WITH_KEY = `[Interface]\nAddress = 10.8.0.1/24\nPrivateKey = ${PRIV}\n\n[Peer]\nPublicKey = ${PUB}\nAllowedIPs = 10.8.0.2/32\n`;

/** The rule's diagnostics for one wg file read from disk with these permission bits. */
function lintWithMode(text: string, mode: number | undefined, dirMode?: number, file = CONF): Diagnostic[] {
  const source = { path: file, text, language: 'wg' as const, ...(mode === undefined ? {} : { mode }), ...(dirMode === undefined ? {} : { dirMode }) };
  return runRules(buildHostModel('.', [parseSourceFile(source)]), allRules).filter((d) => d.ruleId === ID);
}

describe(ID, () => {
  it('is registered', () => {
    expect(allRules).toContain(rule);
  });

  describe('valid', () => {
    it.each([
      ['0600', 0o600, undefined],
      ['0400', 0o400, undefined],
      ['0700 (owner execute only)', 0o700, undefined],
      ['0644 in a 0700 directory (nobody else can enter it; wg-quick stays quiet too)', 0o644, 0o700],
      ['0640 in a 0701 directory (others may enter, but have no bits on the file)', 0o640, 0o701],
      ['0604 in a 0750 directory (others cannot enter)', 0o604, 0o750],
    ])('%s', (_name, mode, dirMode) => {
      expect(lintWithMode(WITH_KEY, mode, dirMode)).toEqual([]);
    });

    it('no mode known (editor buffer, stdin, lintTexts)', () => {
      expect(lintTexts({ [CONF]: WITH_KEY }).filter((d) => d.ruleId === ID)).toEqual([]);
      expect(lintWithMode(WITH_KEY, undefined)).toEqual([]);
    });

    it('a world-readable file without keys (key loaded by a hook from a 0600 file)', () => {
      const text = `[Interface]\nAddress = 10.8.0.1/24\nPostUp = wg set %i private-key /etc/wireguard/%i.key\n\n[Peer]\nPublicKey = ${PUB}\nAllowedIPs = 10.8.0.2/32\n`;
      expect(lintWithMode(text, 0o644, 0o755)).toEqual([]);
    });

    it('an empty PrivateKey value holds no secret', () => {
      expect(lintWithMode('[Interface]\nPrivateKey =\nAddress = 10.8.0.1/24\n', 0o644, 0o755)).toEqual([]);
    });

    it('a commented-out key is not a key', () => {
      expect(lintWithMode(`[Interface]\n# PrivateKey = ${PRIV}\nAddress = 10.8.0.1/24\n`, 0o644, 0o755)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('0644 in a 0755 directory: others and group can read, reported on the PrivateKey line', () => {
      const [d, ...rest] = lintWithMode(WITH_KEY, 0o644, 0o755);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('warning');
      expect(WITH_KEY.slice(d!.range.start, d!.range.end)).toBe('PrivateKey');
      expect(d!.message).toContain('0644');
      expect(d!.message).toContain('group can read it');
      expect(d!.message).toContain('others can read it');
      expect(d!.message).toContain('chmod 600');
    });

    it.each([
      ['0640: group can read', 0o640, 'group can read it'],
      ['0604: others can read', 0o604, 'others can read it'],
      ['0620: group can write (and so run hooks as root)', 0o620, 'group can write it'],
      ['0666: everyone can read and write', 0o666, 'others can read and write it'],
    ])('%s (directory mode unknown)', (_name, mode, phrase) => {
      const ds = lintWithMode(WITH_KEY, mode);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toContain(phrase);
    });

    it('a PresharedKey alone is a secret too', () => {
      const text = `[Interface]\nAddress = 10.8.0.1/24\nPostUp = wg set %i private-key /etc/wireguard/%i.key\n\n[Peer]\nPublicKey = ${PUB}\nPresharedKey = ${PSK}\nAllowedIPs = 10.8.0.2/32\n`;
      const ds = lintWithMode(text, 0o644, 0o755);
      expect(ds).toHaveLength(1);
      expect(text.slice(ds[0]!.range.start, ds[0]!.range.end)).toBe('PresharedKey');
      expect(ds[0]!.message).toContain('PresharedKey');
    });

    it('odd spellings that wg reads (`privatekey`) count', () => {
      expect(lintWithMode(`[Interface]\nprivatekey = ${PRIV}\n`, 0o644)).toHaveLength(1);
    });

    it('a file without a host root (a loose wg0.conf) is checked too', () => {
      expect(lintWithMode(WITH_KEY, 0o644, 0o755, 'wg0.conf')).toHaveLength(1);
    });

    it('never prints the key', () => {
      const ds = lintWithMode(`${WITH_KEY}[Peer]\nPublicKey = ${PUB}\nPresharedKey = ${PSK}\n`, 0o666, 0o777);
      expect(JSON.stringify(ds)).not.toContain(PRIV);
      expect(JSON.stringify(ds)).not.toContain(PSK);
    });
  });

  it('docs page: fixed headings, and its examples behave as documented', () => {
    const md = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../../../../docs/rules/${ID}.md`), 'utf8');
    for (const h of ['## What it does', '## Why is this bad?', '## Examples', '## How to fix', '## How to suppress']) expect(md).toContain(h);
    const blocks = [...md.matchAll(/```ini\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const [bad, good] = blocks as [string, string];
    // the examples state the mode in their first comment line: `# etc/wireguard/wg0.conf (mode 0644)`
    const modeOf = (b: string) => parseInt(/\(mode (0\d{3})\)/.exec(b)![1]!, 8);
    expect(lintWithMode(bad, modeOf(bad), 0o755)).toHaveLength(1);
    expect(lintWithMode(good, modeOf(good), 0o755)).toEqual([]);
  });
});
