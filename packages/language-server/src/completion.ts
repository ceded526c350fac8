import { INTERFACE_KEYS, PEER_KEYS } from '@wglint/wg';
import { type CompletionItem, CompletionItemKind, type Position } from 'vscode-languageserver';
import type { DocumentAnalysis } from './analyze.js';
import { WG_KEY_DOCS } from './key-docs.js';

/** Completion in wg-quick configs: section headers at a line start, and the keys of the section the cursor is in. */
export function completion(doc: DocumentAnalysis, position: Position): CompletionItem[] {
  if (!doc.host.rel.endsWith('.conf') || doc.host.rel.includes('sysctl')) return [];
  const lineStart = doc.lineIndex.lineStart(position.line + 1);
  const before = doc.text.slice(lineStart, lineStart + position.character);
  if (before.includes('=') || before.includes('#')) return [];
  if (/^\s*\[/.test(before)) {
    return ['Interface', 'Peer'].map((s) => ({ label: `[${s}]`, kind: CompletionItemKind.Module, insertText: `${s}]`, filterText: `[${s}]` }));
  }
  const section = currentSection(doc.text.slice(0, lineStart));
  const keys = section === 'peer' ? PEER_KEYS : section === 'interface' ? INTERFACE_KEYS : [];
  return keys.map((k) => ({ label: k, kind: CompletionItemKind.Property, detail: WG_KEY_DOCS[k], insertText: `${k} = ` }));
}

function currentSection(textBefore: string): 'interface' | 'peer' | undefined {
  const headers = [...textBefore.matchAll(/^\s*\[\s*(Interface|Peer)\s*\]/gim)];
  const last = headers.at(-1)?.[1]?.toLowerCase();
  return last === 'interface' || last === 'peer' ? last : undefined;
}
