import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalog } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { REQUIRED_SECTIONS, missingSections, renderConfigSchema, renderRuleIndex } from '../../scripts/rule-index.js';

const docsDir = join(import.meta.dirname, '../../docs/rules');
const pages = readdirSync(docsDir).filter((n) => n.endsWith('.md') && n !== 'README.md');
const ids = ruleCatalog().map((r) => r.id);

describe('rule docs', () => {
  it('docs/rules/README.md matches the rules (run `npm run docs:gen` to update)', () => {
    expect(readFileSync(join(docsDir, 'README.md'), 'utf8')).toBe(renderRuleIndex());
  });

  it('docs/schema/wglint.schema.json matches the rules (run `npm run docs:gen` to update)', () => {
    expect(readFileSync(join(docsDir, '../schema/wglint.schema.json'), 'utf8')).toBe(renderConfigSchema());
  });

  it('includes the engine’s own diagnostics', () => {
    expect(ids).toEqual(expect.arrayContaining(['syntax-error', 'unused-suppression']));
  });

  it.each(ids)('%s has a docs page with every required section', (id) => {
    expect(pages, `docs/rules/${id}.md is missing`).toContain(`${id}.md`);
    const md = readFileSync(join(docsDir, `${id}.md`), 'utf8');
    expect(missingSections(md), `docs/rules/${id}.md`).toEqual([]);
    expect(md.startsWith(`# ${id}`), `docs/rules/${id}.md starts with "# ${id}"`).toBe(true);
    expect((md.match(/^```/gm) ?? []).length, `docs/rules/${id}.md has a bad and a good example block`).toBeGreaterThanOrEqual(4);
  });

  it('rule metadata is well-formed: kebab-case unique ids, one-line summaries without a final period', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ruleCatalog()) {
      expect(r.id, r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.summary, r.id).toMatch(/^\S.*[^.\s]$/);
      expect(r.summary, r.id).not.toMatch(/[\r\n]/);
      expect(['error', 'warning', 'info'], r.id).toContain(r.severity);
      expect(r.languages.length, r.id).toBeGreaterThan(0);
    }
  });

  it('has no page for a rule that does not exist', () => {
    expect(pages.map((p) => p.slice(0, -3)).filter((p) => !ids.includes(p))).toEqual([]);
  });

  it('the section checker catches missing and misordered sections', () => {
    const all = REQUIRED_SECTIONS.join('\n\ntext\n\n');
    expect(missingSections(all)).toEqual([]);
    expect(missingSections(all.replace('## How to fix', '## Fix'))).toEqual(['missing "## How to fix"']);
    const swapped = [REQUIRED_SECTIONS[1], REQUIRED_SECTIONS[0], ...REQUIRED_SECTIONS.slice(2)].join('\n');
    expect(missingSections(swapped)).toEqual([expect.stringMatching(/^sections out of order/)]);
  });
});
