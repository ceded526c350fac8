import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/lint-paths.js';

const CONF = '[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nListenPort = 51820\n';

function host(withGit: boolean): string {
  const cwd = mkdtempSync(join(tmpdir(), 'wglint-modes-'));
  if (withGit) mkdirSync(join(cwd, '.git'));
  mkdirSync(join(cwd, 'h', 'etc', 'wireguard'), { recursive: true });
  const file = join(cwd, 'h', 'etc', 'wireguard', 'wg0.conf');
  writeFileSync(file, CONF);
  chmodSync(file, 0o644);
  chmodSync(join(cwd, 'h', 'etc', 'wireguard'), 0o755);
  return cwd;
}

const ruleIds = async (cwd: string): Promise<string[]> =>
  (await lintPaths(['h'], { cwd })).results.flatMap((r) => r.diagnostics.map((d) => d.ruleId));

describe('file modes and git working trees', () => {
  it('judges the mode of a world-readable key file outside git', async () => {
    expect(await ruleIds(host(false))).toContain('private-key-readable-by-others');
  });

  it('does not judge a checkout, whose mode git does not record', async () => {
    const ids = await ruleIds(host(true));
    expect(ids).not.toContain('private-key-readable-by-others');
    expect(ids).toContain('listen-port-not-reserved');
  });
});
