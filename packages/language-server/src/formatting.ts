import { detectLanguage, formatterFor } from '@wglint/engine';
import type { TextEdit } from 'vscode-languageserver';
import type { DocumentAnalysis } from './analyze.js';

/** Whole-document formatting with the language's comment-preserving formatter; no edit when unchanged. */
export function formatDocument(doc: DocumentAnalysis): TextEdit[] {
  const language = detectLanguage(doc.host.rel, doc.text);
  const format = language ? formatterFor(language) : undefined;
  if (!format) return [];
  const formatted = format(doc.text);
  if (formatted === doc.text) return [];
  const end = doc.lineIndex.positionAt(doc.text.length);
  return [{ range: { start: { line: 0, character: 0 }, end: { line: end.line - 1, character: end.column - 1 } }, newText: formatted }];
}
