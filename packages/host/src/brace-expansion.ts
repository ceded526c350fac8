import type { SyntaxProblem } from '@wglint/core';
import type { ShellWord } from '@wglint/shell';

/**
 * Programs whose arguments never contain a bash brace expansion on purpose: nft's sets
 * (`{ a, b }`) and iptables' lists (`--dports 80,443`) look like one, but bash turns `{80,443}`
 * into two words before the program runs, and the extra word makes it refuse the command
 * (`nft add rule inet t c ip saddr {10.0.0.2,10.0.0.3} accept`: "syntax error, unexpected accept";
 * tested with bash 5.2 and nft 1.0.6).
 */
const PROGRAMS: Readonly<Record<string, string>> = {
  nft: 'Put spaces inside the set (`{ a, b }`, which bash leaves alone) or quote the whole rule: `nft \'add rule ...\'`.',
  iptables: 'Write one rule per value, or a list the match takes as one word (`-m multiport --dports 80,443`, `-s 10.0.0.1,10.0.0.2`).',
};

/** A problem for the first argument bash brace-expands, when `program` is one whose arguments never mean it. */
export function braceExpansionProblem(program: string, family: 'nft' | 'iptables', args: readonly ShellWord[]): SyntaxProblem | undefined {
  for (const w of args) {
    const brace = w.parts.find((p) => p.kind === 'brace');
    if (!brace) continue;
    const words = expand(brace.text);
    const into = words ? ` into ${words.length} words (\`${words.join(' ')}\`)` : ' into separate words';
    return {
      range: brace.range,
      message: `bash expands \`${brace.text}\`${into} before ${program} runs, so ${program} gets ${family === 'nft' ? 'no set' : 'an extra argument'} and refuses the command. ${PROGRAMS[family]}`,
    };
  }
  return undefined;
}

/** `pre{a,b}post` → `preapost prebpost` for one unnested list; undefined otherwise. */
function expand(text: string): string[] | undefined {
  const m = /^([^{}]*)\{([^{}]*,[^{}]*)\}([^{}]*)$/.exec(text);
  return m ? m[2]!.split(',').map((x) => `${m[1]}${x}${m[3]}`) : undefined;
}
