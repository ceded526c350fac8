import { createPrivateKey, createPublicKey } from 'node:crypto';
import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { getPeers, stripWgSpaces } from '@wglint/wg';
import { readEntries, wgFiles } from './utils.js';

// PKCS#8 wrapper for a raw 32-byte X25519 private key (RFC 8410).
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** The public key (base64) of a WireGuard private key, or undefined if it cannot be derived. */
function publicKeyOf(privateKey: string): string | undefined {
  try {
    const raw = Buffer.from(privateKey, 'base64');
    if (raw.length !== 32) return undefined;
    const key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw]), format: 'der', type: 'pkcs8' });
    const x = createPublicKey(key).export({ format: 'jwk' }).x;
    return x ? Buffer.from(x, 'base64url').toString('base64') : undefined;
  } catch {
    return undefined;
  }
}

export default defineRule<HostModel>({
  meta: {
    id: 'wg-peer-is-self',
    severity: 'error',
    summary: "A peer whose PublicKey is the interface's own public key",
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const pk = readEntries(file.ast, 'PrivateKey').pop();
      if (!pk || pk.value.kind !== 'key' || pk.value.error !== null) continue;
      const own = publicKeyOf(stripWgSpaces(pk.rawValue));
      if (!own) continue;
      for (const peer of getPeers(file.ast)) {
        for (const e of peer.entries) {
          if (e.canonicalKey !== 'PublicKey' || stripWgSpaces(e.rawValue) !== own) continue;
          ctx.report({
            file: file.path,
            range: e.valueRange,
            message: "This peer's PublicKey is the interface's own public key (derived from its PrivateKey): the kernel silently ignores the peer, so nothing reaches it. Use the public key of the other side (`wg pubkey` on that host).",
          });
        }
      }
    }
  },
});
