import { describe, expect, it, vi } from 'vitest';

describe('grammar self-checks', () => {
  it('builds the lexer and parser with chevrotain validations and lexer optimizations on', async () => {
    vi.resetModules();
    const prev = process.env['WGLINT_DEV'];
    process.env['WGLINT_DEV'] = '1';
    try {
      const { parseNft } = await import('../src/index.js');
      const r = parseNft('table inet t {\n\tchain c {\n\t\ttcp dport 22 accept\n\t}\n}\n');
      expect(r.problems).toEqual([]);
      // Shallow input no longer needs the chevrotain tree parser (deep input still does): build it here.
      const { treeParser } = await import('../src/parser.js');
      expect(treeParser()).toBeDefined();
    } finally {
      if (prev === undefined) delete process.env['WGLINT_DEV'];
      else process.env['WGLINT_DEV'] = prev;
      vi.resetModules();
    }
  });
});

describe('performance', () => {
  it('parses 100,000 rules in linear time', async () => {
    const { parseNft } = await import('../src/index.js');
    const build = (n: number): string => {
      const parts = ['table inet t {\n\tchain c {\n\t\ttype filter hook input priority filter; policy drop;\n'];
      for (let i = 0; i < n; i++) parts.push(`\t\tip saddr 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} tcp dport { 22, 80 } counter accept\n`);
      parts.push('\t}\n}\n');
      return parts.join('');
    };
    parseNft(build(1000));
    const small = build(10_000);
    let t0 = performance.now();
    expect(parseNft(small).problems).toEqual([]);
    const tSmall = performance.now() - t0;
    const big = build(100_000);
    t0 = performance.now();
    const r = parseNft(big);
    const tBig = performance.now() - t0;
    console.log(`[nft perf] 10k rules ${Math.round(tSmall)} ms, 100k rules ${Math.round(tBig)} ms`);
    expect(r.problems).toEqual([]);
    expect(tBig / tSmall).toBeLessThan(25);
  }, 120_000);
});
