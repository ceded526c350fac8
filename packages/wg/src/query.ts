import type { WgConfig, WgEntry, WgSection } from './ast.js';
import type { WgKnownKey } from './keys.js';

/** The first `[Interface]` section (wg merges repeated ones; later values win). */
export function getInterfaceSection(config: WgConfig): WgSection | undefined {
  return config.sections.find((s) => s.kind === 'Interface');
}

/** Every `[Interface]` section, in file order. */
export function getInterfaceSections(config: WgConfig): WgSection[] {
  return config.sections.filter((s) => s.kind === 'Interface');
}

/** Every `[Peer]` section, in file order (each header starts a new peer). */
export function getPeers(config: WgConfig): WgSection[] {
  return config.sections.filter((s) => s.kind === 'Peer');
}

/** The entries of `section` whose canonical key is `key`, in file order. */
export function getEntries(section: WgSection | undefined, key: WgKnownKey): WgEntry[] {
  return section ? section.entries.filter((e) => e.canonicalKey === key) : [];
}

/** The entry that takes effect for a last-wins key (the last one), if any. */
export function getLastEntry(section: WgSection | undefined, key: WgKnownKey): WgEntry | undefined {
  const all = getEntries(section, key);
  return all[all.length - 1];
}

/** Every entry of the file, preamble included, in file order. */
export function getAllEntries(config: WgConfig): WgEntry[] {
  return [...config.preamble.filter((i): i is WgEntry => i.type === 'WgEntry'), ...config.sections.flatMap((s) => s.entries)];
}
