import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';
import { place } from './positions.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0: one run, the rule table in `tool.driver.rules`, one result per diagnostic. */
const sarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) =>
    place(r).map((p) => {
      const d = p.diagnostic;
      const index = ruleIndex.get(d.ruleId);
      return {
        ruleId: d.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(r.filePath) },
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wglint',
            version: ctx.version,
            informationUri: ctx.homepage,
            rules: ctx.rules.map((m) => ({
              id: m.id,
              shortDescription: { text: m.summary },
              helpUri: ctx.docsUrl(m.id),
              defaultConfiguration: { level: LEVEL[m.severity] },
              properties: { fixable: m.fixable, languages: m.languages },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A relative path stays a relative URI reference; an absolute one becomes a file: URI. */
function toUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split(/[\\/]/)
    .map((s) => encodeURIComponent(s))
    .join('/');
}

export default sarif;
