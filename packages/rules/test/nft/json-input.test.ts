// The nft rules read `nft -j list ruleset` JSON (parsed by parseNftJson) like ruleset text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@wglint/core';
import { runRules } from '@wglint/engine';
import { buildHostModel } from '@wglint/host';
import { parseNft } from '@wglint/nft';
import { describe, expect, it } from 'vitest';
import { parseNftJson } from '@wglint/nft';
import { rules } from '../../src/nft/index.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../nft/test/json/fixtures');

function lint(text: string, json: boolean): Diagnostic[] {
  const r = json ? parseNftJson(text) : parseNft(text);
  const file = { language: 'nft' as const, file: { path: 'etc/nftables.conf', text, language: 'nft' as const }, lint: true, ast: r.ast, problems: r.problems };
  return runRules(buildHostModel('.', [file]), rules);
}

/** `nft -j list ruleset` (nft 1.0.6) of: input with `accept` then `udp dport 51820 accept`, an orphan chain, a second input chain at priority 0. */
const DUMP =
  '{"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}}, {"table": {"family": "inet", "name": "f", "handle": 1}}, ' +
  '{"chain": {"family": "inet", "table": "f", "name": "input", "handle": 1, "type": "filter", "hook": "input", "prio": 0, "policy": "drop"}}, ' +
  '{"chain": {"family": "inet", "table": "f", "name": "orphan", "handle": 2}}, ' +
  '{"chain": {"family": "inet", "table": "f", "name": "other", "handle": 3, "type": "filter", "hook": "input", "prio": 0, "policy": "accept"}}, ' +
  '{"rule": {"family": "inet", "table": "f", "chain": "input", "handle": 4, "expr": [{"accept": null}]}}, ' +
  '{"rule": {"family": "inet", "table": "f", "chain": "input", "handle": 5, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "udp", "field": "dport"}}, "right": 51820}}, {"accept": null}]}}, ' +
  '{"rule": {"family": "inet", "table": "f", "chain": "orphan", "handle": 6, "expr": [{"accept": null}]}}]}';

describe('nft rules on JSON input', () => {
  it.each(['hub', 'seed-002', 'seed-004', 'nft-f-sample-ruleset'])('%s.json: same findings as its `nft list ruleset` text', (name) => {
    const ids = (ds: Diagnostic[]) => ds.map((d) => d.ruleId).sort();
    const fromJson = lint(readFileSync(path.join(fixtures, `${name}.json`), 'utf8'), true);
    expect(fromJson.filter((d) => d.ruleId === 'syntax-error')).toEqual([]);
    expect(ids(fromJson)).toEqual(ids(lint(readFileSync(path.join(fixtures, `${name}.txt`), 'utf8'), false)));
  });
  it('the realistic dumps are clean', () => {
    for (const name of ['hub', 'seed-002', 'seed-004']) expect(lint(readFileSync(path.join(fixtures, `${name}.json`), 'utf8'), true), name).toEqual([]);
  });
  it('reports into the JSON objects', () => {
    const ds = lint(DUMP, true);
    const at = (id: string) => ds.filter((d) => d.ruleId === id).map((d) => DUMP.slice(d.range.start, d.range.end));
    expect(at('nft-unreachable-rule')).toEqual([expect.stringMatching(/^\{"rule": \{"family": "inet", "table": "f", "chain": "input", "handle": 5,/)]);
    expect(at('nft-unreferenced-chain')).toEqual(['orphan']);
    expect(at('nft-duplicate-chain-priority')).toEqual(['0']);
  });
});
