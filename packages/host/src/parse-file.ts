import type { SourceFile } from '@wglint/core';
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
      return { language: 'nft', file, lint, ast: r.ast, problems: r.problems };
    }
    case 'iptables-save': {
      const r = parseIptablesSave(file.text);
      // iptables-restore also refuses, while parsing, what `checkIptCommand` calls interface-direction
      // and drop-in-nat (`Can't use -i with POSTROUTING`, facts §2.3/§2.4): those are syntax errors too.
      const extra = r.ast.tables
        .flatMap((t) => t.rules)
        .flatMap((rule) => parseTimeProblems(rule.summary.issues))
        .filter((p) => !r.problems.some((q) => q.range.start === p.range.start && q.range.end === p.range.end));
      return { language: 'iptables-save', file, lint, ast: r.ast, problems: [...r.problems, ...extra] };
    }
    case 'sysctl': {
      const r = parseSysctl(file.text);
      return { language: 'sysctl', file, lint, ast: r.ast, problems: r.problems };
    }
  }
}
