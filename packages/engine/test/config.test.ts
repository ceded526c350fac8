import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadConfig, parseRuleOption, validateConfig } from '../src/config.js';
import { tree } from './helpers.js';

const KNOWN = ['syntax-error', 'hook-missing-teardown', 'unused-suppression'];

describe('validateConfig', () => {
  it('accepts the documented shape', () => {
    expect(
      validateConfig(
        {
          $schema: 'x',
          rules: { 'hook-missing-teardown': 'off', 'syntax-error': 'warning' },
          hosts: { gw1: ['hosts/gw1/**'], gw2: 'hosts/gw2/**' },
          targets: { wireguardTools: '1.0.20210914', nftables: '1.0.6' },
        },
        'c.json',
        KNOWN,
      ),
    ).toEqual({
      rules: { 'hook-missing-teardown': 'off', 'syntax-error': 'warning' },
      hosts: { gw1: ['hosts/gw1/**'], gw2: ['hosts/gw2/**'] },
      targets: { wireguardTools: '1.0.20210914', nftables: '1.0.6' },
    });
  });

  it.each([
    [[], 'c.json: top level: expected an object, got an array.'],
    [{ rule: {} }, 'c.json: "rule": unknown key (expected "rules", "hosts" or "targets").'],
    [{ rules: { 'hook-missing-teardown': 'warn' } }, 'c.json: rules."hook-missing-teardown": expected "off", "info", "warning" or "error", got "warn".'],
    [{ rules: { 'hook-missing-teardow': 'off' } }, 'c.json: rules."hook-missing-teardow": unknown rule id (did you mean "hook-missing-teardown"?).'],
    [{ hosts: { gw1: [] } }, 'c.json: hosts."gw1": expected a non-empty array of glob strings, got an array.'],
    [{ targets: { nftables: 'latest' } }, 'c.json: targets."nftables": expected a version string such as "1.0.6", got "latest".'],
    [{ targets: { kernel: '6.1' } }, 'c.json: targets."kernel": unknown key (expected "wireguardTools" or "nftables").'],
  ])('rejects %j precisely', (json, message) => {
    expect(() => validateConfig(json, 'c.json', KNOWN)).toThrow(new ConfigError(message));
  });
});

describe('loadConfig', () => {
  it('finds the nearest wglint.config.json upward', () => {
    const root = tree({ 'wglint.config.json': '{"rules":{"syntax-error":"off"}}', 'a/b/x.txt': '' });
    expect(findConfigFile(`${root}/a/b`)).toBe(`${root}/wglint.config.json`);
    const loaded = loadConfig({ cwd: `${root}/a/b`, knownRuleIds: KNOWN });
    expect(loaded.config.rules).toEqual({ 'syntax-error': 'off' });
    expect(loaded.dir).toBe(root);
  });

  it('reports invalid JSON and missing files as ConfigError', () => {
    const root = tree({ 'bad.json': '{ "rules": ' });
    expect(() => loadConfig({ cwd: root, configPath: 'bad.json' })).toThrow(/^bad\.json: invalid JSON/);
    expect(() => loadConfig({ cwd: root, configPath: 'nope.json' })).toThrow(/Cannot read config file nope\.json: no such file or directory \(ENOENT\)/);
  });
});

describe('parseRuleOption', () => {
  it('parses ID:severity', () => {
    expect(parseRuleOption('hook-missing-teardown:off', KNOWN)).toEqual(['hook-missing-teardown', 'off']);
  });
  it.each([
    ['hook-missing-teardown', /expected ID:off\|info\|warning\|error/],
    ['hook-missing-teardown:fatal', /unknown severity "fatal"/],
    ['nope:off', /unknown rule id "nope"/],
  ])('rejects %s', (opt, re) => {
    expect(() => parseRuleOption(opt, KNOWN)).toThrow(re);
  });
});
