import type { IptCommand, IptOption, IptParam } from '@wglint/iptables';
import type { IfaceMatch, IptFacts } from './model.js';
import { type Cidr, cidrKey, parseCidr, type PortRange } from './net.js';

/** Modules whose options the model understands; anything else counts as an unknown restriction. */
const PORT_OPTIONS = new Set(['dport', 'destination-port', 'dports', 'destination-ports', 'ports', 'sport', 'source-port', 'sports', 'source-ports']);
const SERVICES: Readonly<Record<string, number>> = {
  ssh: 22, http: 80, https: 443, domain: 53, ntp: 123, smtp: 25, 'dhcpv6-client': 546, bootpc: 68, bootps: 67, wireguard: 51820,
};

/** Parses an iptables port spec: `22`, `1000:2000`, `1000:`, `:99`, a service name. */
export function parseIptPort(text: string): PortRange | undefined {
  const one = (s: string, dflt: number): number | undefined => {
    if (s === '') return dflt;
    if (/^\d+$/.test(s)) {
      const n = Number(s);
      return n <= 65535 ? n : undefined;
    }
    return SERVICES[s.toLowerCase()];
  };
  const parts = text.split(':');
  if (parts.length === 1) {
    const p = one(parts[0]!, -1);
    return p === undefined || p < 0 ? undefined : { from: p, to: p };
  }
  if (parts.length !== 2) return undefined;
  const a = one(parts[0]!, 0);
  const b = one(parts[1]!, 65535);
  return a === undefined || b === undefined ? undefined : { from: a, to: b };
}

function ifaceOf(p: IptParam | undefined): IfaceMatch | undefined {
  if (!p?.value) return undefined;
  const name = p.value.text;
  return { name, negated: p.negated, wildcard: name.endsWith('+') };
}

function cidrsOf(p: IptParam | undefined): { cidrs: Cidr[]; negated: boolean } | undefined {
  if (!p?.value) return undefined;
  const cidrs = p.value.text
    .split(',')
    .map((s) => parseCidr(s))
    .filter((c): c is Cidr => c !== undefined);
  return { cidrs, negated: p.negated };
}

function argText(o: IptOption): string {
  return o.args.map((a) => a.text).join(' ');
}

const PARAM_FLAGS = ['-s', '-d', '-i', '-o', '-p'] as const;

function cidrListKey(t: string): string {
  return t.split(',').map((s) => { const c = parseCidr(s); return c ? cidrKey(c) : s; }).join(',');
}

/** Derives what an iptables rule matches and does from its parsed command (rule commands only). */
export function iptFactsOf(cmd: IptCommand): IptFacts | undefined {
  const spec = cmd.rule;
  if (!spec) return undefined;
  const modules: string[] = [];
  let dports: { ranges: PortRange[]; negated: boolean } | undefined;
  let sports: { ranges: PortRange[]; negated: boolean } | undefined;
  let states: { values: string[]; negated: boolean } | undefined;
  let hasOtherMatches = false;
  let restricting = false;
  let markMatch: string | undefined;
  let connmarkMatch: string | undefined;
  const keyParts: string[] = [];

  const protocol = spec.protocol?.value ? { name: spec.protocol.value.text.toLowerCase(), negated: spec.protocol.negated } : undefined;
  // Same order as before: -s, -d, -i, -o, -p (no per-rule closures or tuple arrays).
  for (let k = 0; k < PARAM_FLAGS.length; k++) {
    const flag = PARAM_FLAGS[k]!;
    const p = flag === '-s' ? spec.source : flag === '-d' ? spec.destination : flag === '-i' ? spec.inInterface : flag === '-o' ? spec.outInterface : spec.protocol;
    if (!p) continue;
    if (flag === '-p' && !p.negated && (p.value?.text.toLowerCase() === 'all' || p.value?.text === '0')) continue;
    restricting = true;
    const t = p.value?.text ?? '';
    const norm = flag === '-s' || flag === '-d' ? cidrListKey(t) : flag === '-p' ? t.toLowerCase() : t;
    keyParts.push(`${p.negated ? '! ' : ''}${flag} ${norm}`);
  }
  if (spec.fragment) {
    restricting = true;
    hasOtherMatches = true;
    keyParts.push(`${spec.fragment.negated ? '! ' : ''}-f`);
  }

  for (const m of spec.matches) {
    modules.push(m.name);
    keyParts.push(`-m ${m.name}`);
    for (const o of m.options) {
      keyParts.push(`${o.negated ? '! ' : ''}--${o.name}${o.args.length ? ' ' + argText(o) : ''}`);
      if (m.name === 'comment') continue;
      restricting = true;
      if (PORT_OPTIONS.has(o.name) && (m.name === 'tcp' || m.name === 'udp' || m.name === 'multiport' || m.name === 'sctp' || m.name === 'udplite' || m.name === 'dccp')) {
        const ranges = o.args
          .flatMap((a) => a.text.split(','))
          .map((s) => parseIptPort(s))
          .filter((r): r is PortRange => r !== undefined);
        const isDest = o.name.startsWith('d') || o.name === 'ports';
        const entry = { ranges, negated: o.negated };
        if (isDest) dports = entry;
        else sports = entry;
        if (o.name === 'ports') hasOtherMatches = true; // --ports matches either direction
        continue;
      }
      if ((m.name === 'conntrack' && o.name === 'ctstate') || (m.name === 'state' && o.name === 'state')) {
        states = { values: o.args.flatMap((a) => a.text.toUpperCase().split(',')).filter(Boolean), negated: o.negated };
        continue;
      }
      if (m.name === 'mark' && o.name === 'mark') markMatch = argText(o);
      else if (m.name === 'connmark' && o.name === 'mark') connmarkMatch = argText(o);
      hasOtherMatches = true;
    }
  }

  const targetOptions: Record<string, string> = {};
  const target = spec.target?.name;
  if (spec.target) {
    keyParts.push(`${spec.target.goto ? '-g' : '-j'} ${spec.target.name}`);
    for (const o of spec.target.options) {
      targetOptions[o.name] = argText(o);
      keyParts.push(`--${o.name}${o.args.length ? ' ' + argText(o) : ''}`);
    }
  }

  return {
    ...(protocol ? { protocol } : {}),
    ...(spec.inInterface ? { inIface: ifaceOf(spec.inInterface)! } : {}),
    ...(spec.outInterface ? { outIface: ifaceOf(spec.outInterface)! } : {}),
    ...(spec.source ? { source: cidrsOf(spec.source)! } : {}),
    ...(spec.destination ? { destination: cidrsOf(spec.destination)! } : {}),
    ...(dports ? { dports } : {}),
    ...(sports ? { sports } : {}),
    ...(states ? { states } : {}),
    modules,
    hasOtherMatches,
    matchesAll: !restricting,
    ...(target ? { target } : {}),
    targetOptions,
    ...(markMatch ? { markMatch } : {}),
    ...(connmarkMatch ? { connmarkMatch } : {}),
    specKey: keyParts.join(' '),
  };
}

const TERMINAL_DROP = new Set(['DROP', 'REJECT']);

/** True when the rule drops or rejects every packet it sees. */
export function isDropping(f: IptFacts): boolean {
  return f.target !== undefined && TERMINAL_DROP.has(f.target);
}

function ifaceCovers(outer: IfaceMatch | undefined, inner: IfaceMatch | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  const matches = (pattern: IfaceMatch, name: string): boolean =>
    pattern.wildcard ? name.startsWith(pattern.name.slice(0, -1)) : pattern.name === name;
  if (!outer.negated) return !inner.negated && (inner.wildcard ? outer.wildcard && matches(outer, inner.name.slice(0, -1)) : matches(outer, inner.name));
  // `! -i X` covers `-i Y` when Y can never be X.
  return !inner.negated && !inner.wildcard && !matches({ ...outer, negated: false }, inner.name);
}

function cidrsCover(outer: IptFacts['source'], inner: IptFacts['source']): boolean {
  if (!outer) return true;
  if (!inner || outer.negated || inner.negated || outer.cidrs.length === 0 || inner.cidrs.length === 0) return false;
  return inner.cidrs.every((i) => outer.cidrs.some((o) => o.family === i.family && o.prefix <= i.prefix && containsNet(o, i)));
}

function containsNet(o: Cidr, i: Cidr): boolean {
  const bits = o.family === 'ipv4' ? 32 : 128;
  const mask = o.prefix === 0 ? 0n : (((1n << BigInt(bits)) - 1n) >> BigInt(bits - o.prefix)) << BigInt(bits - o.prefix);
  return (i.network & mask) === o.network;
}

function portsCover(outer: IptFacts['dports'], inner: IptFacts['dports']): boolean {
  if (!outer) return true;
  if (!inner || outer.negated || inner.negated || outer.ranges.length === 0 || inner.ranges.length === 0) return false;
  return inner.ranges.every((i) => outer.ranges.some((o) => o.from <= i.from && i.to <= o.to));
}

/**
 * True when every packet `inner` could match is also matched by `outer`, as far as the model can
 * tell; unknown matches in `outer` make it false (no false positives).
 */
export function iptCovers(outer: IptFacts, inner: IptFacts): boolean {
  if (outer.matchesAll) return true;
  if (outer.hasOtherMatches) return false;
  if (outer.protocol) {
    if (outer.protocol.negated || !inner.protocol || inner.protocol.negated || inner.protocol.name !== outer.protocol.name) return false;
  }
  if (!ifaceCovers(outer.inIface, inner.inIface) || !ifaceCovers(outer.outIface, inner.outIface)) return false;
  if (!cidrsCover(outer.source, inner.source) || !cidrsCover(outer.destination, inner.destination)) return false;
  if (!portsCover(outer.dports, inner.dports) || !portsCover(outer.sports, inner.sports)) return false;
  if (outer.states) {
    if (outer.states.negated || !inner.states || inner.states.negated) return false;
    if (!inner.states.values.every((v) => outer.states!.values.includes(v))) return false;
  }
  return true;
}
