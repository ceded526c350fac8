import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../src/index.js';

/** True when `bash -n` accepts the text (what `eval` in wg-quick would parse). */
function bashAccepts(s: string): boolean {
  try {
    execFileSync('bash', ['-n', '-c', s], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('agreement with bash -n', () => {
  it('agrees on at least 99% of random shell-ish strings', () => {
    const tokens = ['a', 'b', ' ', ';', '&', '|', "'", '"', '$(', ')', '(', '`', '#', '\\', '\n', '>', '2>', '{', '}', 'if', 'then', 'fi', '$x', '${', '<', '!', ';;', '&&', '||', 'x=1'];
    const samples = fc.sample(fc.array(fc.constantFrom(...tokens), { maxLength: 10 }), { numRuns: 400, seed: 20261121 });
    const strs = [...new Set(samples.map((p) => p.join('')))];
    const disagree = strs.filter((s) => bashAccepts(s) !== (parseShell(s, { baseOffset: 0 }).problems.length === 0));
    expect(disagree.length / strs.length).toBeLessThan(0.01);
  }, 120_000);

  it.each([
    'if a; then b; elif c; then d; else e; fi',
    'while a; do b; done',
    'for x in a b; do echo $x; done',
    'case $x in a) b;; esac',
    '{ a; } > /dev/null',
    '! { a; }',
    'a && if b; then c; fi',
    'echo if then fi',
    '!',
    // function definitions
    'function f { :; }; f',
    'f() { :; }; f',
    'function f() { :; }',
    'function f () { :; }',
    'f () { :; }',
    'f( ) { :; }',
    'f(){ :;}',
    'f() ( iptables -A INPUT -j ACCEPT ); f',
    'function f ( echo a )',
    'f() if a; then b; fi',
    'f() for x in a; do b; done',
    'f() case x in a) b;; esac',
    'f() [[ -n a ]]',
    'function f { g() { :; }; g; }; f',
    'f() { :; } > /dev/null',
    'f() { :; } && f',
    'f()\n{ :; }',
    'function f\n{ :; }',
    '! f() { :; }',
    'if a; then f() { :; }; fi',
    'function if { :; }',
    // [[ =~ ]]
    '[[ "$(hostname)" =~ ^(gw|vpn)[0-9]+$ ]] && logger matched',
    '[[ $x =~ (a) ]] || logger no',
    '[[ $x =~ ^a(b|c) ]]',
    '[[ $x =~ a|b ]]',
    '[[ $x =~ ( a) ]]',
    '[[ -n $a && ( $b == c || $d ) ]]',
    '[[ a < b ]] && echo lt',
    'if [[ $x =~ ^wg[0-9]+$ ]]; then echo y; fi',
    // arrays
    'ports=(80 443); for p in "${ports[@]}"; do iptables -A INPUT -i %i -p tcp --dport $p -j ACCEPT; done',
    'ports+=(8080)',
    'a=("x y" \'z\' [2]=w $(echo ")"))',
    'a=()',
    'a=(\n1 # one\n2)',
    'a[1]=(x)',
    'x=1 a=(1) cmd',
    'declare -a a=(1 2); logger "${a[1]}"',
    'local a=(1)',
    'export a=(1) b=2',
    'readonly a=(1)',
    'typeset -a a=(1)',
    // case
    'case "$(hostname)" in (gw*) logger gw ;; esac',
    'case $x in a|b) c;; (d|e) f;; esac',
    'case x in a) (b);; esac',
    'case x in (a) (b) ;; esac',
    'case x in a) b;& c) d;;& esac',
    'case x in (a|b) c; esac',
    'case x in esac',
    'case x in a) ;; esac',
    'case x\nin a) b;; esac',
    'case x in\n  a) b;;\n  c) d;;\nesac',
    'case x in a) if b; then c; fi;; esac',
    'echo $(case x in a) b;; esac)',
    '(a) > /dev/null && b',
  ])('accepts %j like bash', (s) => {
    expect(bashAccepts(s)).toBe(true);
    expect(parseShell(s, { baseOffset: 0 }).problems).toEqual([]);
  });

  it.each([
    'if a; then fi',
    'if a; then b; else fi',
    'a; then',
    'do',
    '{ a; }; }',
    'a | ! b',
    'if a; then b',
    '{ a',
    'if;',
    '()',
    'while a; do b; fi',
    // near the new constructs
    'echo (x)',
    'echo a)',
    'a ;; b',
    'f() echo',
    'function f echo',
    'function f',
    'f()',
    'f() {}',
    'f() { }',
    'f() { :; } x',
    'f(x) { :; }',
    'echo f() { :; }',
    'x=1 f() { :; }',
    'function {  :; }',
    'function f {:; }',
    'function f() ( )',
    'f() ()',
    'f() function g { :; }',
    'a=b() { :; }',
    'f() { :; }; }',
    '[[ $x =~ (a ]]',
    '[[ a ]] b',
    '[[ a',
    'echo a=(1)',
    'cmd a=(1)',
    '"a"=(1)',
    'a=(1)=(2)',
    'a=(1;2)',
    'a=( (x) )',
    'a=(',
    'case x in ) b;; esac',
    'case x in a||b) c;; esac',
    'case x in a) b esac',
    'case x in ((a)) b;; esac',
    'case x in a) if b; then c;; fi',
    'case x in a) b;; ',
    'a;&',
    'case x esac',
    '(a) b',
  ])(
    'rejects %j like bash',
    (s) => {
      expect(bashAccepts(s)).toBe(false);
      const { problems } = parseShell(s, { baseOffset: 0 });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.message).toMatch(/bash will fail to run this hook/);
    },
  );
});
