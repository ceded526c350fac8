import { LineIndex, type Diagnostic } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import type { DocumentAnalysis } from '../src/analyze.js';
import { codeActions } from '../src/code-actions.js';

const text = 'net.ipv4.ip_foward = 1\n';
const key = { start: 0, end: 18 };
const doc = (d: Diagnostic): DocumentAnalysis =>
  ({ uri: 'file:///etc/sysctl.d/99.conf', version: 1, text, lineIndex: new LineIndex(text), diagnostics: [d], host: {} }) as unknown as DocumentAnalysis;
const line0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('codeActions', () => {
  it('offers a fix as the preferred quick fix and a suggestion as a quick fix that is not preferred', () => {
    const replace = { title: 'Replace with `net.ipv4.ip_forward`', edits: [{ range: key, text: 'net.ipv4.ip_forward' }] };
    const withFix = codeActions(doc({ ruleId: 'r', severity: 'warning', message: 'm', file: 'f', range: key, fix: replace }), line0);
    expect(withFix.find((a) => a.title === replace.title)?.isPreferred).toBe(true);
    const withSuggestion = codeActions(doc({ ruleId: 'r', severity: 'warning', message: 'm', file: 'f', range: key, suggestions: [replace] }), line0);
    const action = withSuggestion.find((a) => a.title === replace.title);
    expect(action?.isPreferred).toBeUndefined();
    expect(action?.edit?.changes?.['file:///etc/sysctl.d/99.conf']?.[0]).toMatchObject({ newText: 'net.ipv4.ip_forward', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } } });
    expect(withSuggestion.map((a) => a.title)).toContain('Disable r for this line');
  });
});
