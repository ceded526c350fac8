// A small JSON parser that keeps the source range of every value (JSON.parse loses them) and
// reports the first error with a precise range instead of throwing.
import type { SyntaxProblem, TextRange } from '@wglint/core';

export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

export interface JsonObject {
  readonly kind: 'object';
  readonly range: TextRange;
  readonly members: readonly JsonMember[];
}
export interface JsonMember {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly value: JsonValue;
}
export interface JsonArray {
  readonly kind: 'array';
  readonly range: TextRange;
  readonly items: readonly JsonValue[];
}
export interface JsonString {
  readonly kind: 'string';
  readonly range: TextRange;
  readonly value: string;
}
export interface JsonNumber {
  readonly kind: 'number';
  readonly range: TextRange;
  readonly value: number;
  readonly text: string;
}
export interface JsonLiteral {
  readonly kind: 'boolean' | 'null';
  readonly range: TextRange;
  readonly value: boolean | null;
}

const MAX_DEPTH = 256;

class JsonError extends Error {
  constructor(readonly range: TextRange, message: string) {
    super(message);
  }
}

/** Parses JSON text; on the first error returns `value: null` and one problem. Never throws. */
export function parseJson(text: string): { value: JsonValue | null; problems: SyntaxProblem[] } {
  const p = new Parser(text);
  try {
    p.ws();
    const value = p.value(0);
    p.ws();
    if (p.i < text.length) p.fail(`unexpected ${p.describe()} after the JSON value; remove it (the input must be one JSON object)`);
    return { value, problems: [] };
  } catch (e) {
    if (e instanceof JsonError) return { value: null, problems: [{ range: e.range, message: e.message }] };
    return { value: null, problems: [{ range: { start: 0, end: Math.min(1, text.length) }, message: `internal JSON reader error: ${(e as Error).message}` }] };
  }
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  fail(message: string, start = this.i, end = Math.min(this.s.length, Math.max(start + 1, this.i + 1))): never {
    throw new JsonError({ start: Math.min(start, this.s.length), end: Math.min(end, this.s.length) }, message);
  }

  describe(): string {
    if (this.i >= this.s.length) return 'end of input';
    const c = this.s[this.i]!;
    return c === '\n' ? 'line break' : `\`${c}\``;
  }

  ws(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail(`JSON nested deeper than ${MAX_DEPTH} levels`);
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, kind, value] of [['true', 'boolean', true], ['false', 'boolean', false], ['null', 'null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        const start = this.i;
        this.i += word.length;
        return { kind, value, range: { start, end: this.i } };
      }
    }
    if (this.i >= this.s.length) this.fail('unexpected end of input: expected a JSON value', this.s.length, this.s.length);
    const m = /^[A-Za-z_][\w-]*/.exec(this.s.slice(this.i, this.i + 40));
    if (m) this.fail(`unexpected word \`${m[0]}\`: JSON strings need double quotes`, this.i, this.i + m[0].length);
    if (c === "'") this.fail('JSON strings use double quotes `"`, not single quotes');
    return this.fail(`unexpected ${this.describe()}: expected a JSON value (object, array, string, number, true, false or null)`);
  }

  object(depth: number): JsonObject {
    const start = this.i++;
    const members: JsonMember[] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { kind: 'object', members, range: { start, end: this.i } };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') {
        if (this.s[this.i] === '}') this.fail('trailing comma before `}`: remove the last `,`', this.i - 1, this.i);
        this.fail(`expected a quoted member name, found ${this.describe()}`);
      }
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail(`expected \`:\` after member name "${key.value}", found ${this.describe()}`);
      this.i++;
      this.ws();
      const value = this.value(depth + 1);
      members.push({ key: key.value, keyRange: key.range, value });
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return { kind: 'object', members, range: { start, end: this.i } };
      }
      if (this.i >= this.s.length) this.fail(`unexpected end of input: the object opened here is not closed; add \`}\``, start, start + 1);
      this.fail(`expected \`,\` or \`}\` after the value of "${key.value}", found ${this.describe()}`);
    }
  }

  array(depth: number): JsonArray {
    const start = this.i++;
    const items: JsonValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { kind: 'array', items, range: { start, end: this.i } };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') this.fail('trailing comma before `]`: remove the last `,`', this.i - 1, this.i);
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return { kind: 'array', items, range: { start, end: this.i } };
      }
      if (this.i >= this.s.length) this.fail('unexpected end of input: the array opened here is not closed; add `]`', start, start + 1);
      this.fail(`expected \`,\` or \`]\` in the array, found ${this.describe()}`);
    }
  }

  string(): JsonString {
    const start = this.i++;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('unterminated string: add the closing `"`', start, start + 1);
      const c = this.s[this.i]!;
      if (c === '"') {
        this.i++;
        return { kind: 'string', value: out, range: { start, end: this.i } };
      }
      if (c === '\n' || c === '\r') this.fail('line break inside a string: close the string with `"` or write `\\n`', start, this.i);
      if (c === '\\') {
        const e = this.s[this.i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(this.s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else this.fail(`invalid escape \`\\${e ?? ''}\` in a string`, this.i, this.i + 2);
        continue;
      }
      out += c;
      this.i++;
    }
  }

  number(): JsonNumber {
    const start = this.i;
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m) this.fail(`invalid number: expected a digit, found ${this.describe()}`, this.i, this.i + 1);
    this.i += m[0].length;
    return { kind: 'number', value: Number(m[0]), text: m[0], range: { start, end: this.i } };
  }
}

/** The member `key` of an object, if present. */
export function member(o: JsonObject, key: string): JsonValue | undefined {
  for (const m of o.members) if (m.key === key) return m.value;
  return undefined;
}

/** Short description of a JSON value for messages. */
export function kindOf(v: JsonValue): string {
  return v.kind === 'object' ? 'an object' : v.kind === 'array' ? 'an array' : v.kind === 'string' ? 'a string' : v.kind === 'number' ? 'a number' : v.kind === 'boolean' ? 'a boolean' : 'null';
}
