// End to end: the CLI reads file and directory modes from disk (SourceFile.mode / dirMode) so
// `private-key-readable-by-others` works as wg-quick's "is world accessible" warning does.
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../fuzz/support/cli.js';

const ID = 'private-key-readable-by-others';
const CONF = '[Interface]\nAddress = 10.8.0.1/24\nPrivateKey = 0BlRYvV9woRK6Iexd83k2PBvm8QmGZJIYU/vKYutc20=\n';
const root = writeTree({ 'open/etc/wireguard/wg0.conf': CONF, 'closed/etc/wireguard/wg0.conf': CONF, 'shut/etc/wireguard/wg0.conf': CONF }, 'wglint-perm-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ruleIds = (dir: string) => {
  const r = runCli(['--format', 'json', dir], { cwd: root });
  const out = JSON.parse(r.stdout) as { diagnostics: { ruleId: string }[] }[];
  return out.flatMap((f) => f.diagnostics.map((d) => d.ruleId));
};

describe(`${ID} through the CLI`, () => {
  it('0644 in a 0755 directory is reported', () => {
    chmodSync(join(root, 'open/etc/wireguard'), 0o755);
    chmodSync(join(root, 'open/etc/wireguard/wg0.conf'), 0o644);
    expect(ruleIds('open')).toContain(ID);
  });

  it('0600 is not', () => {
    chmodSync(join(root, 'closed/etc/wireguard/wg0.conf'), 0o600);
    expect(ruleIds('closed')).not.toContain(ID);
  });

  it('0644 in a 0700 directory is not (wg-quick stays quiet too)', () => {
    chmodSync(join(root, 'shut/etc/wireguard'), 0o700);
    chmodSync(join(root, 'shut/etc/wireguard/wg0.conf'), 0o644);
    expect(ruleIds('shut')).not.toContain(ID);
  });

  it('stdin has no mode and is not reported', () => {
    const r = runCli(['--format', 'json', '--lang', 'wg', '--stdin-filename', 'etc/wireguard/wg0.conf', '-'], { input: CONF });
    expect(r.stdout).not.toContain(ID);
  });
});
