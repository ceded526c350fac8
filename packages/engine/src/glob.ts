/**
 * A small glob matcher for config `"hosts"` patterns: `**` (any number of directories), `*` and `?`
 * (within one segment), `[abc]`, `{a,b}`. Patterns and paths use `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more directories; a trailing `**` matches everything below.
          if (glob[i + 2] === '/') {
            re += '(?:[^/]*(?:/|$))*';
            i += 3;
          } else {
            re += '.*';
            i += 2;
          }
          continue;
        }
        re += '[^/]*';
        i += 2;
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\{}]/g, '\\$&');
    i++;
  }
  return new RegExp(`^${re}$`);
}

/** The leading part of a glob without wildcards: where to start walking (`hosts/gw1/**` → `hosts/gw1`). */
export function globBase(glob: string): string {
  const parts = glob.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (/[*?[{]/.test(p)) break;
    out.push(p);
  }
  if (out.length === parts.length) out.pop();
  return out.join('/') || '.';
}
