import { applyEdits, type Diagnostic } from '@wglint/core';
import { lintTexts } from '@wglint/engine';

export const KEY_A = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=';
export const KEY_B = 'ABBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBFA=';
export const PUB_1 = 'fE/wdxzl0klVp/IR8UcaoGUMjqaWi3jAd7KzHKFS6Ds=';
export const PUB_2 = 'jUd41n3XYa3yXBzyBvWqlLhYgRef5RiBD7jwo70U+Rw=';

/** Diagnostics of one rule for an in-memory host. */
export function run(ruleId: string, files: Record<string, string>, targets?: Record<string, string>): Diagnostic[] {
  return lintTexts(files, targets ? { targets } : {}).filter((d) => d.ruleId === ruleId);
}

/** The text a diagnostic points at. */
export function at(files: Record<string, string>, d: Diagnostic): string {
  return files[d.file]!.slice(d.range.start, d.range.end);
}

/** The file after applying the diagnostic's fix. */
export function fixed(files: Record<string, string>, d: Diagnostic): string {
  return applyEdits(files[d.file]!, d.fix!.edits).text;
}

/** A wg config: `[Interface]` lines, then one peer. */
export function wg(iface: string, peer = `[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = 10.0.0.2/32\n`): string {
  return `[Interface]\nPrivateKey = ${KEY_A}\n${iface.trim()}\n\n${peer}`;
}
