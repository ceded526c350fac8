import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { compareVersions, readEntries, wgFiles } from './utils.js';

/** First wireguard-tools release that hands `#` in hook values to bash (commit 90deacd). */
const HASH_PASSED_SINCE = '1.0.20260223';
const HOOKS = ['PreUp', 'PostUp', 'PreDown', 'PostDown'] as const;

/**
 * Offset of the first `#` when cutting there changes the command, or -1. A `#` that bash itself
 * reads as a comment (unquoted, at the start of a word) loses nothing when old wg-quick cuts it.
 */
export function meaningfulHash(command: string): number {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === '\\') {
      // `\#` is a literal `#` for bash, but old wg-quick still cuts there.
      if (command[i + 1] === '#') return i + 1;
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '#') return i;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      return i === 0 || /[\s;&|()]/.test(command[i - 1]!) ? -1 : i;
    }
    if (quote === "'" && c === '#') return i;
  }
  return -1;
}

export default defineRule<HostModel>({
  meta: {
    id: 'wg-hook-hash-truncated',
    severity: 'error',
    summary: 'A `#` inside a hook command, which wg-quick before 1.0.20260223 cuts off',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const target = ctx.model.targets.wireguardTools;
    if (compareVersions(target, HASH_PASSED_SINCE) >= 0) return;
    for (const file of wgFiles(ctx.model)) {
      for (const e of HOOKS.flatMap((h) => readEntries(file.ast, h))) {
        if (e.value.kind !== 'hook') continue;
        const at = meaningfulHash(e.value.command);
        if (at < 0) continue;
        ctx.report({
          file: file.path,
          range: { start: e.valueRange.start + at, end: e.valueRange.end },
          message: `wg-quick before ${HASH_PASSED_SINCE} (the targeted ${target}) cuts ${e.canonicalKey} at the first \`#\`, so bash runs only \`${e.value.legacyCommand}\`${/["']/.test(e.value.legacyCommand) ? ', with a quote left open' : ''}. Avoid \`#\` in hook commands (e.g. \`--comment wg0\`), or move the command into a script the hook calls.`,
        });
      }
    }
  },
});
