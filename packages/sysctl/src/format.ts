import { parseSysctl } from './parse.js';

/**
 * Canonical layout of a sysctl file: `key = value` with single spaces around `=`, the `-` prefix
 * kept, comments and blank lines kept (trailing whitespace removed, runs of blank lines kept as
 * written), invalid lines left as they are. Idempotent. Line breaks follow the file (`\r\n` kept).
 */
export function formatSysctl(text: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const { ast } = parseSysctl(text);
  const byStart = new Map(ast.lines.map((l) => [l.range.start, l]));
  const out: string[] = [];
  let offset = bom ? 1 : 0;
  const physical = text.slice(offset).split(/\r?\n/);
  for (const raw of physical) {
    // The same blank set as the parser (space, tab, CR, FF, VT), so offsets line up.
    const lead = /^[ \t\r\f\v]*/.exec(raw)![0].length;
    const body = raw.slice(lead).replace(/[ \t\r\f\v]+$/, '');
    const line = byStart.get(offset + lead);
    if (body === '') out.push('');
    else if (line?.type === 'SysctlEntry') {
      out.push(`${line.ignoreFailure ? '-' : ''}${line.rawKey} =${line.value === '' ? '' : ` ${line.value}`}`);
    } else out.push(body);
    offset += raw.length + (text.slice(offset + raw.length, offset + raw.length + 2) === '\r\n' ? 2 : 1);
  }
  return bom + out.join(eol);
}
