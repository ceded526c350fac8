import { it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { PARSERS, lintTexts, formatterFor } from './support/targets.js';
const T = (f: () => void) => { let m = Infinity; for (let i = 0; i < 2; i++) { const t = performance.now(); f(); m = Math.min(m, performance.now() - t); } return m; };
it('probe', () => {
  const build = (k: number) => `[Interface]\nAddress = 10.0.0.1/24\nPostUp = ${'iptables -A INPUT -j ACCEPT; '.repeat(k)}\n`;
  for (const k of [2000, 4000, 8000, 16000, 32000]) {
    const s = build(k);
    const hook = s.slice(s.indexOf('PostUp = ') + 9);
    console.log(k, 'wg', T(() => PARSERS.wg(s)).toFixed(0), 'shell', T(() => PARSERS.shell(hook)).toFixed(0), 'lint', T(() => lintTexts({ 'etc/wireguard/wg0.conf': s })).toFixed(0), 'fmt', T(() => formatterFor('wg')!(s)).toFixed(0));
  }
  const nb = (k: number) => `table inet t { chain c { ${'tcp dport 22 accept; '.repeat(k)} } }`;
  for (const k of [2000, 4000, 8000, 16000, 32000]) {
    const s = nb(k);
    console.log(k, 'nft', T(() => PARSERS.nft(s)).toFixed(0), 'lint', T(() => lintTexts({ 'etc/nftables.conf': s })).toFixed(0));
  }
}, 600000);
