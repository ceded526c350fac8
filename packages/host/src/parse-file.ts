import type { SourceFile, SyntaxProblem } from '@wglint/core';
import { dumpFamilyFromPath } from './dump-family.js';
import { parseIptablesSave } from '@wglint/iptables';
import { parseNftSource } from '@wglint/nft';
import { parseSysctl } from '@wglint/sysctl';
import { interfaceNameFromPath, parseWgConfig } from '@wglint/wg';
import { parseTimeProblems } from './adapters.js';
import type { ParsedFile } from './parsed-file.js';

/** Parses a file with its language's parser. Never throws. */
export function parseSourceFile(file: SourceFile, lint = true): ParsedFile {
  switch (file.language) {
    case 'wg': {
      const name = interfaceNameFromPath(file.path);
      const r = parseWgConfig(file.text, name ? { interfaceName: name } : {});
      return { language: 'wg', file, lint, ast: r.ast, problems: r.problems };
    }
    case 'nft': {
      // `nft -j list ruleset` output (JSON) and nft text both read into the same AST.
      const r = parseNftSource(file.text);
      return { language: 'nft', file, lint, ast: r.ast, problems: withBomProblem(file, r.problems, 'nft refuses it ("syntax error, unexpected junk")') };
    }
    case 'iptables-save': {
      const family = dumpFamilyFromPath(file.path);
      const r = parseIptablesSave(file.text, family ? { family } : {});
      // iptables-restore also refuses, while parsing, what `checkIptCommand` calls interface-direction
      // and drop-in-nat (`Can't use -i with POSTROUTING`, facts §2.3/§2.4): those are syntax errors too.
      const extra = r.ast.tables
        .flatMap((t) => t.rules)
        .flatMap((rule) => parseTimeProblems(rule.summary.issues))
        .filter((p) => !r.problems.some((q) => q.range.start === p.range.start && q.range.end === p.range.end));
      return { language: 'iptables-save', file, lint, ast: r.ast, problems: withBomProblem(file, [...r.problems, ...extra], 'iptables-restore refuses its first line ("line 1 failed")') };
    }
    case 'sysctl': {
      const r = parseSysctl(file.text);
      return { language: 'sysctl', file, lint, ast: r.ast, problems: r.problems };
    }
  }
}

/** A file's problems, with one for a byte order mark the reader removed (the tool reads it as text). */
function withBomProblem(file: SourceFile, problems: readonly SyntaxProblem[], refusal: string): readonly SyntaxProblem[] {
  if (!file.bom) return problems;
  return [{ range: { start: 0, end: 0 }, message: `The file starts with a UTF-8 byte order mark: ${refusal}. Save it as UTF-8 without BOM.` }, ...problems];
}
