import type { Formatter } from './types.js';
import { oneLine, place, safeText } from './positions.js';

/**
 * ESLint's stylish layout: the file name, then one aligned row per problem
 * (`line:col  severity  message  rule-id`), then a summary. No source excerpts: a line of a
 * WireGuard config may hold a private key.
 */
const stylish: Formatter = (results, ctx) => {
  const c = colors(ctx.color);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of results) {
    const rows = place(r);
    if (rows.length === 0) continue;
    out += `\n${c.underline(safeText(r.filePath))}\n`;
    const cells = rows.map((p) => {
      const d = p.diagnostic;
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      if (d.fix && d.severity === 'error') fixableErrors++;
      if (d.fix && d.severity === 'warning') fixableWarnings++;
      return { pos: `${p.line}:${p.column}`, severity: d.severity, message: oneLine(d.message).replace(/([^ ])\.$/, '$1'), ruleId: d.ruleId };
    });
    const wPos = Math.max(...cells.map((x) => x.pos.length));
    const wSev = Math.max(...cells.map((x) => x.severity.length));
    const wMsg = Math.max(...cells.map((x) => x.message.length));
    for (const x of cells) {
      const sev = x.severity === 'error' ? c.red : x.severity === 'warning' ? c.yellow : c.blue;
      out += `  ${c.dim(x.pos.padStart(wPos))}  ${sev(x.severity.padEnd(wSev))}  ${x.message.padEnd(wMsg)}  ${c.dim(x.ruleId)}\n`;
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (infos) parts.push(`${infos} info`);
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  const paint = errors ? c.red : warnings ? c.yellow : c.blue;
  out += `\n${paint(c.bold(summary))}\n`;
  if (fixableErrors || fixableWarnings) {
    out += `${paint(
      c.bold(
        `  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`,
      ),
    )}\n`;
  }
  return `${out}\n`;
};

function colors(on: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}

export default stylish;
