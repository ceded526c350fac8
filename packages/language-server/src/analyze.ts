import { type Diagnostic, LineIndex, type SeverityOrOff } from '@wglint/core';
import type { TargetVersions } from '@wglint/host';
import { detectLanguage, lintTexts, redactDiagnostic, secretValues } from '@wglint/engine';
import { type HostTexts, hostTextsFor } from './host-context.js';

/** What the server keeps per open document between keystrokes. */
export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lineIndex: LineIndex;
  /** Diagnostics of this document only, secrets redacted. */
  readonly diagnostics: readonly Diagnostic[];
  readonly host: HostTexts;
}

export interface AnalyzeInput {
  readonly uri: string;
  readonly fsPath: string;
  readonly version: number;
  readonly text: string;
  /** Open documents by file-system path. */
  readonly open: ReadonlyMap<string, string>;
  readonly severities?: Readonly<Record<string, SeverityOrOff>>;
  readonly targets?: Partial<TargetVersions>;
}

/** Lints a document in the context of its host, exactly as the CLI would. Never throws. */
export function analyzeDocument(input: AnalyzeInput): DocumentAnalysis {
  const host = hostTextsFor(input.fsPath, input.text, input.open);
  const known = detectLanguage(host.rel, input.text) !== undefined;
  let diagnostics: Diagnostic[] = [];
  if (known) {
    const secrets = Object.values(host.files).flatMap(secretValues);
    diagnostics = lintTexts(host.files, {
      root: host.root,
      ...(input.severities ? { severities: input.severities } : {}),
      ...(input.targets ? { targets: input.targets } : {}),
    })
      .filter((d) => d.file === host.rel)
      .map((d) => redactDiagnostic(d, secrets));
  }
  return { uri: input.uri, version: input.version, text: input.text, lineIndex: new LineIndex(input.text), diagnostics, host };
}
