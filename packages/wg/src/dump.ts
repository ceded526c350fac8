import type { WgConfig, WgEntry, WgItem, WgValue } from './ast.js';

/**
 * A compact, indented dump of the AST for tests and `print-ast`, one node per line:
 * `WgEntry [31,52) AllowedIPs (AllowedIPs) = 10.0.0.2/32`. Secret values print as `<redacted>`.
 */
export function dumpWgAst(ast: WgConfig): string {
  const lines = [`WgConfig [${ast.range.start},${ast.range.end})${ast.interfaceName ? ` name=${ast.interfaceName}` : ''}${ast.bom ? ' bom' : ''}`];
  for (const item of ast.preamble) lines.push(`  ${dumpItem(item)}`);
  for (const s of ast.sections) {
    const h = s.header;
    lines.push(`  WgSection [${s.range.start},${s.range.end}) ${s.kind} header=${JSON.stringify(h.raw)}${h.closed ? '' : ' unclosed'}${h.innerSpace ? ' inner-space' : ''}`);
    for (const item of s.items) lines.push(`    ${dumpItem(item)}`);
  }
  return lines.join('\n');
}

function dumpItem(item: WgItem): string {
  const r = `[${item.range.start},${item.range.end})`;
  switch (item.type) {
    case 'WgBlankLine':
      return `WgBlankLine ${r}`;
    case 'WgComment':
      return `WgComment ${r} ${JSON.stringify(item.text)}`;
    case 'WgInvalidLine':
      return `WgInvalidLine ${r} ${JSON.stringify(redactLine(item.text))}`;
    case 'WgEntry':
      return `WgEntry ${r} ${item.key} (${item.canonicalKey ?? '?'}) = ${item.secret ? '<redacted>' : JSON.stringify(item.rawValue)} ${dumpValue(item)}${item.comment ? ` ${JSON.stringify(item.comment.text)}` : ''}`;
  }
}

function dumpValue(e: WgEntry): string {
  const v: WgValue = e.value;
  const { kind, ...rest } = v;
  const fields = Object.entries(rest)
    .filter(([, x]) => x !== null && x !== false)
    .map(([k, x]) => `${k}=${typeof x === 'object' ? JSON.stringify(x, (_k, y: unknown) => (typeof y === 'bigint' ? y.toString() : y)) : String(x)}`);
  return `{${[kind, ...fields].join(' ')}}`;
}

/** Broken lines may hold a pasted key: hide anything key-shaped. */
function redactLine(s: string): string {
  return s.replace(/[A-Za-z0-9+/]{40,}=*/g, '<redacted>');
}
