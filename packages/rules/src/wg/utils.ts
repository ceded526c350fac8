import { LineIndex, type TextRange, type TextEdit } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { WgConfig, WgEntry, WgKnownKey, WgSection, WgSectionKind } from '@wglint/wg';
import { INTERFACE_KEYS } from '@wglint/wg';

/** A wg-quick config of the host, with what rules need to report into it. */
export interface WgFile {
  readonly path: string;
  readonly text: string;
  readonly ast: WgConfig;
  /** The file on disk starts with a byte order mark that the reader took out of `text`. */
  readonly bom: boolean;
  /** 1-based line of an offset, for messages that point at another line. */
  lineOf(offset: number): number;
}

/** Every wg config of the host. */
export function wgFiles(model: HostModel): WgFile[] {
  return model.files.flatMap((f) => {
    if (f.language !== 'wg') return [];
    let index: LineIndex | undefined;
    const lineOf = (offset: number) => (index ??= new LineIndex(f.file.text)).positionAt(offset).line;
    return [{ path: f.file.path, text: f.file.text, ast: f.ast, bom: f.file.bom === true, lineOf }];
  });
}

/** Every entry with the kind of section it sits in (`none` before the first header). */
export function placedEntries(ast: WgConfig): { entry: WgEntry; section: WgSection | null; kind: WgSectionKind | 'none' }[] {
  const out: { entry: WgEntry; section: WgSection | null; kind: WgSectionKind | 'none' }[] = [];
  for (const item of ast.preamble) if (item.type === 'WgEntry') out.push({ entry: item, section: null, kind: 'none' });
  for (const s of ast.sections) for (const entry of s.entries) out.push({ entry, section: s, kind: s.kind });
  return out;
}

/** The section a known key belongs to. */
export function sectionOfKey(key: WgKnownKey): 'Interface' | 'Peer' {
  return (INTERFACE_KEYS as readonly string[]).includes(key) ? 'Interface' : 'Peer';
}

/** Entries whose key is known and in its own section: the ones the tools actually read. */
export function readEntries(ast: WgConfig, key: WgKnownKey): WgEntry[] {
  return placedEntries(ast)
    .filter((p) => p.entry.canonicalKey === key && p.kind === sectionOfKey(key))
    .map((p) => p.entry);
}

/** The range of a header as written, without its trailing comment. */
export function headerRange(section: WgSection): TextRange {
  return { start: section.header.range.start, end: section.header.range.start + section.header.raw.length };
}

/** A short, non-secret label for a peer: its public key's first characters and its line. */
export function peerLabel(file: WgFile, peer: WgSection): string {
  const pk = peer.entries.find((e) => e.canonicalKey === 'PublicKey');
  const key = pk && pk.value.kind === 'key' && pk.value.error === null ? ` (\`${pk.rawValue.slice(0, 8)}…\`)` : '';
  return `the peer at line ${file.lineOf(peer.range.start)}${key}`;
}

/** An edit deleting the whole line that holds `range` (its terminator included). */
export function deleteLine(text: string, range: TextRange): TextEdit {
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const nl = text.indexOf('\n', range.end);
  return { range: { start, end: nl < 0 ? text.length : nl + 1 }, text: '' };
}

/** Compares wireguard-tools versions like `1.0.20210914`; negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
