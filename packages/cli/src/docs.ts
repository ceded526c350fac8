import { readdirSync, readFileSync } from 'node:fs';

/**
 * The rule docs (`docs/rules/<id>.md`) keyed by id. The bundle embeds them at build time; from
 * source they are read from the repository.
 */
export async function loadRuleDocs(): Promise<Readonly<Record<string, string>>> {
  try {
    return (await import('virtual:wglint-rule-docs')).default;
  } catch {
    const dir = new URL('../../../docs/rules/', import.meta.url);
    const out: Record<string, string> = {};
    try {
      for (const name of readdirSync(dir)) {
        if (name.endsWith('.md') && name !== 'README.md') out[name.slice(0, -3)] = readFileSync(new URL(name, dir), 'utf8');
      }
    } catch {
      // no docs directory: explain says so
    }
    return out;
  }
}
