import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const GRAMMARS: Record<string, string> = {
  'source.wireguard': 'wireguard.tmLanguage.json',
  'source.nftables': 'nftables.tmLanguage.json',
  'source.iptables': 'iptables.tmLanguage.json',
  'source.sysctl': 'sysctl.tmLanguage.json',
};

async function loadRegistry(): Promise<vsctm.Registry> {
  const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      const file = GRAMMARS[scope];
      if (!file) return null;
      return vsctm.parseRawGrammar(readFileSync(join(here, '..', file), 'utf8'), file);
    },
  });
}

/** Scopes of the first token whose text is `text` (or, with `partial`, contains it). */
async function scopesOf(scope: string, source: string, text: string, partial = false): Promise<string[]> {
  const grammar = await (await loadRegistry()).loadGrammar(scope);
  if (!grammar) throw new Error(`grammar ${scope} did not load`);
  let state = vsctm.INITIAL;
  for (const line of source.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const tokenText = line.slice(t.startIndex, t.endIndex);
      if (partial ? tokenText.includes(text) : tokenText === text) return t.scopes;
    }
    state = r.ruleStack;
  }
  throw new Error(`no token ${JSON.stringify(text)} in ${scope}`);
}

describe('TextMate grammars', () => {
  it('wireguard: sections, keys, hooks keep # inside the command', async () => {
    const src = '[Interface]\nListenPort = 51820\nPostUp = iptables -A FORWARD -i %i -j ACCEPT # not a comment\n';
    expect(await scopesOf('source.wireguard', src, 'Interface')).toContain('entity.name.section.wireguard');
    expect(await scopesOf('source.wireguard', src, 'ListenPort')).toContain('keyword.other.key.wireguard');
    expect(await scopesOf('source.wireguard', src, '%i')).toContain('variable.language.interface.wireguard');
    const hash = await scopesOf('source.wireguard', src, 'not a comment', true);
    expect(hash.join(' ')).not.toContain('comment');
  });

  it('nftables: declarations, verdicts and variables', async () => {
    const src = 'define wan = eth0\ntable inet filter {\n  chain input { type filter hook input priority 0; policy drop;\n    iifname $wan udp dport 51820 accept\n  }\n}\n';
    expect(await scopesOf('source.nftables', src, 'accept')).toContain('keyword.control.verdict.nftables');
    expect(await scopesOf('source.nftables', src, '$wan')).toContain('variable.other.nftables');
    expect(await scopesOf('source.nftables', src, 'filter')).toContain('entity.name.type.nftables');
  });

  it('iptables-save: tables, chains and targets', async () => {
    const src = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n';
    expect(await scopesOf('source.iptables', src, 'filter')).toContain('entity.name.section.table.iptables');
    expect(await scopesOf('source.iptables', src, 'ACCEPT')).toContain('support.function.target.iptables');
    expect(await scopesOf('source.iptables', src, 'COMMIT')).toContain('keyword.control.commit.iptables');
  });

  it('sysctl: keys and values', async () => {
    const src = '# forwarding\nnet.ipv4.ip_forward = 1\n';
    expect(await scopesOf('source.sysctl', src, 'net.ipv4.ip_forward')).toContain('variable.other.key.sysctl');
  });
});
