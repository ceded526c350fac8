// Private and preshared keys never reach any output (CONTRACT.md "Secrets"): marker keys, valid and
// invalid base64, in well-formed files, in syntax errors and in hooks, through every CLI output
// format, --fix, format --check, stdin, debug mode, and the in-process API.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintTexts } from '@wglint/engine';
import { parseShell } from '@wglint/shell';
import { parseWgConfig } from '@wglint/wg';
import { runCli, STACK_FRAME, writeTree } from '../fuzz/support/cli.js';

// Valid base64 of 32 bytes (43 chars + '='; the last char's low bits are zero) and invalid ones.
const PRIV = `PRIVxMARKER${'a'.repeat(31)}A=`;
const PSK = `PSKxMARKER${'b'.repeat(32)}A=`;
const BAD_PRIV = 'BADxPRIVxMARKER!!not-base64';
const BAD_PSK = 'SHORTxPSKxMARKER=';
const SPACED = 'SPACED PRIV MARKER aaaaaaaaaaaaaaaaaaaaaaaaaaaa=';
const PUB = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
expect(Buffer.from(PRIV, 'base64').length).toBe(32);
expect(Buffer.from(PSK, 'base64').length).toBe(32);

/** Any piece of any marker: a key's first 12 characters are enough to count as a leak. */
const LEAK = /MARKER|PRIVxMARK|PSKxMARK|aaaaaaaaaaaa|bbbbbbbbbbbb|BADxPRIV|SHORTxPSK|SPACED\s*PRIV/i;

const peer = (psk: string) => `[Peer]\nPublicKey = ${PUB}\nPresharedKey = ${psk}\nAllowedIPs = 10.0.0.2/32\n`;

/** wg configs that hold the markers in every position we could think of. */
const CONFIGS: Record<string, string> = {
  valid: `[Interface]\nAddress = 10.0.0.1/24\nListenPort = 51820\nPrivateKey = ${PRIV}\n\n${peer(PSK)}`,
  invalidBase64: `[Interface]\nPrivateKey = ${BAD_PRIV}\n${peer(BAD_PSK)}`,
  noEquals: `[Interface]\nPrivateKey ${PRIV}\n${peer(PSK)}PresharedKey ${PSK}\n`,
  doubleEquals: `[Interface]\nPrivateKey == ${PRIV}\nPrivateKey = ${PRIV} = ${PSK}\n`,
  unclosedHeader: `[Interface\nPrivateKey = ${PRIV}\n[Peer\nPresharedKey = ${PSK}\n`,
  preamble: `PrivateKey = ${PRIV}\n[Interface]\nAddress = 10.0.0.1/24\n`,
  wrongSection: `[Interface]\nAddress = 10.0.0.1/24\n[Peer]\nPublicKey = ${PUB}\nPrivateKey = ${PRIV}\n[Interface]\nPresharedKey = ${PSK}\n`,
  spelledOddly: `[interface]\nprivatekey=${PRIV}\nPrivate Key = ${PRIV}\nPRIVATEKEY\t=\t${BAD_PRIV}\n[peer]\npresharedkey=${PSK}\nPreshared Key = ${SPACED}\n`,
  duplicated: `[Interface]\nPrivateKey = ${PRIV}\nPrivateKey = ${BAD_PRIV}\n${peer(PSK)}PresharedKey = ${BAD_PSK}\n`,
  trailingComment: `[Interface]\nPrivateKey = ${PRIV} # ${PSK}\nPrivateKey = "${PRIV}"\nPrivateKey = '${BAD_PRIV}'\n`,
  spaced: `[Interface]\nPrivateKey = ${SPACED}\n`,
  unknownSection: `[Interface]\nAddress = 10.0.0.1/24\n[Bogus]\nPrivateKey = ${PRIV}\nPresharedKey = ${PSK}\n`,
  hooks: [
    '[Interface]',
    'Address = 10.0.0.1/24',
    `PostUp = wg set %i private-key <(echo ${PRIV})`,
    `PostUp = echo ${PSK} | wg set %i peer ${PUB} preshared-key /dev/stdin`,
    `PreUp = wg set %i peer ${PUB} preshared-key <(printf '%s' '${BAD_PSK}')`,
    `PostUp = wg set %i private-key <(echo "${BAD_PRIV}`,
    `PostDown = iptables -A INPUT -m comment --comment "${PRIV}" -j ACCEPT ; echo $(( ${PSK}`,
    `PostUp = ${PRIV}`,
    '',
  ].join('\n'),
  crlfBom: `\uFEFF[Interface]\r\nPrivateKey = ${PRIV}\r\n${peer(PSK).replace(/\n/g, '\r\n')}`,
  controlChars: `[Interface]\nPrivateKey = ${PRIV}\u0001\u0002\n[Peer]\nPresharedKey = \u007f${PSK}\nPrivateKey=${BAD_PRIV}\u0000\n`,
};

const files: Record<string, string> = {};
for (const [name, text] of Object.entries(CONFIGS)) files[join('hosts', name, 'etc/wireguard/wg0.conf')] = text;
// a host where the keys sit next to other files, so cross-file rules run too
files['hosts/valid/etc/iptables/rules.v4'] = '*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j REJECT\n-A FORWARD -i wg0 -j ACCEPT\nCOMMIT\n';
files['hosts/valid/etc/sysctl.d/99-wg.conf'] = 'net.ipv4.conf.all.rp_filter = 1\n';
// a loose file with no host root, named explicitly
files['loose/wg1.conf'] = CONFIGS['spelledOddly']!;

const root = writeTree(files, 'wglint-secrets-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const expectNoLeak = (what: string, out: string) => {
  const m = LEAK.exec(out);
  expect(m ? `${what} leaks ${JSON.stringify(out.slice(Math.max(0, m.index - 120), m.index + 60))}` : undefined).toBeUndefined();
};

describe('no CLI output contains a key', () => {
  it.each(['stylish', 'json', 'sarif', 'github'])('--format %s', (format) => {
    const r = runCli(['--format', format, 'hosts', 'loose/wg1.conf'], { cwd: root });
    expect(r.timedOut).toBe(false);
    expect(r.stdout.length).toBeGreaterThan(0);
    expectNoLeak(`--format ${format} stdout`, r.stdout);
    expectNoLeak(`--format ${format} stderr`, r.stderr);
  });

  it('with WGLINT_DEBUG=1 (logs, errors and traces)', () => {
    for (const format of ['stylish', 'json']) {
      const r = runCli(['--format', format, 'hosts'], { cwd: root, env: { WGLINT_DEBUG: '1' } });
      expectNoLeak('debug stdout', r.stdout);
      expectNoLeak('debug stderr', r.stderr);
    }
  });

  it('--fix reports what remains without keys', () => {
    const copy = writeTree(files, 'wglint-secrets-fix-');
    try {
      for (const format of ['json', 'stylish']) {
        const r = runCli(['--fix', '--format', format, 'hosts'], { cwd: copy });
        expectNoLeak(`--fix ${format} stdout`, r.stdout);
        expectNoLeak(`--fix ${format} stderr`, r.stderr);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('format --check', () => {
    const r = runCli(['format', '--check', 'hosts'], { cwd: root });
    expectNoLeak('format --check stdout', r.stdout);
    expectNoLeak('format --check stderr', r.stderr);
  });

  it('stdin, each config', () => {
    for (const [name, text] of Object.entries(CONFIGS)) {
      for (const format of name === 'hooks' ? ['json', 'sarif', 'github'] : ['json']) {
        const r = runCli(['--lang', 'wg', '--stdin-filename', 'wg0.conf', '--format', format, '-'], { input: text });
        expectNoLeak(`stdin ${name} ${format} stdout`, r.stdout);
        expectNoLeak(`stdin ${name} ${format} stderr`, r.stderr);
      }
    }
  });

  it('error paths: usage errors and a bad --rule next to key files', () => {
    for (const args of [['--rule', `${PRIV}:off`, 'hosts'], ['--format', 'nope', 'hosts'], ['--config', 'hosts/valid/etc/wireguard/wg0.conf', 'hosts']]) {
      const r = runCli(args, { cwd: root });
      // the first case names the marker itself on the command line; the others must not echo file content
      if (args[1]!.includes('MARKER')) continue;
      expect(STACK_FRAME.test(r.stderr)).toBe(false);
      expectNoLeak(`${args.join(' ')} stderr`, r.stderr);
      expectNoLeak(`${args.join(' ')} stdout`, r.stdout);
    }
  });
});

describe('no in-process message contains a key', () => {
  it.each(Object.entries(CONFIGS))('%s: parser problems and lint diagnostics', (_name, text) => {
    const parsed = parseWgConfig(text, { interfaceName: 'wg0' });
    for (const p of parsed.problems) expectNoLeak('wg parser problem', p.message);
    const diags = lintTexts({ 'etc/wireguard/wg0.conf': text, 'etc/iptables/rules.v4': files['hosts/valid/etc/iptables/rules.v4']! });
    for (const d of diags) expectNoLeak(`${d.ruleId} message`, d.message);
  });

  it('the AST does not serialise key values (ASTs get dumped: print-ast, editor tooling)', () => {
    for (const name of ['valid', 'spelledOddly', 'invalidBase64']) {
      expectNoLeak(`JSON.stringify(parseWgConfig(${name}).ast)`, JSON.stringify(parseWgConfig(CONFIGS[name]!).ast, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    }
  });

  it('shell problems in hooks do not quote keys', () => {
    for (const line of CONFIGS['hooks']!.split('\n').filter((l) => /^(Pre|Post)/.test(l))) {
      const value = line.slice(line.indexOf('=') + 1).trim();
      for (const p of parseShell(value, { baseOffset: 0, interfaceName: 'wg0' }).problems) expectNoLeak('shell problem', p.message);
    }
  });
});
