import type { Formatter } from './types.js';
import { place, safeText } from './positions.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`. */
const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const p of place(r)) {
      const d = p.diagnostic;
      const props = [
        `file=${escapeProperty(r.filePath)}`,
        `line=${p.line}`,
        `endLine=${p.endLine}`,
        `col=${p.column}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`wglint ${d.ruleId}`)}`,
      ].join(',');
      lines.push(`::${COMMAND[d.severity]} ${props}::${escapeData(`${d.message} (${d.ruleId})`)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function escapeData(s: string): string {
  return safeText(s.replace(/\r\n?/g, '\n')).replace(/%/g, '%25').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export default github;
