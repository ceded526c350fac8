import { type RuleMeta, compareStrings } from '@wglint/core';
import { allRules } from '@wglint/rules';
import { UNUSED_SUPPRESSION } from './run-rules.js';

/** The project's home page (the repository). */
export const HOMEPAGE_URL = 'https://github.com/wglint/wglint';

/** Where rule documentation is published: `docs/rules/<id>.md` in the repository. */
export const DOCS_BASE_URL = `${HOMEPAGE_URL}/blob/main/docs/rules/`;

export const SYNTAX_ERROR = 'syntax-error';

/** Diagnostics the engine itself produces; they have docs pages and severities like rules. */
export const BUILTIN_RULES: readonly RuleMeta[] = [
  {
    id: SYNTAX_ERROR,
    severity: 'error',
    fixable: false,
    summary: 'Text the real tool would refuse to parse, in any language, also inside PreUp/PostUp/PreDown/PostDown commands',
    languages: ['wg', 'nft', 'iptables-save', 'sysctl'],
  },
  {
    id: UNUSED_SUPPRESSION,
    severity: 'warning',
    fixable: false,
    summary: 'A wglint-disable comment that suppresses nothing',
    languages: ['wg', 'nft', 'iptables-save', 'sysctl'],
  },
];

/** Every rule wglint can report, the engine's own included, sorted by id. */
export function ruleCatalog(): RuleMeta[] {
  return [...BUILTIN_RULES, ...allRules.map((r) => r.meta)].sort((a, b) => compareStrings(a.id, b.id));
}

export function knownRuleIds(): string[] {
  return ruleCatalog().map((m) => m.id);
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
