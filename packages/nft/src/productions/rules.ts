// nft(8) RULES: a rule inside a chain block, `add|insert|replace rule [family] TABLE CHAIN
// [handle|index|position N] STATEMENTS`, and anonymous chains (`jump { … }`).
import type { NftFamily, NftName, NftRule, NftVerb } from '../ast.js';
import { Cur, type TBlock } from '../tree.js';
import { eachBlockLine, parseFamily, parseName } from './common.js';
import { anonChain, parseStatements } from './statements.js';

/** A rule line inside a chain block. */
export function buildRuleLine(cur: Cur, family: NftFamily, table: NftName | null, chain: NftName | null): NftRule {
  const s = cur.i;
  const { statements, comment } = parseStatements(cur);
  return { type: 'NftRule', verb: 'add', family, table, chain, position: null, statements, comment, range: cur.rangeFrom(s) };
}

/** `[rule] [family] TABLE CHAIN [handle|index|position N] STATEMENTS` after the verb. */
export function buildRuleCommand(cur: Cur, verb: NftVerb, startIdx: number): NftRule {
  const hadKeyword = cur.accept('rule') !== null;
  const { family } = parseFamily(cur);
  const table = parseName(cur, 'table', hadKeyword ? 'rule' : verb);
  const chain = parseName(cur, 'chain', table.text);
  let position: NftRule['position'] = null;
  const p = cur.img();
  if (p === 'handle' || p === 'index' || p === 'position') {
    cur.next();
    const t = cur.peek();
    if (cur.tokName() !== 'Number') cur.fail(`expected a number after \`${p}\`, found ${cur.describe()}`);
    cur.next();
    position = { kind: p, value: Number((t as { image: string }).image) };
  }
  if (verb === 'delete' || verb === 'destroy' || verb === 'reset') {
    if (!position || position.kind !== 'handle') {
      cur.fail(`expected \`handle N\` after the chain name: \`${verb} rule\` selects rules by handle only, found ${cur.describe()}`);
    }
    if (!cur.atEnd()) cur.fail(`unexpected ${cur.describe()} after the rule handle`);
    return { type: 'NftRule', verb, family, table, chain, position, statements: [], comment: null, range: cur.rangeFrom(startIdx) };
  }
  if ((verb === 'replace') && (!position || position.kind !== 'handle')) {
    cur.fail(`expected \`handle N\` after the chain name: \`replace rule\` needs the handle of the rule to replace, found ${cur.describe()}`);
  }
  if (cur.atEnd()) cur.fail(`expected a rule after the chain name \`${chain.text}\`, found ${cur.describe()}`);
  const { statements, comment } = parseStatements(cur);
  return { type: 'NftRule', verb, family, table, chain, position, statements, comment, range: cur.rangeFrom(startIdx) };
}

anonChain.build = (cur: Cur, b: TBlock): NftRule[] => {
  const rules: NftRule[] = [];
  eachBlockLine(cur.ctx, b, true, (lc: Cur) => {
    rules.push(buildRuleLine(lc, 'ip', null, null));
  });
  return rules;
};
