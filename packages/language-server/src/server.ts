import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeverityOrOff } from '@wglint/core';
import { loadConfig } from '@wglint/engine';
import type { TargetVersions } from '@wglint/host';
import { type Connection, type InitializeResult, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type DocumentAnalysis } from './analyze.js';
import { codeActions } from './code-actions.js';
import { completion } from './completion.js';
import { toLspDiagnostic } from './convert.js';
import { formatDocument } from './formatting.js';
import { hover } from './hover.js';

export interface ServerOptions {
  /** Delay between the last keystroke and re-linting (ms). */
  readonly debounceMs?: number;
}

/** Wires wglint's features onto an LSP connection. The caller calls `connection.listen()`. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, DocumentAnalysis>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const fsPathOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  const openTexts = (): Map<string, string> => new Map(documents.all().map((d) => [fsPathOf(d.uri), d.getText()]));

  const analyze = (doc: TextDocument): DocumentAnalysis => {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const fsPath = fsPathOf(doc.uri);
    const result = analyzeDocument({
      uri: doc.uri,
      fsPath,
      version: doc.version,
      text: doc.getText(),
      open: openTexts(),
      ...configFor(fsPath),
    });
    analyses.set(doc.uri, result);
    return result;
  };

  const publish = (doc: TextDocument): void => {
    const a = analyze(doc);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: a.diagnostics.map((d) => toLspDiagnostic(a.lineIndex, d)) });
  };

  const schedule = (doc: TextDocument): void => {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) publish(current);
      }, debounceMs),
    );
  };

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: true,
        documentFormattingProvider: true,
        completionProvider: { triggerCharacters: ['['] },
      },
      serverInfo: { name: 'wglint' },
    }),
  );
  documents.onDidOpen((e) => publish(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidSave((e) => publish(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDoc = <T>(uri: string, fallback: T, f: (a: DocumentAnalysis) => T): T => {
    const doc = documents.get(uri);
    return doc ? f(analyze(doc)) : fallback;
  };
  connection.onHover((p) => withDoc(p.textDocument.uri, null, (a) => hover(a, p.position)));
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, [], (a) => codeActions(a, p.range)));
  connection.onCompletion((p) => withDoc(p.textDocument.uri, [], (a) => completion(a, p.position)));
  connection.onDocumentFormatting((p) => withDoc(p.textDocument.uri, [], (a) => formatDocument(a)));

  documents.listen(connection);
}

/** Severities and targets from the nearest wglint.config.json; a broken config falls back to defaults. */
function configFor(fsPath: string): { severities?: Readonly<Record<string, SeverityOrOff>>; targets?: Partial<TargetVersions> } {
  try {
    const { config } = loadConfig({ cwd: dirname(fsPath) });
    return { severities: config.rules, targets: config.targets };
  } catch {
    return {};
  }
}
