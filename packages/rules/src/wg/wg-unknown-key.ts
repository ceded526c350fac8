import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { HOOK_KEYS, WG_QUICK_KEYS, canonicalKeyOf } from '@wglint/wg';
import { closestKey, placedEntries, sectionOfKey, shownKey, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-unknown-key',
    severity: 'error',
    summary: 'Unknown key, or a key outside the section it belongs to (wg: "Line unrecognized")',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const { entry, kind } of placedEntries(file.ast)) {
        // Lines under an unknown header are reported once, at the header (wg-unknown-section).
        if (kind === 'unknown') continue;
        const key = entry.canonicalKey;
        const written = shownKey(entry.key);
        let message: string | undefined;
        if (key === null) {
          const squeezed = canonicalKeyOf(entry.key.replace(/\s+/g, ''));
          const hint = squeezed && WG_QUICK_KEYS.has(squeezed)
            ? ` wg-quick matches its own keys exactly: write \`${squeezed}\` without spaces.`
            : closestKey(entry.key) ? ` Did you mean \`${closestKey(entry.key)}\`?` : ' Remove the line, or make it a `# comment`.';
          message = `Unknown key \`${written}\`: wg refuses the line ("Line unrecognized") and the interface does not come up.${hint}`;
        } else if (kind === 'none') {
          message = `\`${written}\` comes before any section header: wg refuses it ("Line unrecognized"). Move it under \`[${sectionOfKey(key)}]\`.`;
        } else if (sectionOfKey(key) !== kind) {
          const why = kind === 'Peer' && WG_QUICK_KEYS.has(key)
            ? `wg-quick reads \`${key}\` only in [Interface]; here it is passed to wg, which refuses the line ("Line unrecognized")${HOOK_KEYS.has(key) ? ' and the command never runs' : ''}`
            : `wg refuses it there ("Line unrecognized")`;
          message = `\`${written}\` belongs in the [${sectionOfKey(key)}] section, not in [${kind}]: ${why}. Move the line to the [${sectionOfKey(key)}] section it is meant for.`;
        }
        if (message) ctx.report({ file: file.path, range: entry.keyRange, message });
      }
    }
  },
});
