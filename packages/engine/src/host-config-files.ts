import { join } from 'node:path';
import type { HostConfigFile } from '@wglint/host';
import { isRtTablesPath } from '@wglint/host';
import { readFile, readdir } from './fs-async.js';

/** Larger files are not an rt_tables anyone wrote by hand: left out. */
const MAX_BYTES = 1024 * 1024;
/** At most this many `rt_tables.d/*.conf` files are read. */
const MAX_DROP_INS = 200;

/**
 * The files of a host root that wglint reads for facts without linting them
 * (`HostConfigFile`): `etc/iproute2/rt_tables` and `etc/iproute2/rt_tables.d/*.conf`. Missing or
 * unreadable ones are left out silently, as iproute2 does.
 */
export async function readHostConfigFiles(rootAbs: string): Promise<HostConfigFile[]> {
  const dir = join(rootAbs, 'etc', 'iproute2');
  const paths = ['etc/iproute2/rt_tables'];
  try {
    const dropIns = (await readdir(join(dir, 'rt_tables.d')))
      .filter((e) => e.isFile() && e.name.endsWith('.conf'))
      .map((e) => `etc/iproute2/rt_tables.d/${e.name}`)
      .sort()
      .slice(0, MAX_DROP_INS);
    paths.push(...dropIns);
  } catch {
    // no rt_tables.d
  }
  const out: HostConfigFile[] = [];
  for (const path of paths) {
    try {
      const bytes = await readFile(join(rootAbs, path));
      if (bytes.length <= MAX_BYTES) out.push({ path, text: bytes.toString('utf8') });
    } catch {
      // absent or unreadable: iproute2 reads nothing either
    }
  }
  return out;
}

/** True for a host-relative path of a file read for facts (`HostConfigFile`): what an editor passes to `lintTexts` too. */
export function isHostConfigPath(path: string): boolean {
  return isRtTablesPath(path);
}

/** The host config files among in-memory host texts (editors, tests): by path. */
export function hostConfigFilesOf(files: Readonly<Record<string, string>>): HostConfigFile[] {
  return Object.entries(files)
    .filter(([path]) => isHostConfigPath(path))
    .map(([path, text]) => ({ path, text }));
}
