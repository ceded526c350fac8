import type { Diagnostic } from '@wglint/core';
import type { FileResult } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import github from '../src/formatters/github.js';
import json from '../src/formatters/json.js';
import sarif from '../src/formatters/sarif.js';
import stylish from '../src/formatters/stylish.js';
import type { FormatContext } from '../src/formatters/types.js';

const ctx: FormatContext = {
  rules: [
    { id: 'a-rule', severity: 'warning', fixable: true, summary: 'A rule', languages: ['wg'] },
    { id: 'syntax-error', severity: 'error', fixable: false, summary: 'Syntax', languages: ['wg'] },
  ],
  docsUrl: (id) => `https://example.test/docs/rules/${id}.md`,
  version: '9.9.9',
  homepage: 'https://example.test',
  color: false,
};

const text = '[Interface]\r\nAddress = 1\r\nMTU = x\n';
function diag(over: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'a-rule', severity: 'warning', message: 'Msg.', file: 'f.conf', range: { start: 13, end: 20 }, ...over };
}
function result(diagnostics: Diagnostic[], filePath = 'dir/f.conf'): FileResult {
  return { filePath, language: 'wg', diagnostics, text, fixed: false };
}

describe('json', () => {
  it('places ranges 1-based with exclusive end and shows only single-edit fixes', () => {
    const one = { title: 't', edits: [{ range: { start: 13, end: 14 }, text: 'a' }] };
    const two = { title: 't', edits: [{ range: { start: 13, end: 14 }, text: 'a' }, { range: { start: 30, end: 31 }, text: 'b' }] };
    const out = JSON.parse(json([result([diag({ fix: one }), diag({ range: { start: 26, end: 33 }, severity: 'info', fix: two })])], ctx));
    expect(out).toEqual([
      {
        filePath: 'dir/f.conf',
        language: 'wg',
        diagnostics: [
          { ruleId: 'a-rule', severity: 'warning', message: 'Msg.', line: 2, column: 1, endLine: 2, endColumn: 8, fix: { range: [13, 14], text: 'a' } },
          { ruleId: 'a-rule', severity: 'info', message: 'Msg.', line: 3, column: 1, endLine: 3, endColumn: 8 },
        ],
      },
    ]);
  });
});

describe('github', () => {
  it('escapes data and properties', () => {
    const out = github([result([diag({ message: '50% of a,b:\nnext' })], 'a,b:c.conf')], ctx);
    expect(out).toBe('::warning file=a%2Cb%3Ac.conf,line=2,endLine=2,col=1,endColumn=8,title=wglint a-rule::50%25 of a,b:%0Anext (a-rule)\n');
  });

  it('maps info to notice and prints nothing for no findings', () => {
    expect(github([result([diag({ severity: 'info' })])], ctx)).toMatch(/^::notice /);
    expect(github([result([])], ctx)).toBe('');
  });
});

describe('sarif', () => {
  it('uses relative URIs as given and file: URIs for absolute paths', () => {
    const log = JSON.parse(sarif([result([diag({})], 'my dir/f.conf'), result([diag({ ruleId: 'syntax-error', severity: 'error' })], '/abs/f.conf')], ctx));
    const [r1, r2] = log.runs[0].results;
    expect(r1.locations[0].physicalLocation.artifactLocation.uri).toBe('my%20dir/f.conf');
    expect(r2.locations[0].physicalLocation.artifactLocation.uri).toBe('file:///abs/f.conf');
    expect(r2).toMatchObject({ ruleId: 'syntax-error', ruleIndex: 1, level: 'error' });
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'wglint', version: '9.9.9', informationUri: 'https://example.test' });
    expect(log.runs[0].tool.driver.rules[0]).toEqual({
      id: 'a-rule',
      shortDescription: { text: 'A rule' },
      helpUri: 'https://example.test/docs/rules/a-rule.md',
      defaultConfiguration: { level: 'warning' },
      properties: { fixable: true, languages: ['wg'] },
    });
  });
});

describe('stylish', () => {
  it('aligns rows, strips the final period, counts info and fixable problems', () => {
    const fix = { title: 't', edits: [{ range: { start: 13, end: 14 }, text: 'a' }] };
    const out = stylish([result([diag({ severity: 'info', range: { start: 0, end: 1 } }), diag({ fix }), diag({ range: { start: 26, end: 27 }, severity: 'error', ruleId: 'syntax-error', message: 'Two\nlines.' })])], ctx);
    expect(out).toBe(
      [
        '',
        'dir/f.conf',
        '  1:1  info     Msg        a-rule',
        '  2:1  warning  Msg        a-rule',
        '  3:1  error    Two lines  syntax-error',
        '',
        '\u2716 3 problems (1 error, 1 warning, 1 info)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to report', () => {
    expect(stylish([result([])], ctx)).toBe('');
  });
});

describe('control characters', () => {
  it('are shown as \\xNN, never sent to the terminal', () => {
    const evil = diag({ message: 'bad \u001b[31mred\u0007 here' });
    expect(stylish([result([evil], 'x\u001b.conf')], ctx)).toContain('x\\x1b.conf\n  2:1  warning  bad \\x1b[31mred\\x07 here  a-rule');
    expect(github([result([evil])], ctx)).toContain('::bad \\x1b[31mred\\x07 here (a-rule)');
  });
});
