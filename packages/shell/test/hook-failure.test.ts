// Which failing commands stop wg-quick: `failureTolerated` and `fatalAndListHeads` against bash
// itself, running each hook the way wg-quick does (`set -e`, then `(eval "$hook")`) with one
// command made to fail. bash is always at hand, so this test always runs.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { failureTolerated, fatalAndListHeads, parseShell } from '../src/index.js';

/**
 * Whether wg-quick would go on after the hook when its `k`-th command (0-based) runs and fails.
 * The others succeed, except those before `k` in an `a || b` that must fail for `k` to run at all.
 */
function bashSurvives(hook: string, k: number): boolean {
  const cmds = parseShell(hook, { baseOffset: 0 }).ast.commands;
  const failing = new Set([k]);
  for (let j = k; j > 0 && cmds[j]!.before === '||'; j--) failing.add(j - 1);
  // Commands are `c0`, `c1`, ...: functions that fail for the chosen ones.
  const defs = Array.from({ length: 8 }, (_, i) => `c${i}() { return ${failing.has(i) ? 1 : 0}; }`).join('; ');
  const out = execFileSync('bash', ['-c', `set -e; set -o pipefail; ${defs}; hook=$1; (eval "$hook"); echo survived`, 'wg-quick', hook], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return out === 'survived';
}
function tryBash(hook: string, k: number): boolean {
  try {
    return bashSurvives(hook, k);
  } catch {
    return false;
  }
}

/** What wglint says: the command is tolerated (wg-quick goes on) when it fails. */
function wglintSurvives(hook: string, k: number): boolean {
  const program = parseShell(hook, { baseOffset: 0 }).ast;
  const cmd = program.commands[k]!;
  return failureTolerated(cmd) && !fatalAndListHeads(program).has(cmd);
}

const HOOKS = [
  'c0',
  'c0 && c1',
  'c0 && c1 && c2',
  'c0 && c1; c2',
  'c0 && c1 || c2',
  'c0 || c1',
  'c0; c1 && c2',
  'c0 && c1 | c2',
  'c0 | c1 && c2',
  'c0 && c1 &',
  'c0 && c1;',
  'c0 && c1 && c2; c3 && c4',
];

describe('a failing hook command against bash with wg-quick\'s set -e', () => {
  for (const hook of HOOKS) {
    const n = parseShell(hook, { baseOffset: 0 }).ast.commands.length;
    for (let k = 0; k < n; k++) {
      it(`\`${hook}\` with c${k} failing`, () => {
        expect(wglintSurvives(hook, k)).toBe(tryBash(hook, k));
      });
    }
  }
  it('keeps compound commands tolerated (a conservative answer: no false reports)', () => {
    const program = parseShell('if c0 && c1; then c2; fi', { baseOffset: 0 }).ast;
    expect(fatalAndListHeads(program).size).toBe(0);
  });
});
