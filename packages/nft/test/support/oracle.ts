// Shared by the tests that check wglint against the real nft (`unshare -n nft ...` in a private
// network namespace). Those need root and nft; without them a test says loudly that it did not run.
import { realToolUnavailable } from '../../../../test/support/real-tools.js';

/**
 * Why the real nft cannot be run here (null when it can). When it cannot, prints a loud warning
 * that the test `name` did not run and what was therefore not checked.
 */
export function nftOracleUnavailable(name: string, notChecked: string): string | null {
  return realToolUnavailable(name, notChecked, [
    { run: ['nft', '--version'], missing: 'nft is not installed' },
    { run: ['unshare', '-n', 'true'], missing: 'unshare -n does not work here' },
  ]);
}
