import type { Diagnostic } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { redactDiagnostic } from '../src/secrets.js';

const SECRET = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const base: Diagnostic = { ruleId: 'r', severity: 'warning', message: 'm', file: 'f', range: { start: 0, end: 1 } };

describe('redactDiagnostic', () => {
  it('masks a key in the message and drops a fix or suggestion that would write it', () => {
    const leaky = { title: 'Use it', edits: [{ range: { start: 0, end: 1 }, text: SECRET }] };
    const safe = { title: 'Remove', edits: [{ range: { start: 0, end: 1 }, text: '' }] };
    const d = redactDiagnostic({ ...base, message: `key ${SECRET}`, fix: leaky, suggestions: [leaky, safe] }, [SECRET]);
    expect(JSON.stringify(d)).not.toContain(SECRET);
    expect(d.message).toBe('key <redacted>');
    expect(d.fix).toBeUndefined();
    expect(d.suggestions).toEqual([safe]);
  });
  it('returns a diagnostic without secrets as it is', () => {
    const d = { ...base, suggestions: [{ title: 't', edits: [] }] };
    expect(redactDiagnostic(d, [SECRET])).toBe(d);
  });
});
