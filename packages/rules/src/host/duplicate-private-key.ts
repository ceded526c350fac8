import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { placeOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'duplicate-private-key',
    severity: 'warning',
    summary: 'Two interfaces of one host use the same private key',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const first = new Map<string, (typeof ctx.model.interfaces)[number]>();
    for (const i of ctx.model.interfaces) {
      if (!i.privateKeyFingerprint || !i.privateKeyRange) continue;
      const prev = first.get(i.privateKeyFingerprint);
      if (!prev) {
        first.set(i.privateKeyFingerprint, i);
        continue;
      }
      ctx.report({
        file: i.file,
        range: i.privateKeyRange,
        message:
          `${i.name} uses the same PrivateKey as ${prev.name} (${placeOf(ctx.model, prev.file, prev.privateKeyRange!.start)}): one leaked file compromises both tunnels, ` +
          `and peers cannot tell the two interfaces apart by key. Generate a key per interface (\`wg genkey\`) and give the peers the new public key.`,
      });
    }
  },
});
