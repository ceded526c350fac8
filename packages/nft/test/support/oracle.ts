// Shared by the tests that check wglint against the real nft (`unshare -n nft ...` in a private
// network namespace). Those need root and nft; without them a test says loudly that it did not run.
import { spawnSync } from 'node:child_process';

function unavailable(): string | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root';
  const v = spawnSync('nft', ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) return 'nft is not installed';
  const u = spawnSync('unshare', ['-n', 'true']);
  if (u.status !== 0) return 'unshare -n does not work here';
  return null;
}

/**
 * Why the real nft cannot be run here (null when it can). When it cannot, prints a loud warning
 * that the test `name` did not run and what was therefore not checked.
 */
export function nftOracleUnavailable(name: string, notChecked: string): string | null {
  const why = unavailable();
  if (why) {
    console.warn(
      `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
        `!!! ${name} DID NOT RUN: ${why}.\n` +
        `!!! ${notChecked}; run it as root with nft installed.\n` +
        `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
    );
  }
  return why;
}
