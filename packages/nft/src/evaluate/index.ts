// Errors nft finds only in its evaluation step, after parsing: reversed ranges, numbers too wide
// for their field, conflicting protocols in a rule, `inet` NAT without an address family,
// overlapping interval set elements.
// Run once per built command (parse.ts); each check is linear in the command's size (the interval
// check sorts one set's elements). `define` values are not checked: nft evaluates them where they
// are used, and an unused one is never evaluated.
import type { SyntaxProblem } from '@wglint/core';
import type { NftCommand, NftRule, NftSet, NftSetElement } from '../ast.js';
import { checkSetOverlaps } from './intervals.js';
import { checkLimitsInStatement } from './limits.js';
import { readStatement, ruleReader } from './protocols.js';
import { checkRangesInExpr, checkRangesInStatement } from './ranges.js';

function checkRule(rule: NftRule, out: SyntaxProblem[], top: boolean): void {
  // Anonymous chains (`jump { … }`) get only the value checks.
  const reader = top ? ruleReader(rule.family) : null;
  for (const st of rule.statements) {
    checkRangesInStatement(st, out);
    checkLimitsInStatement(st, out);
    if (reader && !reader.done) readStatement(reader, st, out);
    if (st.type === 'NftVerdict' && Array.isArray(st.target)) {
      for (const r of st.target as readonly NftRule[]) checkRule(r, out, false);
    }
  }
}

function checkElements(elements: readonly NftSetElement[], out: SyntaxProblem[]): void {
  for (const el of elements) checkRangesInExpr(el, out);
}

function checkSet(set: NftSet, out: SyntaxProblem[]): void {
  if (!set.elements) return;
  checkElements(set.elements, out);
  checkSetOverlaps(set, out);
}

const ADDING = new Set(['add', 'create', 'insert', 'replace']);

/** Appends to `out` what nft's evaluation would refuse in `cmd`. */
export function evaluateNftCommand(cmd: NftCommand, out: SyntaxProblem[]): void {
  switch (cmd.type) {
    case 'NftTable':
      for (const it of cmd.items) {
        if (it.type === 'NftChain') for (const r of it.rules) checkRule(r, out, true);
        else if (it.type === 'NftSet') checkSet(it, out);
      }
      return;
    case 'NftChain':
      for (const r of cmd.rules) checkRule(r, out, true);
      return;
    case 'NftRule':
      if (ADDING.has(cmd.verb)) checkRule(cmd, out, true);
      return;
    case 'NftSet':
      if (ADDING.has(cmd.verb)) checkSet(cmd, out);
      return;
    case 'NftElementCommand':
      if (ADDING.has(cmd.verb)) checkElements(cmd.elements, out);
      return;
    default:
      return;
  }
}
