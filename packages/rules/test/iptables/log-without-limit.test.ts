import { describe, expect, it } from 'vitest';
import { filter, run, texts } from './helpers.js';

const ID = 'iptables-log-without-limit';

describe(ID, () => {
  it('valid: LOG and NFLOG behind -m limit or -m hashlimit', () => {
    expect(
      run(ID, filter('-A INPUT -m limit --limit 5/min -j LOG --log-prefix "drop: "', '-A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name l -j NFLOG')),
    ).toEqual([]);
  });
  it('valid (near miss): a limited ACCEPT is not a log rule', () => {
    expect(run(ID, filter('-A INPUT -p udp --dport 51820 -j ACCEPT'))).toEqual([]);
  });
  it('invalid: LOG and NFLOG without a rate limit', () => {
    const text = filter('-A INPUT -j LOG --log-prefix "in: "', '-A FORWARD -m conntrack --ctstate INVALID -j NFLOG --nflog-group 2');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['LOG', 'NFLOG']);
    expect(ds[0]!.message).toMatch(/-m limit --limit 5\/min/);
    expect(ds[0]!.severity).toBe('warning');
  });
});
