import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const yaml = readFileSync(join(import.meta.dirname, '../../.pre-commit-hooks.yaml'), 'utf8');
const field = (name: string): string => {
  const m = new RegExp(`^\\s+${name}: (.*)$`, 'm').exec(yaml);
  if (!m) throw new Error(`.pre-commit-hooks.yaml has no ${name}`);
  return m[1]!.replace(/^'(.*)'$/, '$1');
};

describe('.pre-commit-hooks.yaml', () => {
  it('declares the wglint node hook', () => {
    expect(yaml).toMatch(/^- id: wglint$/m);
    expect(field('language')).toBe('node');
    expect(field('entry')).toMatch(/^wglint( |$)/);
  });

  it('matches the files the contract recognises by name', () => {
    const files = new RegExp(field('files'));
    for (const path of ['etc/wireguard/wg0.conf', 'x/ruleset.nft', 'etc/nftables.conf', 'etc/iptables/rules.v4', 'rules.v6', 'a/b.rules', 'etc/sysctl.d/99-wg.conf', 'etc/sysctl.conf']) {
      expect(files.test(path), path).toBe(true);
    }
    for (const path of ['README.md', 'rules.v46', 'conf', 'x.conf.bak']) expect(files.test(path), path).toBe(false);
  });
});
