// Canonical printer: emits a ruleset the way `nft list ruleset` prints it (tabs, one blank line
// between table items, objects → sets → flowtables → chains, base chain spec on one line).
import type {
  NftChain, NftCommand, NftExpr, NftFamily, NftFlowtable, NftObject, NftOption, NftPriority, NftRule, NftRuleset,
  NftSet, NftSetElement, NftStatement,
} from './ast.js';
import { BRIDGE_PRIORITIES, PRIORITIES } from './keywords.js';
import { applyCommands, type RulesetState, type StateTable } from './ruleset-state.js';

/** Resolves `$var` while printing: set per rule / element from the state being printed. */
let currentState: RulesetState | null = null;
let currentNode: object | null = null;

/**
 * Prints what `nft list ruleset` shows after loading the input into an empty ruleset: commands
 * are applied and merged into tables, `define`s are inlined, comments and `list`-like commands
 * produce nothing.
 */
export function printNftCanonical(ast: NftRuleset): string {
  const state = applyCommands(ast);
  currentState = state;
  try {
    return state.tables.map(printTable).join('');
  } finally {
    currentState = null;
    currentNode = null;
  }
}

/** Prints one command as nft input (command form), e.g. for fixes. */
export function printNftCommand(c: NftCommand): string {
  switch (c.type) {
    case 'NftTable':
      if (c.verb === 'add' && c.hasBlock) return printTable({ family: c.family, name: c.name?.text ?? '', flags: [...c.flags], comment: c.comment, objects: [...c.objects], sets: c.sets.map((d) => ({ decl: d, elements: [...(d.elements ?? [])] })), flowtables: [...c.flowtables], chains: c.chains.map((d) => ({ decl: d, name: d.name?.text ?? '', rules: [...d.rules] })) });
      return `${c.verb} table ${c.family} ${c.name?.text ?? `handle ${c.handle}`}\n`;
    case 'NftDefine':
      return `${c.kind} ${c.name.text}${c.value ? ` = ${printExpr(c.value)}` : ''}\n`;
    case 'NftInclude':
      return `include "${c.path.text}"\n`;
    case 'NftChain':
      return `${c.verb} chain ${c.family} ${c.table?.text} ${c.name?.text ?? `handle ${c.handle}`}${c.newName ? ` ${c.newName.text}` : ''}\n`;
    case 'NftRule': {
      const pos = c.position ? ` ${c.position.kind} ${c.position.value}` : '';
      const body = c.statements.length || c.comment ? ` ${printRuleBody(c)}` : '';
      return `${c.verb} rule ${c.family} ${c.table?.text} ${c.chain?.text}${pos}${body}\n`;
    }
    case 'NftSet':
      return `${c.verb} ${c.kind} ${c.family} ${c.table?.text} ${c.name?.text ?? `handle ${c.handle}`}\n`;
    case 'NftElementCommand':
      return `${c.verb} element ${c.family} ${c.table?.text} ${c.set?.text} ${printSetExpr(c.elements, false)}\n`;
    case 'NftFlowtable':
      return `${c.verb} flowtable ${c.family} ${c.table?.text} ${c.name?.text}\n`;
    case 'NftObject':
      return `${c.verb} ${c.kind} ${c.family} ${c.table?.text} ${c.name?.text}\n`;
    case 'NftGenericCommand':
      return [c.verb, c.object, c.family, ...c.args.map((a) => a.text)].filter(Boolean).join(' ') + '\n';
  }
}

function printTable(t: StateTable): string {
  let out = `table ${t.family} ${t.name} {\n`;
  if (t.flags.length) out += `\tflags ${t.flags.join(',')}\n`;
  if (t.comment !== null) out += `\tcomment "${t.comment}"\n`;
  const parts: string[] = [];
  for (const o of t.objects) parts.push(printObject(o, '\t'));
  for (const s of t.sets) parts.push(printSet(s.decl, s.elements, '\t'));
  for (const f of t.flowtables) parts.push(printFlowtable(f, '\t'));
  for (const c of t.chains) parts.push(printChainBody(c.decl, c.name, c.rules, '\t'));
  if ((t.flags.length || t.comment !== null) && parts.length) out += '\n';
  out += parts.join('\n');
  return out + '}\n';
}

function printObject(o: NftObject, ind: string): string {
  let out = `${ind}${o.kind} ${o.name?.text ?? ''} {\n`;
  for (const l of o.lines) out += `${ind}\t${l}\n`;
  return out + `${ind}}\n`;
}

function printFlowtable(f: NftFlowtable, ind: string): string {
  let out = `${ind}flowtable ${f.name?.text ?? ''} {\n`;
  currentNode = f;
  if (f.hook) out += `${ind}\thook ${f.hook.text}${f.priority ? ` priority ${printPriority(f.priority, 'netdev', f.hook.text)}` : ''}\n`;
  if (f.devices.length) out += `${ind}\tdevices = { ${f.devices.map(quoteDevice).join(', ')} }\n`;
  if (f.flags.length) out += `${ind}\tflags ${f.flags.join(',')}\n`;
  if (f.counter) out += `${ind}\tcounter\n`;
  currentNode = null;
  return out + `${ind}}\n`;
}

function quoteDevice(e: NftExpr): string {
  if (e.type === 'NftString') return `"${e.value}"`;
  if (e.type === 'NftSymbol') return `"${e.name}"`;
  return printExpr(e);
}

// Where each standard priority name is valid (`std_prio_family_hook_compat`), as the printer must
// emit it: the rules of nft 1.0.6, which are the narrowest of the versions in use. nft ≥ 1.0.9 also
// takes `dstnat` on output and `srcnat` on input, but 1.0.6 refuses both ("invalid priority
// expression value in this context", checked with `nft -c`), so those print as numbers. `arp` and
// `netdev` take only `filter`; flowtables are evaluated as netdev (`filter` only) in every family.
const STD_COMPAT: Record<string, (family: NftFamily, hook: string) => boolean> = {
  raw: (f) => f === 'ip' || f === 'ip6' || f === 'inet',
  mangle: (f) => f === 'ip' || f === 'ip6' || f === 'inet',
  security: (f) => f === 'ip' || f === 'ip6' || f === 'inet',
  filter: (f) => f !== 'bridge',
  dstnat: (f, h) => (f === 'ip' || f === 'ip6' || f === 'inet') && h === 'prerouting',
  srcnat: (f, h) => (f === 'ip' || f === 'ip6' || f === 'inet') && h === 'postrouting',
};
const BRIDGE_COMPAT: Record<string, (hook: string) => boolean> = {
  dstnat: (h) => h === 'prerouting',
  filter: () => true,
  out: (h) => h === 'output',
  srcnat: (h) => h === 'postrouting',
};

/** Whether nft 1.0.6 and 1.1.x both accept the standard priority `name` for a base chain on `hook` in `family`. */
export function priorityNameAllowed(name: string, family: NftFamily, hook: string): boolean {
  const ok = family === 'bridge' ? BRIDGE_COMPAT[name]?.(hook) : STD_COMPAT[name]?.(family, hook);
  return ok === true;
}

/**
 * `prio2str`: a standard name within ±10 of the value when every nft in use accepts that name for
 * the family and hook (see STD_COMPAT), otherwise the number.
 */
export function printPriority(p: NftPriority, family: NftFamily, hook: string): string {
  if (p.value === null) return p.text;
  const table = family === 'bridge' ? BRIDGE_PRIORITIES : PRIORITIES;
  for (const [name, val] of table) {
    const off = p.value - val;
    if (Math.abs(off) <= 10) {
      if (!priorityNameAllowed(name, family, hook)) break;
      return off > 0 ? `${name} + ${off}` : off < 0 ? `${name} - ${-off}` : name;
    }
  }
  return String(p.value);
}

function printChainBody(c: NftChain, name: string, rules: readonly NftRule[], ind: string): string {
  let out = `${ind}chain ${name} {`;
  if (c.comment !== null) out += `\n${ind}\tcomment "${c.comment}"`;
  out += '\n';
  if (c.hook) {
    const h = c.hook;
    out += `${ind}\ttype ${h.chainType.text} hook ${h.hook.text}`;
    const devs = h.devices.length ? h.devices : c.devices;
    if (h.device) out += ` device "${h.device.text}"`;
    else if (devs.length === 1) out += ` device "${devs[0]!.text}"`;
    else if (devs.length > 1) out += ` devices = { ${devs.map((d) => `"${d.text}"`).join(', ')} }`;
    if (h.priority) out += ` priority ${printPriority(h.priority, c.family, h.hook.text)};`;
    out += ` policy ${c.policy?.text ?? 'accept'};`;
    if (c.flags.includes('offload')) out += ' flags offload;';
    out += '\n';
  }
  for (const r of rules) {
    currentNode = r;
    out += `${ind}\t${printRuleBody(r, `${ind}\t`)}\n`;
  }
  currentNode = null;
  return out + `${ind}}\n`;
}

/** The statements of a rule, as `nft list` prints them. */
export function printRuleBody(r: NftRule, ind = ''): string {
  const parts = r.statements.map((s) => printStatement(s, ind));
  if (r.comment !== null) parts.push(`comment "${r.comment}"`);
  return parts.join(' ');
}

function printSet(s: NftSet, elements: readonly NftSetElement[], ind: string): string {
  const i2 = `${ind}\t`;
  let out = `${ind}${s.kind} ${s.name?.text ?? ''} {\n`;
  if (s.typeofKey.length) {
    out += `${i2}typeof ${s.typeofKey.map((x) => printExpr(x)).join(' . ')}`;
    if (s.kind === 'map') {
      const data = s.typeofData.length ? s.typeofData.map((x) => printExpr(x)).join(' . ') : s.dataType.map((d) => d.text).join(' . ');
      out += ` : ${s.dataInterval ? 'interval ' : ''}${data}`;
    }
    out += '\n';
  } else if (s.keyType.length) {
    out += `${i2}type ${s.keyType.map((k) => k.text).join(' . ')}`;
    if (s.kind === 'map') out += ` : ${s.dataInterval ? 'interval ' : ''}${s.dataType.map((d) => d.text).join(' . ')}`;
    out += '\n';
  }
  if (s.policy !== null && s.policy !== 'performance') out += `${i2}policy ${s.policy}\n`;
  if (s.size !== null) out += `${i2}size ${s.size}${s.count !== undefined ? `\t# count ${s.count}` : ''}\n`;
  const order = ['constant', 'dynamic', 'interval', 'timeout'];
  const flags = order.filter((f) => s.flags.includes(f));
  if (flags.length) out += `${i2}flags ${flags.join(',')}\n`;
  if (s.stateful.length) out += `${i2}${s.stateful.map((x) => printStatement(x)).join(' ')}\n`;
  if (s.autoMerge) out += `${i2}auto-merge\n`;
  if (s.timeout !== null) out += `${i2}timeout ${s.timeout}\n`;
  if (s.gcInterval !== null) out += `${i2}gc-interval ${s.gcInterval}\n`;
  if (s.comment !== null) out += `${i2}comment "${s.comment}"\n`;
  if (elements.length) out += `${i2}elements = ${printSetExpr(elements, true, true)}\n`;
  return out + `${ind}}\n`;
}

/** `declared`: elements of a named set, each resolving `$var` where it was written. */
function printSetExpr(elements: readonly NftSetElement[], keepBreaks: boolean, declared = false): string {
  if (elements.length === 0) return '{ }';
  let out = '{ ';
  elements.forEach((e, i) => {
    if (i > 0) out += keepBreaks && e.breakBefore ? ',\n\t\t\t     ' : ', ';
    if (declared) currentNode = e;
    out += printElement(e);
  });
  if (declared) currentNode = null;
  return out + ' }';
}

function printElement(e: NftSetElement): string {
  let out = printExpr(e.key);
  for (const o of e.options) out += ` ${printOption(o)}`;
  if (e.value) out += ` : ${printExpr(e.value)}`;
  return out;
}

function printOption(o: NftOption): string {
  if (o.value === null) return o.key;
  if (o.key === 'comment' && o.value.type === 'NftString') return `comment "${o.value.value}"`;
  return `${o.key} ${printExpr(o.value, o.key === 'flags' ? ',' : ' ')}`.replace(/ \/ /g, '/');
}

/** Prints an expression; `listSep` joins `NftList` items (`,` for flag lists). */
export function printExpr(e: NftExpr, listSep = ','): string {
  switch (e.type) {
    case 'NftPayload': {
      const base = `${e.protocol} ${e.field}`;
      return e.inner ? `${e.inner} ${base}` : base;
    }
    case 'NftRawPayload':
      return `@${e.base},${e.offset},${e.length}`;
    case 'NftExthdr':
      if (e.header === 'exthdr') return `exthdr ${e.name}`;
      if (e.header === e.name) return `${e.name} ${e.field ?? ''}`.trimEnd();
      return `${e.header} ${e.name}${e.field ? ` ${e.field}` : ''}`;
    case 'NftMeta':
      return e.qualified || !UNQUALIFIED_PRINT.has(e.key) ? `meta ${e.key}` : e.key;
    case 'NftCt':
      return ['ct', e.direction, e.protocol, e.key].filter(Boolean).join(' ');
    case 'NftSpecialExpr': {
      if (e.kind === 'fib') return `fib ${e.words.slice(0, -1).join(' . ')} ${e.words[e.words.length - 1]}`;
      const op = e.operand ? ` ${printExpr(e.operand)}` : '';
      return `${e.kind}${op} ${e.words.join(' ')}`.trimEnd();
    }
    case 'NftNumber':
      return e.text;
    case 'NftString':
      return e.quoted ? `"${e.value}"` : e.value;
    case 'NftWildcard':
      return `"${e.prefix}*"`;
    case 'NftAddress':
      return e.text;
    case 'NftPrefix':
      return `${printExpr(e.address)}/${e.length}`;
    case 'NftRange':
      return `${printExpr(e.low)}-${printExpr(e.high)}`;
    case 'NftSymbol':
      return e.name;
    case 'NftTime':
      return e.text;
    case 'NftVariable': {
      const v = currentState && currentNode ? currentState.valueAt(currentNode, e.name) : undefined;
      return v ? printExpr(v, listSep) : `$${e.name}`;
    }
    case 'NftSetRef':
      return `@${e.name}`;
    case 'NftSetExpr':
      return printSetExpr(e.elements, false);
    case 'NftSetElement':
      return printElement(e);
    case 'NftConcat':
      return e.parts.map((p) => printExpr(p)).join(' . ');
    case 'NftList':
      return e.items.map((p) => printExpr(p)).join(listSep);
    case 'NftBinary': {
      // left-nested chains (`a | b | c …`) are printed iteratively: they can be very long
      const rights: string[] = [];
      let x: NftExpr = e;
      while (x.type === 'NftBinary') {
        rights.push(`${x.op} ${printExpr(x.right)}`);
        x = x.left;
      }
      return [printExpr(x), ...rights.reverse()].join(' ');
    }
    case 'NftMapLookup':
      return `${printExpr(e.key)} map ${printExpr(e.map)}`;
    case 'NftVerdictExpr':
      return e.target ? `${e.verdict} ${e.target}` : e.verdict;
    case 'NftParen':
      return `(${printExpr(e.expr)})`;
  }
}

/** Meta keys `nft list` prints without the `meta` prefix. */
const UNQUALIFIED_PRINT = new Set(['iif', 'oif', 'iifname', 'oifname', 'iifgroup', 'oifgroup']);

export function printStatement(s: NftStatement, ind = ''): string {
  switch (s.type) {
    case 'NftMatch': {
      const op = s.op === 'implicit' ? '' : `${s.op} `;
      return `${printExpr(s.left)} ${op}${printExpr(s.right)}`;
    }
    case 'NftVerdict': {
      if (!s.target) return s.verdict;
      if (Array.isArray(s.target)) return `${s.verdict} {\n${s.target.map((r) => `${ind}\t${printRuleBody(r, `${ind}\t`)}\n`).join('')}${ind}}`;
      return `${s.verdict} ${(s.target as { text: string }).text}`;
    }
    case 'NftMangle':
      return `${printExpr(s.target)} set ${printExpr(s.value)}`;
    case 'NftVmap':
      return `${printExpr(s.key)} vmap ${printExpr(s.map)}`;
    case 'NftNat': {
      let out: string = s.kind;
      if (s.family) out += ` ${s.family}`;
      for (const m of s.modifiers) out += ` ${m}`;
      if (s.address || s.port) {
        out += ' to';
        if (s.address) out += ` ${printExpr(s.address)}`;
        if (s.port) out += `${s.address ? '' : ' '}:${printExpr(s.port)}`;
      }
      if (s.flags.length) out += ` ${s.flags.join(',')}`;
      return out;
    }
    case 'NftStatement':
      return printOptionStatement(s);
  }
}

function printOptionStatement(s: Extract<NftStatement, { type: 'NftStatement' }>): string {
  const k = s.keyword;
  if (s.ref && (k === 'counter' || k === 'limit' || k === 'quota' || k === 'synproxy' || k === 'tunnel') && s.expr) {
    return `${k} name ${printExpr(s.expr)}`;
  }
  switch (k) {
    case 'set': {
      const op = s.options[0]?.key ?? 'add';
      return `${op} @${s.ref?.text} ${s.expr ? printExpr(s.expr) : '{ }'}`;
    }
    case 'meter':
      return `meter ${s.ref?.text}${s.options.map((o) => ` ${printOption(o)}`).join('')} ${s.expr ? printExpr(s.expr) : ''}`;
    case 'limit': {
      let out = 'limit rate';
      for (const o of s.options) {
        if (o.key === 'rate' && o.value?.type === 'NftList') {
          const [n, u] = o.value.items;
          const unit = u ? printExpr(u) : '';
          out += ` ${printExpr(n!)}${unit.startsWith('/') ? unit : ` ${unit}`}`;
        } else out += ` ${printOption(o)}`;
      }
      return out;
    }
    case 'reject': {
      const w = s.options[0];
      if (!w || !w.value) return 'reject';
      return `reject with ${printExpr(w.value, ' ')}`;
    }
    case 'ct count':
      return `ct count ${s.options.map((o) => (o.key === 'count' && o.value ? printExpr(o.value) : o.key)).join(' ')}`;
    case 'quota':
      return `quota ${s.options.map((o) => (o.key === 'quota' && o.value ? printExpr(o.value, ' ') : printOption(o))).join(' ')}`;
    case 'tproxy': {
      const fam = s.options.find((o) => o.key === 'family');
      const port = s.options.find((o) => o.key === 'port');
      return `tproxy${fam?.value ? ` ${printExpr(fam.value)}` : ''} to${s.expr ? ` ${printExpr(s.expr)}` : ' '}${port?.value ? `:${printExpr(port.value)}` : ''}`;
    }
    case 'dup':
    case 'fwd': {
      const fam = s.options.find((o) => o.key === 'family');
      const dev = s.options.find((o) => o.key === 'device');
      return `${k}${fam?.value ? ` ${printExpr(fam.value)}` : ''} to ${s.expr ? printExpr(s.expr) : ''}${dev?.value ? ` device ${printExpr(dev.value)}` : ''}`;
    }
    case 'queue': {
      let out = 'queue';
      for (const o of s.options) out += ` ${printOption(o)}`;
      if (s.expr) out += ` to ${printExpr(s.expr)}`;
      return out;
    }
    case 'reset':
      return `reset ${s.expr ? printExpr(s.expr) : ''}`;
  }
  if (k === 'flow') return ['flow', ...s.options.map((o) => o.key)].join(' ').replace(/@ /g, '@');
  return [k, ...s.options.map(printOption)].join(' ');
}
