// `parseRtTables` against iproute2: unit cases, and an oracle that gives the real `ip` the same
// file (a tmpfs over /etc/iproute2 in a private mount and network namespace) and asks which names
// `ip rule add ... table NAME` accepts. The oracle needs root, `unshare -m -n` and `ip`; without
// them it says loudly that it did not run.
import { spawnSync } from 'node:child_process';
import { NEEDS_IP, realToolUnavailable } from '../../../test/support/real-tools.js';
import { describe, expect, it } from 'vitest';
import { parseRtTables } from '../src/index.js';

const FILE = [
  '#',
  '# reserved values',
  '#',
  '255\tlocal',
  '254\tmain',
  '',
  '200 vpn',
  '0x10 hexy',
  '  7\tspaced # a comment',
  '201vpn2',
  '202 with#hash',
  '-5 negative',
  '2147483648 toobig',
  'bad line here',
  '300 after',
  '',
].join('\n');
const ASKED = ['vpn', 'hexy', 'spaced', 'vpn2', 'with#hash', 'negative', 'toobig', 'after', 'nope'];

describe('parseRtTables', () => {
  it('reads ids and names as iproute2 does, up to the first line it cannot read', () => {
    expect(parseRtTables(FILE).map((e) => [e.id, e.name])).toEqual([
      [255, 'local'],
      [254, 'main'],
      [200, 'vpn'],
      [16, 'hexy'],
      [7, 'spaced'],
      [201, 'vpn2'],
      [202, 'with#hash'],
    ]);
  });
  it('gives each name its range in the file', () => {
    for (const e of parseRtTables(FILE)) expect(FILE.slice(e.range.start, e.range.end)).toBe(e.name);
  });
  it('reads nothing from an empty or comment-only file, and never throws on garbage', () => {
    expect(parseRtTables('')).toEqual([]);
    expect(parseRtTables('# only\n\n   \n')).toEqual([]);
    expect(parseRtTables('\u0000\u00ff 12 x\n\r\n')).toEqual([]);
  });
});

const why = realToolUnavailable('rt_tables ORACLE TEST', 'parseRtTables was not checked against the real ip', [
  NEEDS_IP,
  { run: ['unshare', '-m', '-n', 'true'], missing: 'unshare -m -n does not work here' },
]);

describe.skipIf(why !== null)('parseRtTables against `ip rule add ... table NAME`', () => {
  it('accepts exactly the names the real ip resolves, from rt_tables and rt_tables.d/*.conf', () => {
    const script =
      'mount -t tmpfs none /etc/iproute2 && mkdir /etc/iproute2/rt_tables.d && cat > /etc/iproute2/rt_tables && ' +
      "printf '210 dropin\\n' > /etc/iproute2/rt_tables.d/wg.conf && printf '211 ignored\\n' > /etc/iproute2/rt_tables.d/wg.txt && " +
      `for t in ${[...ASKED, 'dropin', 'ignored'].join(' ')}; do ip rule add fwmark 1 table "$t" >/dev/null 2>&1 && echo "$t ok" || echo "$t refused"; done`;
    const r = spawnSync('unshare', ['-m', '-n', 'sh', '-c', script], { input: FILE, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const accepted = r.stdout.split('\n').filter((l) => l.endsWith(' ok')).map((l) => l.slice(0, -3));
    const ours = new Set([...parseRtTables(FILE), ...parseRtTables('210 dropin\n')].map((e) => e.name));
    expect(accepted).toEqual([...ASKED, 'dropin', 'ignored'].filter((n) => ours.has(n)));
  });
});
