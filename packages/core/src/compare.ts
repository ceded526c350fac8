/**
 * Code-point string order, the order of `strcmp`, `sort` under `LC_ALL=C` and git. Also avoids
 * `localeCompare`, whose first call builds an ICU collator (about 7 ms of a CLI start).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Version order: digit runs compare as numbers (`1.0.6` < `1.0.10`), anything else by code point. */
export function compareVersions(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const c = numeric ? Number(x) - Number(y) || compareStrings(x, y) : compareStrings(x, y);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  return ra.length - rb.length < 0 ? -1 : ra.length > rb.length ? 1 : 0;
}
