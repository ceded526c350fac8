// Addresses as glibc's inet_pton reads them, as numbers. Shared by the parsers that compare or
// order addresses (wg's AllowedIPs, nft's ranges and intervals); hand-written rather than ip-num so
// that linting a wg0.conf does not load ip-num (docs/performance.md, start-up).

// inet_pton(AF_INET) wants exactly four decimal octets and rejects leading zeros ("010").
const IPV4 = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** inet_pton(AF_INET): the address as a 32-bit number, or null. */
export function inetPton4(text: string): bigint | null {
  if (!IPV4.test(text)) return null;
  let value = 0;
  for (const octet of text.split('.')) {
    const n = Number(octet);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return BigInt(value);
}

/** inet_pton(AF_INET6): 8 hex groups, one `::` for one or more zero groups, a dotted quad last; or null. */
export function inetPton6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string, last: boolean): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const words = part.split(':');
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (last && i === words.length - 1 && w.includes('.')) {
        const v4 = inetPton4(w);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (HEX_GROUP.test(w)) out.push(parseInt(w, 16));
      else return null;
    }
    return out;
  };
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (head === null || tail === null) return null;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const groups = [...head, ...new Array<number>(8 - count).fill(0), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}
