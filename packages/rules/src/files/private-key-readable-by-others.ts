import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { getAllEntries, type WgEntry } from '@wglint/wg';

export default defineRule<HostModel>({
  meta: {
    id: 'private-key-readable-by-others',
    severity: 'warning',
    summary: 'A config holding a private or preshared key can be read or written by group or others',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const f of ctx.model.files) {
      // modes are known only for files read from disk (not editor buffers, stdin or lintTexts)
      if (f.language !== 'wg' || f.file.mode === undefined) continue;
      const secret = getAllEntries(f.ast).find(holdsSecret);
      if (!secret) continue;
      const who = exposure(f.file.mode, f.file.dirMode);
      if (who.length === 0) continue;
      ctx.report({
        file: f.file.path,
        range: secret.keyRange,
        message:
          `This file holds a ${secret.canonicalKey} and its mode is ${octal(f.file.mode)}: ${who.join(' and ')} ` +
          `(wg-quick warns "is world accessible"). Anyone who can read it can impersonate the interface; whoever can write it runs ` +
          `its hooks as root. Make it \`chmod 600\`, owned by root.`,
      });
    }
  },
});

function holdsSecret(e: WgEntry): boolean {
  return (e.canonicalKey === 'PrivateKey' || e.canonicalKey === 'PresharedKey') && e.rawValue.trim() !== '';
}

/**
 * Who besides the owner can reach the file's content: group or others with read or write, through
 * a directory they can enter (like wg-quick's `mode & dirMode & 0o007`, extended to the group).
 */
function exposure(mode: number, dirMode: number | undefined): string[] {
  const out: string[] = [];
  const classes = [
    ['group', 0o040, 0o020, 0o010],
    ['others', 0o004, 0o002, 0o001],
  ] as const;
  for (const [name, r, w, x] of classes) {
    if (dirMode !== undefined && (dirMode & x) === 0) continue;
    const can = [(mode & r) !== 0 ? 'read' : '', (mode & w) !== 0 ? 'write' : ''].filter(Boolean);
    if (can.length) out.push(`${name} can ${can.join(' and ')} it`);
  }
  return out;
}

const octal = (mode: number): string => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
