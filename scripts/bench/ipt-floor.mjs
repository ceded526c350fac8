// A floor for the iptables-save target, not product code: the least a linter must do with a dump
// before it can reason about it. It splits every `-A` line into words (quotes kept whole), and
// numbers each rule's chain, target and conditions (`-s X`, `-m NAME --opt ARGS...`; comments
// left out) through one Map, into typed arrays. No validation, no normalisation, no analysis, no
// output: `npm run bench` runs it beside `iptables-restore --test` and wglint to show how much of
// the real tool's time this alone takes in Node (start-up included).
//
//   node scripts/bench/ipt-floor.mjs DUMP
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'latin1');
const ids = new Map();
const idOf = (s) => {
  let id = ids.get(s);
  if (id === undefined) ids.set(s, (id = ids.size));
  return id;
};
const isSpace = (c) => c === 32 || c === 9;
const MAX_RULES = 1 << 20;
const chainOf = new Int32Array(MAX_RULES);
const targetOf = new Int32Array(MAX_RULES);
const conditionsFrom = new Int32Array(MAX_RULES + 1);
const conditions = new Int32Array(MAX_RULES * 16);
const wordStart = new Int32Array(1024);
const wordEnd = new Int32Array(1024);
let rules = 0;
let count = 0;
const word = (k) => text.slice(wordStart[k], wordEnd[k]);
for (let pos = 0; pos < text.length && rules < MAX_RULES; ) {
  let nl = text.indexOf('\n', pos);
  if (nl < 0) nl = text.length;
  if (text.startsWith('-A ', pos)) {
    let w = 0;
    for (let i = pos; i < nl && w < 1024; ) {
      while (i < nl && isSpace(text.charCodeAt(i))) i++;
      if (i >= nl) break;
      wordStart[w] = i;
      if (text.charCodeAt(i) === 34) {
        i = text.indexOf('"', i + 1);
        i = i < 0 || i > nl ? nl : i + 1;
      } else while (i < nl && !isSpace(text.charCodeAt(i))) i++;
      wordEnd[w++] = i;
    }
    chainOf[rules] = idOf(word(1));
    targetOf[rules] = -1;
    conditionsFrom[rules] = count;
    let negated = false;
    for (let k = 2; k < w; ) {
      const c0 = text.charCodeAt(wordStart[k]);
      const flag = word(k);
      if (c0 === 33) {
        negated = true;
        k++;
      } else if (flag === '-m') {
        let condition = `-m ${word(k + 1)}`;
        for (k += 2; k < w && text.startsWith('--', wordStart[k]); ) {
          condition += ` ${word(k++)}`;
          while (k < w && text.charCodeAt(wordStart[k]) !== 45 && text.charCodeAt(wordStart[k]) !== 33) condition += ` ${word(k++)}`;
        }
        if (!condition.startsWith('-m comment')) conditions[count++] = idOf(condition);
      } else if (flag === '-j' || flag === '-g') {
        targetOf[rules] = idOf(word(k + 1));
        break;
      } else {
        conditions[count++] = idOf(`${negated ? '! ' : ''}${flag} ${word(k + 1)}`);
        negated = false;
        k += 2;
      }
    }
    rules++;
  }
  pos = nl + 1;
}
conditionsFrom[rules] = count;
console.log(JSON.stringify({ rules, conditions: count, distinct: ids.size }));
