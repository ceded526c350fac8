import type { SyntaxProblem, TextRange } from '@wglint/core';
import type { WgConfig, WgEntry, WgSectionKind } from './ast.js';
import { HOOK_KEYS, INTERFACE_KEYS, PEER_KEYS, WG_QUICK_KEYS, type WgKnownKey, canonicalKeyOf } from './keys.js';

/**
 * The lines wg refuses as a whole with "Line unrecognized" although the grammar (a superset)
 * reads them: unknown keys, keys outside their section or before any, unknown section headers,
 * and wg keys without a value. CONTRACT.md makes those `syntax-error`s; invalid *values* of
 * known keys are left to the rules.
 */
export function lineRefusals(ast: WgConfig): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const check = (entry: WgEntry, kind: WgSectionKind | 'none'): void => {
    const message = refusal(entry, kind);
    // An empty value is the whole `Key =`; otherwise the key is what is wrong.
    if (message) out.push({ range: isEmptyWgValue(entry, kind) ? entry.range : entry.keyRange, message });
  };
  for (const item of ast.preamble) if (item.type === 'WgEntry') check(item, 'none');
  for (const s of ast.sections) {
    if (s.kind === 'unknown') {
      // Reported once at the header; the lines below it follow from it.
      const range: TextRange = { start: s.header.range.start, end: s.header.range.start + s.header.raw.length };
      if (s.header.verbatim === null) out.push({ range, message: unknownSection(s.header.raw, s.header.name) });
      continue;
    }
    for (const e of s.entries) check(e, s.kind);
  }
  return out;
}

function sectionOf(key: WgKnownKey): 'Interface' | 'Peer' {
  return (INTERFACE_KEYS as readonly string[]).includes(key) ? 'Interface' : 'Peer';
}

function refusal(entry: WgEntry, kind: WgSectionKind | 'none'): string | undefined {
  const key = entry.canonicalKey;
  const written = shown(entry.key);
  if (key === null) {
    const squeezed = canonicalKeyOf(entry.key.replace(/\s+/g, ''));
    const near = closestKey(entry.key);
    const hint =
      squeezed && WG_QUICK_KEYS.has(squeezed)
        ? ` wg-quick matches its own keys exactly: write \`${squeezed}\` without spaces.`
        : near
          ? ` Did you mean \`${near}\`?`
          : ' Remove the line, or start it with `#` to make it a comment.';
    return `Unknown key \`${written}\`: wg refuses the line ("Line unrecognized") and the interface does not come up.${hint}`;
  }
  if (kind === 'none') {
    return `\`${written}\` comes before any section header: wg refuses it ("Line unrecognized"). Move it under \`[${sectionOf(key)}]\`.`;
  }
  if (sectionOf(key) !== kind) {
    const why =
      kind === 'Peer' && WG_QUICK_KEYS.has(key)
        ? `wg-quick reads \`${key}\` only in [Interface]; here it is passed to wg, which refuses the line ("Line unrecognized")${HOOK_KEYS.has(key) ? ' and the command never runs' : ''}`
        : 'wg refuses it there ("Line unrecognized")';
    return `\`${written}\` belongs in the [${sectionOf(key)}] section, not in [${kind}]: ${why}. Move the line to the [${sectionOf(key)}] section it is meant for.`;
  }
  if (isEmptyWgValue(entry, kind)) {
    return `\`${key}\` has no value: wg refuses \`${key} =\` ("Line unrecognized") and the interface does not come up. Give it a value, or remove the line.`;
  }
  return undefined;
}

/** wg-quick's own keys take an empty value (it adds nothing); wg's key matcher needs a character. */
function isEmptyWgValue(entry: WgEntry, kind: WgSectionKind | 'none'): boolean {
  const key = entry.canonicalKey;
  return key !== null && sectionOf(key) === kind && entry.value.kind === 'empty' && !WG_QUICK_KEYS.has(key);
}

function unknownSection(raw: string, name: string): string {
  const n = name.replace(/\s+/g, '').toLowerCase();
  const hint = n.startsWith('peer') ? ' Did you mean `[Peer]`?' : n.startsWith('interface') ? ' Did you mean `[Interface]`?' : '';
  return `Unknown section \`${shown(raw)}\`: wg knows only [Interface] and [Peer] and refuses the line ("Line unrecognized"), and wg-quick stops reading [Interface] keys here.${hint}`;
}

/** A user-written key for a message; anything key-shaped is hidden (it may be a pasted secret). */
function shown(text: string): string {
  const one = text.replace(/[A-Za-z0-9+/]{20,}=*/g, '<redacted>');
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

/** The known key within edit distance 2 of `written` (case-insensitive), if exactly one. */
function closestKey(written: string): WgKnownKey | undefined {
  const w = written.replace(/\s+/g, '').toLowerCase();
  const near = [...INTERFACE_KEYS, ...PEER_KEYS].filter((k) => distance(w, k.toLowerCase()) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
