import type { WgConfig, WgEntry, WgHeader, WgItem } from './ast.js';

type Out = { readonly kind: 'blank' } | { readonly kind: 'line'; readonly text: string; readonly header?: true; readonly comment?: true };

const BLANK: Out = { kind: 'blank' };

/**
 * Prints the AST in canonical layout: `Key = value` with the key's canonical case, `[Interface]`
 * / `[Peer]` headers, one blank line before each section (and its leading comments), no runs of
 * blank lines. Comments, values (hook values byte for byte) and broken lines are kept as written.
 */
export function printWgConfig(ast: WgConfig): string {
  const out: Out[] = [];
  const push = (o: Out): void => {
    if (o.kind === 'blank') {
      const prev = out[out.length - 1];
      if (prev && prev.kind === 'line' && !prev.header) out.push(o);
      return;
    }
    if (o.header) {
      // The comments right above a header describe its section: the separating blank line
      // goes above them.
      const block: Out[] = [];
      while (isComment(out[out.length - 1])) block.unshift(out.pop()!);
      while (out[out.length - 1]?.kind === 'blank') out.pop();
      if (out.length > 0) out.push(BLANK);
      out.push(...block);
    }
    out.push(o);
  };
  for (const item of ast.preamble) push(printItem(item));
  for (const section of ast.sections) {
    push({ kind: 'line', text: printHeader(section.header), header: true });
    for (const item of section.items) push(printItem(item));
  }
  while (out[out.length - 1]?.kind === 'blank') out.pop();
  if (out.length === 0) return ast.bom ? '\ufeff' : '';
  const text = out.map((o) => (o.kind === 'blank' ? '' : o.text)).join(ast.eol) + ast.eol;
  if (ast.bom) return `\ufeff${text}`;
  // A line that starts with U+FEFF must not move to offset 0, where it would read as a BOM.
  return text.startsWith('\ufeff') ? `${ast.eol}${text}` : text;
}

function isComment(o: Out | undefined): boolean {
  return o !== undefined && o.kind === 'line' && o.comment === true;
}

function printHeader(h: WgHeader): string {
  if (h.verbatim !== null) return h.verbatim;
  const lower = h.name.toLowerCase();
  // `[ Interface ]` means different things to wg and wg-quick: leave it for the rule to fix.
  const name = !h.innerSpace && lower === 'interface' ? '[Interface]' : !h.innerSpace && lower === 'peer' ? '[Peer]' : h.raw;
  return h.comment ? `${name} ${h.comment.text}` : name;
}

function printItem(item: WgItem): Out {
  switch (item.type) {
    case 'WgBlankLine':
      return BLANK;
    case 'WgComment':
      return { kind: 'line', text: item.text, comment: true };
    case 'WgInvalidLine':
      return { kind: 'line', text: item.text };
    case 'WgEntry':
      return { kind: 'line', text: printEntry(item) };
  }
}

/** One entry as `Key = value # comment`. */
export function printEntry(e: WgEntry): string {
  const key = e.canonicalKey ?? e.key;
  const head = e.rawValue === '' ? `${key} =` : `${key} = ${e.rawValue}`;
  return e.comment ? `${head} ${e.comment.text}` : head;
}
