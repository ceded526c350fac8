import { checkSysctlKey } from '@wglint/sysctl';
import { fail } from './errors.js';
import { describe } from './values.js';

/** A sysctl value: numbers, booleans (1/0) or strings such as `32768 60999`. */
export type SysctlValue = number | boolean | string;

/**
 * Builds a sysctl.d file (`/etc/sysctl.d/99-wireguard.conf`): one `key = value` line per entry,
 * in the given order. Keys are dotted (`net.ipv4.ip_forward`); unknown keys are refused unless
 * `allowUnknown` is set (sysctl fails on them at boot).
 */
export function sysctlFile(values: Readonly<Record<string, SysctlValue>>, opts: { comment?: string; allowUnknown?: boolean } = {}): string {
  const lines: string[] = [];
  if (opts.comment !== undefined) {
    if (/[\r\n]/.test(opts.comment)) fail('invalid-value', 'comment', 'the comment must be one line');
    lines.push(`# ${opts.comment}`);
  }
  for (const [key, value] of Object.entries(values)) {
    if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_+/-]+)+$/.test(key)) fail('invalid-name', key, 'not a dotted sysctl key such as `net.ipv4.ip_forward`');
    if (!opts.allowUnknown) {
      const r = checkSysctlKey(key);
      if (r.status === 'unknown') fail('invalid-name', key, `unknown sysctl key${r.suggestion ? `; did you mean \`${r.suggestion}\`?` : ''} (pass { allowUnknown: true } to keep it)`);
    }
    let text: string;
    if (typeof value === 'boolean') text = value ? '1' : '0';
    else if (typeof value === 'number') {
      if (!Number.isInteger(value)) fail('invalid-number', key, `expected an integer, got ${value}`);
      text = String(value);
    } else if (typeof value === 'string' && value.trim() !== '' && !/[\r\n#;]/.test(value) && value === value.trim()) text = value;
    else return fail('invalid-value', key, `${describe(value)} is not a one-line value (no comments, no surrounding spaces)`);
    lines.push(`${key} = ${text}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
