/**
 * Normalises a sysctl key to the dotted form procps prints. When the first separator is `/`, dots
 * belong to names (`eth0.100`) and become `/` in the dotted form (sysctl.d(5), sysctl(8)). A
 * `/proc/sys/` prefix is kept (`proc.sys.net.ipv4.ip_forward`): procps sysctl 4.0 and
 * systemd-sysctl put `/proc/sys/` in front of every key themselves, so `sysctl -w
 * /proc/sys/net/ipv4/ip_forward=1` fails ("cannot stat /proc/sys//proc/sys/net/...") and sets nothing.
 */
export function normalizeSysctlKey(key: string): string {
  const k = key.trim();
  const firstSep = k.search(/[./]/);
  if (firstSep >= 0 && k[firstSep] === '/') {
    return k
      .replace(/^\/+/, '')
      .split('/')
      .map((p) => p.replace(/\./g, '/'))
      .join('.');
  }
  return k;
}

/** The `/proc/sys` path of a dotted key. */
export function sysctlPath(key: string): string {
  return `/proc/sys/${key
    .split('.')
    .map((p) => p.replace(/\//g, '.'))
    .join('/')}`;
}

/** fnmatch-style match of a glob key (`net.ipv4.conf.*.rp_filter`) against a dotted key. */
export function sysctlGlobMatches(pattern: string, key: string): boolean {
  if (!/[*?[]/.test(pattern)) return pattern === key;
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^.]*';
    else if (c === '?') re += '[^.]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`).test(key);
  } catch {
    return false;
  }
}
