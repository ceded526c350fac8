import type { Formatter } from './types.js';
import { place } from './positions.js';

/** CONTRACT.md `--format json`: one array, one element per linted file. */
const json: Formatter = (results) => {
  const out = results.map((r) => ({
    filePath: r.filePath,
    language: r.language,
    diagnostics: place(r).map((p) => {
      const d = p.diagnostic;
      const edit = d.fix && d.fix.edits.length === 1 ? d.fix.edits[0] : undefined;
      return {
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        line: p.line,
        column: p.column,
        endLine: p.endLine,
        endColumn: p.endColumn,
        ...(edit ? { fix: { range: [edit.range.start, edit.range.end], text: edit.text } } : {}),
      };
    }),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
};

export default json;
