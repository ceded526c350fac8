import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCommands, argv, commandName, failureTolerated, parseShell, wordSubRange, type ShellProgram } from '../src/index.js';

const texts = (p: ShellProgram): string[][] => p.commands.map((c) => c.words.map((w) => w.text));
/** Parses `value` as if it started at offset `base` of `file` (the file holds the value there). */
function hook(value: string, iface: string | null = 'wg0', prefix = 'PostUp = ') {
  const file = prefix + value;
  const r = parseShell(value, { baseOffset: prefix.length, ...(iface !== null ? { interfaceName: iface } : {}) });
  const src = (range: { start: number; end: number }): string => file.slice(range.start, range.end);
  return { ...r, file, src };
}

describe('splitting seed hooks', () => {
  it('splits the seed 003 PostUp on `;` with exact word ranges', () => {
    const v =
      'iptables -I FORWARD 2 -i wg -j ACCEPT; iptables -t nat -A POSTROUTING -o wg -j MASQUERADE; ip6tables -I FORWARD 2 -i wg -j ACCEPT; ip6tables -t nat -A POSTROUTING -o wg -j MASQUERADE';
    const { ast, problems, src } = hook(v);
    expect(problems).toEqual([]);
    expect(texts(ast)).toEqual([
      ['iptables', '-I', 'FORWARD', '2', '-i', 'wg', '-j', 'ACCEPT'],
      ['iptables', '-t', 'nat', '-A', 'POSTROUTING', '-o', 'wg', '-j', 'MASQUERADE'],
      ['ip6tables', '-I', 'FORWARD', '2', '-i', 'wg', '-j', 'ACCEPT'],
      ['ip6tables', '-t', 'nat', '-A', 'POSTROUTING', '-o', 'wg', '-j', 'MASQUERADE'],
    ]);
    for (const c of ast.commands) for (const w of c.words) expect(src(w.range)).toBe(w.text);
    expect(ast.commands.map((c) => [c.before, c.after])).toEqual([
      [undefined, ';'],
      [';', ';'],
      [';', ';'],
      [';', undefined],
    ]);
    expect(src(ast.commands[1]!.range)).toBe('iptables -t nat -A POSTROUTING -o wg -j MASQUERADE');
    expect(ast.lists).toHaveLength(4);
  });

  it('reads seed 002/004 one-command hooks', () => {
    for (const [v, argv0] of [
      ['ip rule add from 10.200.200.1 table 41 priority 100', 'ip'],
      ['iptables -t nat -A PREROUTING -i %i -j DNAT --to-destination 10.200.200.1', 'iptables'],
      ['sysctl -w net.ipv4.ip_forward=1', 'sysctl'],
      ['iptables -t mangle -A PREROUTING ! -i wg0 -m connmark --mark 1 -j MARK --set-mark 1', 'iptables'],
    ] as const) {
      const { ast, problems } = hook(v);
      expect(problems).toEqual([]);
      expect(ast.commands).toHaveLength(1);
      expect(commandName(ast.commands[0]!)).toBe(argv0);
    }
  });

  it('keeps the blog damage (en dash, curly quotes) as literal text, as bash does', () => {
    const { ast, problems } = hook('iptables -A INPUT -p udp –dport 51820 -m comment --comment “wg” -j ACCEPT');
    expect(problems).toEqual([]);
    expect(ast.commands[0]!.words.map((w) => w.text)).toContain('–dport');
    expect(ast.commands[0]!.words.map((w) => w.text)).toContain('“wg”');
  });
});

describe('%i substitution (facts §1.8)', () => {
  it('replaces every %i and maps the name back to the %i', () => {
    const { ast, src } = hook('iptables -A FORWARD -i %i -o %i -j ACCEPT');
    const words = ast.commands[0]!.words;
    expect(words[4]!.text).toBe('wg0');
    expect(src(words[4]!.range)).toBe('%i');
    expect(ast.percentI.map(src)).toEqual(['%i', '%i']);
    expect(ast.text).toBe('iptables -A FORWARD -i wg0 -o wg0 -j ACCEPT');
  });

  it('substitutes inside quotes and format strings too (no escape)', () => {
    const { ast } = hook("printf '%i peers\\n' 3 > /run/wg-peers");
    expect(ast.commands[0]!.words[1]!.text).toBe('wg0 peers\\n');
    expect(ast.percentI).toHaveLength(1);
  });

  it('substitutes left to right: %%i becomes %wg0', () => {
    const { ast } = hook('echo %%i');
    expect(ast.commands[0]!.words[1]!.text).toBe('%wg0');
  });

  it('substitutes inside a word (net.ipv4.conf.%i.rp_filter)', () => {
    const { ast, src } = hook('sysctl -w net.ipv4.conf.%i.rp_filter=2');
    const w = ast.commands[0]!.words[2]!;
    expect(w.text).toBe('net.ipv4.conf.wg0.rp_filter=2');
    expect(src(w.range)).toBe('net.ipv4.conf.%i.rp_filter=2');
    expect(src(wordSubRange(w, 14, 17))).toBe('%i');
    expect(src(wordSubRange(w, 18, 27))).toBe('rp_filter');
  });

  it('leaves %i alone when no interface name is given', () => {
    const { ast } = hook('ip link set %i up', null);
    expect(ast.commands[0]!.words[3]!.text).toBe('%i');
    expect(ast.percentI).toEqual([]);
  });
});

describe('quoting', () => {
  it('removes quotes and keeps the quoted range', () => {
    const { ast, src } = hook(`nft 'add rule inet wg fwd iifname "wg0" accept' "a b" \\;x $'tab\\there'`);
    const w = ast.commands[0]!.words;
    expect(w.map((x) => x.text)).toEqual(['nft', 'add rule inet wg fwd iifname "wg0" accept', 'a b', ';x', 'tab\there']);
    expect(src(w[1]!.range)).toBe(`'add rule inet wg fwd iifname "wg0" accept'`);
    expect(w[1]!.quoted).toBe(true);
    expect(w[0]!.quoted).toBe(false);
    // Offsets inside a quoted word point at the original characters.
    expect(src(wordSubRange(w[1]!, 0, 3))).toBe('add');
    expect(src(wordSubRange(w[4]!, 3, 4))).toBe('\\t');
  });

  it('handles escapes in double quotes', () => {
    const { ast } = hook('echo "a \\"b\\" \\$c \\x"');
    expect(ast.commands[0]!.words[1]!.text).toBe('a "b" $c \\x');
    expect(ast.commands[0]!.words[1]!.dynamic).toBe(false);
  });

  it('joins adjacent quoted and unquoted parts into one word', () => {
    const { ast } = hook(`--comment='wg'"-"x`);
    expect(ast.commands[0]!.words.map((w) => w.text)).toEqual(['--comment=wg-x']);
  });

  it('reports an unterminated single quote from the quote to the end', () => {
    const { problems, src } = hook(`iptables -A INPUT -m comment --comment 'wg -j ACCEPT`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/unterminated single quote; bash will fail to run this hook/i);
    expect(src(problems[0]!.range)).toBe(`'wg -j ACCEPT`);
  });

  it('reports the trailing quote of finzzz/wgzero#2', () => {
    const { problems, src } = hook(`iptables -D FORWARD -i %i -j ACCEPT; iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE'`);
    expect(problems).toHaveLength(1);
    expect(src(problems[0]!.range)).toBe(`'`);
  });

  it('reports unterminated double quotes, $( , ${ and backticks', () => {
    for (const [v, re, at] of [
      ['echo "abc', /double quote/, '"abc'],
      ['echo $(wg show %i fwmark', /\$\(/, '$(wg show %i fwmark'],
      ['echo ${X', /\$\{/, '${X'],
      ['echo `date', /backtick/, '`date'],
      ["echo $'x", /\$'/, "$'x"],
    ] as const) {
      const { problems, src } = hook(v);
      expect(problems.map((p) => p.message).join()).toMatch(re);
      expect(src(problems[0]!.range)).toBe(at);
    }
  });

  it('joins line continuations', () => {
    const { ast } = hook('iptables -A FORWARD \\\n -i wg0 -j ACCEPT');
    expect(texts(ast)).toEqual([['iptables', '-A', 'FORWARD', '-i', 'wg0', '-j', 'ACCEPT']]);
  });
});

describe('expansions', () => {
  it('keeps $(...) as one opaque dynamic word and parses the inner command', () => {
    const v = 'iptables -I OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT';
    const { ast, problems, src } = hook(v);
    expect(problems).toEqual([]);
    const mark = ast.commands[0]!.words[10]!;
    expect(mark.text).toBe('$(wg show wg0 fwmark)');
    expect(mark.dynamic).toBe(true);
    expect(mark.parts[0]!.kind).toBe('command');
    expect(src(mark.parts[0]!.range)).toBe('$(wg show %i fwmark)');
    const inner = mark.parts[0]!.program!;
    expect(texts(inner)).toEqual([['wg', 'show', 'wg0', 'fwmark']]);
    expect(inner.commands[0]!.depth).toBe(1);
    expect(allCommands(ast).map((c) => c.words[0]!.text)).toEqual(['iptables', 'wg']);
  });

  it('flags $VAR, ${VAR}, backticks and $((...)) as dynamic', () => {
    const { ast } = hook('echo $HOME ${X:-1} `date` $((1+2)) plain ~/x');
    const w = ast.commands[0]!.words;
    expect(w.map((x) => x.dynamic)).toEqual([false, true, true, true, true, false, true]);
    expect(w.slice(1).map((x) => x.parts[0]?.kind)).toEqual(['variable', 'parameter', 'backtick', 'arithmetic', undefined, 'tilde']);
  });

  it('records brace expansion and globs without calling them dynamic', () => {
    const { ast } = hook('nft add element inet f s {1.2.3.4,5.6.7.8} *.conf');
    const w = ast.commands[0]!.words;
    expect(w[6]!.parts.map((p) => p.kind)).toEqual(['brace']);
    expect(w[7]!.parts.map((p) => p.kind)).toEqual(['glob']);
    expect(w[6]!.dynamic).toBe(false);
  });

  it('reads process substitution as a dynamic word with its command', () => {
    const { ast, problems, src } = hook('wg syncconf %i <(wg-quick strip %i)');
    expect(problems).toEqual([]);
    const w = ast.commands[0]!.words[3]!;
    expect(w.text).toBe('<(wg-quick strip wg0)');
    expect(w.dynamic).toBe(true);
    expect(w.parts[0]!.kind).toBe('process');
    expect(src(w.range)).toBe('<(wg-quick strip %i)');
    expect(allCommands(ast).map((c) => c.words[0]!.text)).toEqual(['wg', 'wg-quick']);
    expect(hook('cat <(a').problems[0]!.message).toMatch(/process substitution/);
    expect(hook('cat < file').ast.commands[0]!.redirects).toHaveLength(1);
  });

  it('a literal $ stays a literal', () => {
    const { ast } = hook('echo a$ $');
    expect(ast.commands[0]!.words.map((w) => [w.text, w.dynamic])).toEqual([
      ['echo', false],
      ['a$', false],
      ['$', false],
    ]);
  });
});

describe('comments', () => {
  it('starts a comment only at the start of a word', () => {
    const { ast, src } = hook('iptables -A INPUT -j ACCEPT # allow all');
    expect(texts(ast)).toEqual([['iptables', '-A', 'INPUT', '-j', 'ACCEPT']]);
    expect(ast.comments.map((c) => src(c.range))).toEqual(['# allow all']);
    const b = hook('echo a#b');
    expect(texts(b.ast)).toEqual([['echo', 'a#b']]);
    expect(b.ast.comments).toEqual([]);
  });

  it('a quoted # is not a comment', () => {
    const { ast } = hook('iptables -A INPUT -m comment --comment "#wg" -j ACCEPT');
    expect(ast.commands[0]!.words.map((w) => w.text)).toContain('#wg');
  });
});

describe('operators and structure', () => {
  it('builds and-or lists and pipelines', () => {
    const { ast, problems } = hook('a && b || c | d & e; ! f | g');
    expect(problems).toEqual([]);
    expect(ast.lists).toHaveLength(3);
    const [l1, l2, l3] = ast.lists;
    expect(l1!.ops).toEqual(['&&', '||']);
    expect(l1!.pipelines.map((p) => p.commands.length)).toEqual([1, 1, 2]);
    expect(l1!.background).toBe(true);
    expect(l2!.pipelines[0]!.commands[0]!.words[0]!.text).toBe('e');
    expect(l3!.pipelines[0]!.negated).toBe(true);
    expect(l3!.pipelines[0]!.commands.map((c) => c.words[0]!.text)).toEqual(['f', 'g']);
    expect(ast.commands.map((c) => c.after)).toEqual(['&&', '||', '|', '&', ';', '|', undefined]);
  });

  it('records redirections with their targets', () => {
    const { ast, src } = hook('iptables -C INPUT -j ACCEPT 2>/dev/null || iptables -A INPUT -j ACCEPT >>/tmp/log 2>&1 &>/dev/null');
    const [c1, c2] = ast.commands;
    expect(c1!.words.map((w) => w.text)).toEqual(['iptables', '-C', 'INPUT', '-j', 'ACCEPT']);
    expect(c1!.redirects.map((r) => [r.fd, r.op, r.target?.text])).toEqual([[2, '>', '/dev/null']]);
    expect(src(c1!.redirects[0]!.range)).toBe('2>/dev/null');
    expect(c2!.redirects.map((r) => [r.fd, r.op, r.target?.text])).toEqual([
      [undefined, '>>', '/tmp/log'],
      [2, '>&', '1'],
      [undefined, '&>', '/dev/null'],
    ]);
    expect(failureTolerated(c1!)).toBe(true);
    expect(failureTolerated(c2!)).toBe(false);
  });

  it('puts reserved words in keywords and closers', () => {
    const { ast, problems } = hook('if ! ip rule show | grep -q 51820; then ip rule add fwmark 51820 table 51820 priority 10; fi');
    expect(problems).toEqual([]);
    expect(ast.commands.map((c) => [c.keywords.map((k) => k.text), c.words[0]?.text, c.closers.map((k) => k.text)])).toEqual([
      [['if', '!'], 'ip', []],
      [[], 'grep', []],
      [['then'], 'ip', []],
      [[], undefined, ['fi']],
    ]);
    expect(failureTolerated(ast.commands[0]!)).toBe(true);
    expect(failureTolerated(ast.commands[2]!)).toBe(false);
  });

  it('handles subshells and groups', () => {
    const { ast, problems } = hook('(cd /tmp && ls) ; { echo a; }');
    expect(problems).toEqual([]);
    expect(ast.commands.map((c) => c.words.map((w) => w.text))).toEqual([['cd', '/tmp'], ['ls'], ['echo', 'a'], []]);
    expect(ast.commands[1]!.closers.map((c) => c.text)).toEqual([')']);
  });

  it('separates assignments from argv', () => {
    const { ast } = hook('LC_ALL=C FOO="a b" iptables -L');
    expect(ast.commands[0]!.assignments.map((w) => w.text)).toEqual(['LC_ALL=C', 'FOO=a b']);
    expect(ast.commands[0]!.words.map((w) => w.text)).toEqual(['iptables', '-L']);
  });

  it('allows a newline after && and blank lines', () => {
    const { ast, problems } = hook('a &&\n b\n\n c');
    expect(problems).toEqual([]);
    expect(texts(ast)).toEqual([['a'], ['b'], ['c']]);
  });
});

describe('syntax errors bash reports', () => {
  for (const [v, token, re] of [
    ['; iptables -L', ';', /unexpected token `;`/],
    ['a ;; b', ';;', /`;;`/],
    ['a; ; b', ';', /unexpected token `;`/],
    ['a & ; b', ';', /unexpected token `;`/],
    ['a && ', '&&', /end needs a command/],
    ['a |', '|', /end needs a command/],
    ['a)', ')', /unexpected token `\)`/],
    ['echo (a)', '(', /unexpected token `\(`/],
    ['a >', '>', /needs a file name/],
    ['&', '&', /unexpected token `&`/],
  ] as const) {
    it(`reports ${JSON.stringify(v)}`, () => {
      const { problems, src } = hook(v);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.message).toMatch(re);
      expect(problems[0]!.message).toMatch(/bash will fail to run this hook/);
      expect(src(problems[0]!.range)).toBe(token);
    });
  }

  it('reports an unclosed subshell', () => {
    const { problems } = hook('(a; b');
    expect(problems.map((p) => p.message).join()).toMatch(/never closed/);
  });

  it('accepts what bash accepts (near misses)', () => {
    for (const v of ['a &', 'a;', 'a |& b', '! a', '{ a; }', 'a 2>/dev/null || true', 'echo a#b', "echo ')'", 'echo \\;', 'x=1']) {
      expect(hook(v).problems, v).toEqual([]);
    }
  });
});

describe('functions, [[ =~ ]], arrays, case', () => {
  it('reads a function definition as a node with its name and body', () => {
    const { ast, problems, src } = hook('function f { iptables -A INPUT -i %i -j ACCEPT; }; f');
    expect(problems).toEqual([]);
    expect(ast.functions).toHaveLength(1);
    const fn = ast.functions[0]!;
    expect(fn.type).toBe('ShellFunction');
    expect(fn.name.text).toBe('f');
    expect(fn.keyword?.text).toBe('function');
    expect(src(fn.range)).toBe('function f { iptables -A INPUT -i %i -j ACCEPT; }');
    expect(src(fn.bodyRange)).toBe('{ iptables -A INPUT -i %i -j ACCEPT; }');
    expect(fn.commands.map((c) => c.words.map((w) => w.text))).toEqual([['iptables', '-A', 'INPUT', '-i', 'wg0', '-j', 'ACCEPT'], []]);
    // The body reads like a `{ ... }` group; the call is a command of its own.
    expect(texts(ast)).toEqual([['iptables', '-A', 'INPUT', '-i', 'wg0', '-j', 'ACCEPT'], [], ['f']]);
    expect(ast.commands[0]!.keywords.map((k) => k.text)).toEqual(['{']);
    expect(commandName(ast.commands[0]!)).toBe('iptables');
  });

  it('reads f() with a { } or ( ) body, and nested functions', () => {
    const a = hook('f() { :; }; f');
    expect(a.problems).toEqual([]);
    expect(a.ast.functions.map((f) => [f.name.text, f.keyword, a.src(f.range)])).toEqual([['f', undefined, 'f() { :; }']]);
    const b = hook('up() ( ip link set %i up ); up');
    expect(b.problems).toEqual([]);
    expect(b.src(b.ast.functions[0]!.bodyRange)).toBe('( ip link set %i up )');
    expect(b.ast.functions[0]!.commands.map((c) => commandName(c))).toEqual(['ip']);
    const c = hook('function outer() { inner() { echo x; }; inner; }');
    expect(c.problems).toEqual([]);
    expect(c.ast.functions.map((f) => f.name.text)).toEqual(['inner', 'outer']);
    expect(c.src(c.ast.functions[0]!.range)).toBe('inner() { echo x; }');
  });

  it('keeps the parentheses and `|` of a `=~` regex in its word', () => {
    const { ast, problems, src } = hook('[[ "$(hostname)" =~ ^(gw|vpn)[0-9]+$ ]] && logger matched');
    expect(problems).toEqual([]);
    const [cond, log] = ast.commands;
    expect(cond!.keywords.map((k) => k.text)).toEqual(['[[']);
    expect(cond!.words.map((w) => w.text)).toEqual(['$(hostname)', '=~', '^(gw|vpn)[0-9]+$']);
    expect(src(cond!.words[2]!.range)).toBe('^(gw|vpn)[0-9]+$');
    expect(cond!.closers.map((k) => k.text)).toEqual([']]']);
    expect(cond!.after).toBe('&&');
    expect(commandName(log!)).toBe('logger');
  });

  it('reads && and ( ) inside [[ ]] as part of the test', () => {
    const { ast, problems } = hook('[[ -n $a && ( $b == c || $d ) ]] || exit 0');
    expect(problems).toEqual([]);
    expect(ast.commands).toHaveLength(2);
    expect(ast.commands[0]!.words.map((w) => w.text)).toEqual(['-n', '$a', '&&', '(', '$b', '==', 'c', '||', '$d', ')']);
  });

  it('reads an array assignment as an assignment whose value keeps its source range', () => {
    const { ast, problems, src } = hook('ports=(80 "443" [5]=x $(echo 1)); iptables -A INPUT --dport $p');
    expect(problems).toEqual([]);
    const a = ast.commands[0]!.assignments[0]!;
    expect(ast.commands[0]!.words).toEqual([]);
    expect(src(a.range)).toBe('ports=(80 "443" [5]=x $(echo 1))');
    expect(a.elements!.map((e) => e.text)).toEqual(['80', '443', '[5]=x', '$(echo 1)']);
    expect(src(a.elements![1]!.range)).toBe('"443"');
    expect(a.dynamic).toBe(true);
    expect(allCommands(ast).map((c) => commandName(c))).toEqual([undefined, 'echo', 'iptables']);
    const d = hook('declare -a a=(1 2); b+=(3)');
    expect(d.problems).toEqual([]);
    expect(d.ast.commands[0]!.words.map((w) => [w.text, w.elements?.length])).toEqual([
      ['declare', undefined],
      ['-a', undefined],
      ['a=(1 2)', 2],
    ]);
    expect(d.ast.commands[1]!.assignments[0]!.elements!.map((e) => e.text)).toEqual(['3']);
  });

  it('splits case items into their commands', () => {
    const { ast, problems } = hook('case "$(hostname)" in (gw*) iptables -A FORWARD -i %i -j ACCEPT ;; a|b) logger x; logger y;; esac');
    expect(problems).toEqual([]);
    expect(ast.commands.map((c) => [c.keywords.map((k) => k.text), commandName(c) ?? null, c.closers.map((k) => k.text)])).toEqual([
      [['case'], '$(hostname)', []],
      [[], 'iptables', []],
      [[], 'logger', []],
      [[], 'logger', []],
      [[], null, ['esac']],
    ]);
  });

  it('still reports stray parentheses and ;; outside case', () => {
    for (const [v, token] of [
      ['echo (x)', '('],
      ['echo a=(1)', '('],
      ['f() echo', 'echo'],
      ['()', ')'],
      ['a ;; b', ';;'],
      ['{ a; }; }', '}'],
      ['case x in ) b;; esac', ')'],
    ] as const) {
      const { problems, src } = hook(v);
      expect(problems.length, v).toBeGreaterThan(0);
      expect(src(problems[0]!.range), v).toBe(token);
    }
  });
});

describe('bash -c / sh -c', () => {
  it('parses the script of bash -c recursively with exact ranges', () => {
    const { ast, problems, src } = hook(`bash -c 'ip rule add fwmark 1 table 7 priority 5 && ip route add default dev %i table 7'`);
    expect(problems).toEqual([]);
    const script = ast.commands[0]!.script!;
    expect(texts(script)).toEqual([
      ['ip', 'rule', 'add', 'fwmark', '1', 'table', '7', 'priority', '5'],
      ['ip', 'route', 'add', 'default', 'dev', 'wg0', 'table', '7'],
    ]);
    expect(src(script.commands[1]!.words[5]!.range)).toBe('%i');
    expect(script.commands[0]!.depth).toBe(1);
    expect(allCommands(ast)).toHaveLength(3);
  });

  it('handles sh -ec and reports errors inside the script', () => {
    const { ast, problems, src } = hook(`sh -ec "echo 'x"`);
    expect(ast.commands[0]!.script).toBeDefined();
    expect(problems).toHaveLength(1);
    expect(src(problems[0]!.range)).toBe(`'x`);
  });

  it('does not treat other programs taking -c as shells', () => {
    const { ast } = hook(`ping -c 1 10.0.0.1`);
    expect(ast.commands[0]!.script).toBeUndefined();
  });
});

describe('argv and wrappers', () => {
  it('skips sudo, env and timeout', () => {
    for (const [v, name] of [
      ['sudo ip route add default via 172.31.0.1 dev eth0', 'ip'],
      ['sudo -u root env A=1 /usr/sbin/iptables -L', 'iptables'],
      ['timeout -s KILL 5 nft list ruleset', 'nft'],
      ['command -v wg', 'command'],
      ['command iptables -L', 'iptables'],
    ] as const) {
      const { ast } = hook(v);
      expect(commandName(ast.commands[0]!), v).toBe(name);
    }
    const { ast } = hook('sudo ip route add default via 172.31.0.1 dev eth0');
    expect(argv(ast.commands[0]!).map((w) => w.text)).toEqual(['ip', 'route', 'add', 'default', 'via', '172.31.0.1', 'dev', 'eth0']);
  });
});

describe('robustness', () => {
  it('never throws and keeps every range inside the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom('', 'wg0', 'wg-long.name'), (s, iface) => {
        const base = 7;
        const r = parseShell(s, { baseOffset: base, interfaceName: iface });
        const inside = (x: { start: number; end: number }): boolean => x.start >= base && x.end <= base + s.length && x.start <= x.end;
        for (const c of allCommands(r.ast)) {
          expect(inside(c.range)).toBe(true);
          for (const w of c.words) expect(inside(w.range)).toBe(true);
        }
        for (const p of r.problems) expect(inside(p.range)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('survives deep nesting', () => {
    const deep = `${'$('.repeat(30)}x${')'.repeat(30)}`;
    const r = parseShell(`echo ${deep}`, { baseOffset: 0 });
    expect(r.ast.commands).toHaveLength(1);
  });

  it('fuzzes shell-ish strings', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', ';', '&', '|', "'", '"', '$(', ')', '`', '#', '\\', '\n', '%i', '>', '2>', '{', '}', 'if', 'then'), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        const r = parseShell(s, { baseOffset: 0, interfaceName: 'wg0' });
        expect(r.ast.type).toBe('ShellProgram');
      }),
      { numRuns: 400 },
    );
  });
});
