import type { Diagnostic, Fix } from '@wglint/core';

/** `PrivateKey = v`, also the broken spellings a parser may quote back (`PrivateKey v`, `PrivateKey: v`). */
const KEY_LINE = /^[ \t]*(?:PrivateKey|PresharedKey)\b[ \t]*[=:]?[ \t]*([^\r\n#]*?)[ \t]*(?:#.*)?$/gim;
/** Values passed to `wg set … private-key`/`preshared-key` through process substitution or echo. */
const HOOK_KEY = /(?:private-key|preshared-key)\s+<\(\s*echo\s+['"]?([A-Za-z0-9+/=]{8,})/g;

export const REDACTED = '<redacted>';

/** The secret values (private and preshared keys) written in a file's text. */
export function secretValues(text: string): string[] {
  const out = new Set<string>();
  for (const re of [KEY_LINE, HOOK_KEY]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const v = m[1]!.trim();
      if (v.length >= 4) out.add(v);
      // and the pieces of a damaged value, which a message may quote one at a time
      for (const piece of v.split(/[\s=]+/)) if (piece.length >= 8) out.add(piece);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Replaces every secret value in `s` with `<redacted>`. */
export function redact(s: string, secrets: readonly string[]): string {
  let out = s;
  for (const v of secrets) if (out.includes(v)) out = out.split(v).join(REDACTED);
  return out;
}

/**
 * Defence in depth: rules and parsers never put key values in messages, but if one does, the value
 * is masked here, and a fix whose text would carry a key is not shown (it can still be applied).
 */
export function redactDiagnostic(d: Diagnostic, secrets: readonly string[]): Diagnostic {
  if (secrets.length === 0) return d;
  const message = redact(d.message, secrets);
  const leaks = (f: Fix): boolean => f.edits.some((e) => redact(e.text, secrets) !== e.text) || redact(f.title, secrets) !== f.title;
  const fixLeaks = d.fix !== undefined && leaks(d.fix);
  const kept = d.suggestions?.filter((f) => !leaks(f));
  if (message === d.message && !fixLeaks && kept?.length === d.suggestions?.length) return d;
  const { fix, suggestions, ...rest } = d;
  return { ...rest, message, ...(fix && !fixLeaks ? { fix } : {}), ...(kept && kept.length > 0 ? { suggestions: kept } : {}) };
}
