import type { TextRange } from '@wglint/core';

/** One `ID NAME` line of an iproute2 `rt_tables` file. */
export interface RtTableEntry {
  readonly id: number;
  readonly name: string;
  /** The name in the file. */
  readonly range: TextRange;
}

/**
 * Reads an iproute2 `rt_tables` file (`/etc/iproute2/rt_tables`, `rt_tables.d/*.conf`) as
 * `rtnl_hash_initialize` does: per line, leading blanks skipped, `#` and empty lines ignored, then
 * `sscanf` of `0x%x %s` or `%d %s` (the name is the next run of non-blanks; what follows is
 * ignored). Negative ids are skipped; a line that matches neither form stops the file there
 * (iproute2 prints "Database ... is corrupted" and reads no further). Never throws.
 */
export function parseRtTables(text: string): RtTableEntry[] {
  const out: RtTableEntry[] = [];
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    const lead = /^[ \t]*/.exec(line)![0].length;
    if (lead < line.length && line[lead] !== '#' && line.slice(lead).trim() !== '') {
      const m = ENTRY.exec(line.slice(lead));
      if (!m) break;
      // `%x`/`%d` into an int: ids from 2^31 on read as negative and are skipped
      const id = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[3]);
      const name = m[2] ?? m[4]!;
      if (id >= 0 && id <= 0x7fffffff) {
        const start = pos + lead + m[0].length - name.length;
        out.push({ id, name, range: { start, end: start + name.length } });
      }
    }
    pos = end + 1;
  }
  return out;
}

// `0x%x %s` first, then `%d %s` (a space in a scanf format matches any blanks, none included).
const ENTRY = /^(?:0x([0-9a-fA-F]{1,8})[ \t\r\f\v]*(\S+)|([+-]?[0-9]{1,10})[ \t\r\f\v]*(\S+))/;
