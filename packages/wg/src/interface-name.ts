/** wg-quick's interface name class: `[a-zA-Z0-9_=+.-]{1,15}` (IFNAMSIZ 16 with the NUL). */
const NAME = /^[a-zA-Z0-9_=+.-]{1,15}$/;

/** Why an interface name is refused, or null when wg-quick and the kernel accept it. */
export type InterfaceNameProblem = 'empty' | 'too-long' | 'characters' | 'reserved';

/**
 * The interface name wg-quick derives from a config path (`/etc/wireguard/wg0.conf` → `wg0`),
 * or null when the file name does not end in `.conf`.
 */
export function interfaceNameFromPath(path: string): string | null {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  return base.endsWith('.conf') ? base.slice(0, -'.conf'.length) : null;
}

/** Checks a name against wg-quick's pattern and the kernel's reserved names (facts §1.7). */
export function interfaceNameProblem(name: string): InterfaceNameProblem | null {
  if (name === '') return 'empty';
  if (NAME.test(name)) return name === '.' || name === '..' || name === 'all' || name === 'default' ? 'reserved' : null;
  return /^[a-zA-Z0-9_=+.-]+$/.test(name) ? 'too-long' : 'characters';
}
