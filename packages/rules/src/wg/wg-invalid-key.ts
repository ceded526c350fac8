import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { WgKeyError } from '@wglint/wg';
import { wgFiles } from './utils.js';

const WHY: Readonly<Record<WgKeyError, string>> = {
  length: 'it must be exactly 44 characters of base64 (32 bytes)',
  padding: 'a 32-byte key in base64 ends in `=`',
  characters: 'it contains characters outside base64 (`A-Z a-z 0-9 + /`)',
  noncanonical: 'its 43rd character leaves unused bits set (the key was mistyped or altered)',
};

export default defineRule<HostModel>({
  meta: {
    id: 'wg-invalid-key',
    severity: 'error',
    summary: 'PrivateKey, PublicKey or PresharedKey that is not a 44-character canonical base64 key',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const s of file.ast.sections) {
        for (const e of s.entries) {
          if (e.value.kind !== 'key' || e.value.error === null) continue;
          const source = e.canonicalKey === 'PublicKey' ? 'the exact output of `wg pubkey`' : e.canonicalKey === 'PresharedKey' ? 'the output of `wg genpsk`' : 'the output of `wg genkey`';
          // Never echo the value: PrivateKey and PresharedKey are secrets.
          ctx.report({
            file: file.path,
            range: e.valueRange,
            message: `This ${e.canonicalKey} is not a valid WireGuard key: ${WHY[e.value.error]}, and wg refuses it ("Key is not the correct length or format"). Use ${source}.`,
          });
        }
      }
    }
  },
});
