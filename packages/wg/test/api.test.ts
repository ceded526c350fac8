import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import {
  WgCstParser,
  dumpWgAst,
  formatWgConfig,
  getAllEntries,
  getEntries,
  getInterfaceSection,
  getLastEntry,
  getPeers,
  interfaceNameFromPath,
  interfaceNameProblem,
  parseWgConfig,
  wgLexer,
} from '../src/index.js';
import { KEYS } from './keys.js';

const CONFIG = `[Interface]
PrivateKey = ${KEYS[0].private}
ListenPort = 51820

[Peer]
PublicKey = ${KEYS[1].public}
PresharedKey = ${KEYS[2].private}
AllowedIPs = 10.0.0.2/32

[Peer]
PublicKey = ${KEYS[2].public}
AllowedIPs = 10.0.0.3/32
`;

describe('grammar self-checks', () => {
  test('the parser builds with chevrotain validations on', () => {
    expect(() => new WgCstParser(true)).not.toThrow();
  });
  test('the specification lexer builds with chevrotain\'s validations on', () => {
    expect(() => wgLexer()).not.toThrow();
    expect(wgLexer().tokenize(CONFIG).errors).toEqual([]);
  });
});

describe('secrets never leak', () => {
  const secrets = [KEYS[0].private, KEYS[2].private];
  const withBrokenLine = `${CONFIG}PrivateKey ${KEYS[0].private}\n`;
  test('not in JSON, inspect output or the AST dump', () => {
    const { ast, problems } = parseWgConfig(withBrokenLine);
    for (const s of secrets) {
      expect(JSON.stringify(ast, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(s);
      expect(inspect(ast, { depth: 20 })).not.toContain(s);
      expect(dumpWgAst(ast)).not.toContain(s);
      expect(JSON.stringify(problems)).not.toContain(s.slice(0, 30));
    }
    expect(dumpWgAst(ast)).toContain(KEYS[1].public);
  });
  test('but rules and the printer can still read them', () => {
    const { ast } = parseWgConfig(CONFIG);
    expect(getEntries(getInterfaceSection(ast), 'PrivateKey')[0]!.rawValue).toBe(KEYS[0].private);
    expect(formatWgConfig(CONFIG)).toBe(CONFIG);
  });
});

describe('helpers', () => {
  test('sections and entries', () => {
    const { ast } = parseWgConfig(CONFIG);
    expect(getPeers(ast)).toHaveLength(2);
    expect(getEntries(getPeers(ast)[1], 'AllowedIPs').map((e) => e.rawValue)).toEqual(['10.0.0.3/32']);
    expect(getLastEntry(getInterfaceSection(ast), 'ListenPort')?.rawValue).toBe('51820');
    expect(getEntries(undefined, 'ListenPort')).toEqual([]);
    expect(getAllEntries(ast)).toHaveLength(7);
  });
  test('interface names from paths (facts §1.7)', () => {
    expect(interfaceNameFromPath('etc/wireguard/wg0.conf')).toBe('wg0');
    expect(interfaceNameFromPath('C:\\wg\\office.conf')).toBe('office');
    expect(interfaceNameFromPath('wg0.txt')).toBeNull();
    expect(interfaceNameProblem('wg0')).toBeNull();
    expect(interfaceNameProblem('wg-a')).toBeNull();
    expect(interfaceNameProblem('a'.repeat(15))).toBeNull();
    expect(interfaceNameProblem('wireguard-office-vpn')).toBe('too-long');
    expect(interfaceNameProblem('wg 0')).toBe('characters');
    expect(interfaceNameProblem('all')).toBe('reserved');
    expect(interfaceNameProblem('')).toBe('empty');
  });
  test('the interface name is stored in the AST', () => {
    expect(parseWgConfig(CONFIG, { interfaceName: 'wg0' }).ast.interfaceName).toBe('wg0');
    expect(parseWgConfig(CONFIG).ast.interfaceName).toBeNull();
  });
});
