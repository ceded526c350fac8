import { describe, expect, it } from 'vitest';
import { WG0, at, run, wg } from './helpers.js';

const ID = 'ip-rule-without-priority';

describe(ID, () => {
  it('does not fire on the seed 002/004 rules (explicit priorities) or on deletes', () => {
    const files = {
      [WG0]: wg(`PreUp = ip rule add from 10.200.200.1 table 41 priority 100
PostDown = ip rule del from 10.200.200.1 table 41 priority 100
PreUp = ip rule add fwmark 1 table 123 pref 456
PostDown = ip rule del fwmark 1 table 123`),
    };
    expect(run(ID, files)).toEqual([]);
  });

  it('reads the abbreviations iproute2 accepts (`prio`, `pri`, `ord`), as `ip rule` does', () => {
    const files = { [WG0]: wg('PostUp = ip rule add from 10.0.0.2 table 100 prio 100\nPostUp = ip -6 rule add from fd00::2 table 100 pri 101\nPostUp = ip rule add fwmark 1 table 100 ord 102') };
    expect(run(ID, files)).toEqual([]);
  });

  it('leaves a command ip refuses to syntax-error', () => {
    expect(run(ID, { [WG0]: wg('PostUp = ip rule add ! fwmark 1 table 7') })).toEqual([]);
  });

  it('reports an ip rule add without priority', () => {
    const files = { [WG0]: wg('PostUp = ip rule add from 10.8.0.0/24 table 100; ip route add default via 10.8.0.1 table 100') };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(at(files, d!)).toBe('ip rule add from 10.8.0.0/24 table 100');
    expect(d!.message).toMatch(/priority N/);
  });
});
