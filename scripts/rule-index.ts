import type { RuleMeta } from '@wglint/core';
import { ruleCatalog } from '@wglint/engine';

/** The H2 sections every `docs/rules/<id>.md` has, in this order (TEAM-NOTES.md). */
export const REQUIRED_SECTIONS = ['## What it does', '## Why is this bad?', '## Examples', '## How to fix', '## How to suppress'] as const;

/** The generated `docs/rules/README.md`: one row per rule, from the rules' metadata. */
export function renderRuleIndex(rules: readonly RuleMeta[] = ruleCatalog()): string {
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  const rows = rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity} | ${r.fixable ? 'yes' : 'no'} | ${escape(r.summary)} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from the rules\' metadata by `npm run docs:gen` (scripts/gen-rule-index.mjs); do not edit. -->',
    '',
    'Every diagnostic wglint reports, with its default severity. Change a severity in',
    '`wglint.config.json` (`{ "rules": { "<id>": "off" } }`) or with `--rule <id>:<severity>`;',
    'see [configuration](../configuration.md). `wglint explain <id>` prints a page in the terminal.',
    '',
    '| Rule | Default severity | Fixable | Summary |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Which required sections a rule page lacks, or has out of order. */
export function missingSections(markdown: string): string[] {
  const headings = markdown.split(/\r?\n/).filter((l) => l.startsWith('## ')).map((l) => l.trimEnd());
  const problems: string[] = REQUIRED_SECTIONS.filter((s) => !headings.includes(s)).map((s) => `missing "${s}"`);
  const present = REQUIRED_SECTIONS.filter((s) => headings.includes(s));
  const order = headings.filter((h) => (REQUIRED_SECTIONS as readonly string[]).includes(h));
  if (problems.length === 0 && order.join('\n') !== present.join('\n')) problems.push(`sections out of order (expected ${REQUIRED_SECTIONS.join(', ')})`);
  return problems;
}

/** JSON Schema of `wglint.config.json` (docs/schema/wglint.schema.json), rule ids from the registry. */
export function renderConfigSchema(rules: readonly RuleMeta[] = ruleCatalog()): string {
  const severity = { enum: ['off', 'info', 'warning', 'error'] };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/wglint/wglint/blob/main/docs/schema/wglint.schema.json',
    title: 'wglint.config.json',
    description: 'Configuration of wglint; see docs/configuration.md.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Severity overrides by rule id; `--rule ID:SEVERITY` wins over these.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((r) => [r.id, { ...severity, description: `${r.summary} (default: ${r.severity})` }])),
      },
      hosts: {
        description: 'Explicit hosts: name → globs relative to this file, analysed together as one machine.',
        type: 'object',
        additionalProperties: {
          oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
        },
      },
      targets: {
        description: 'Versions of the tools on the hosts, for version-dependent checks.',
        type: 'object',
        additionalProperties: false,
        properties: {
          wireguardTools: { type: 'string', pattern: '^\\d+(\\.\\d+)*$', description: 'wireguard-tools release, e.g. 1.0.20210914' },
          nftables: { type: 'string', pattern: '^\\d+(\\.\\d+)*$', description: 'nftables release, e.g. 1.0.6' },
        },
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
