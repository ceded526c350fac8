import { test } from 'vitest';
import { parseNft } from '../src/index.js';
test('smoke', () => {
  const r = parseNft(`table inet t {
  chain c { type filter hook input priority filter - 10; policy drop;
    ct state established,related accept
    ip saddr { 10.0.0.0/8, 192.168.1.1-192.168.1.9 } tcp dport 22 counter accept # c
    iifname "wg*" jump x
  }
  chain x {
  }
}
add rule inet t x meta mark set 0x10 ip daddr 1.2.3.4 dnat to 10.0.0.1:80
table inet u { chain c { accept } }
`);
  console.log(JSON.stringify(r.problems), JSON.stringify(r.ast.commands[0], (k, v) => (k === 'range' ? undefined : v)).slice(0, 1500));
});
