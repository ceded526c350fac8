// Shared by every test that checks wglint against a real tool (nft, iptables, ip, sysctl) in a
// private namespace. Those need root and the tool; without them a test says loudly that it did not
// run, and what was therefore not checked, instead of passing quietly. CI installs the tools.
import { spawn, spawnSync } from 'node:child_process';

/** A command that must succeed for the oracle to run, and what its failure means. */
export interface Requirement {
  readonly run: readonly [string, ...string[]];
  readonly missing: string;
}

/**
 * Why the oracle `name` cannot run here (null when it can): not root, or a requirement failing.
 * When it cannot, prints a banner saying that `name` did not run and that `notChecked`.
 */
export function realToolUnavailable(name: string, notChecked: string, requirements: readonly Requirement[]): string | null {
  let why: string | null = null;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) why = 'not running as root';
  else {
    for (const r of requirements) {
      if (spawnSync(r.run[0], r.run.slice(1), { stdio: 'ignore', timeout: 30_000 }).status !== 0) {
        why = r.missing;
        break;
      }
    }
  }
  if (why) {
    console.warn(
      `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
        `!!! ${name} DID NOT RUN: ${why}.\n` +
        `!!! ${notChecked}; run it as root with the tool installed (CI does).\n` +
        `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
    );
  }
  return why;
}

export const NEEDS_IP: Requirement = { run: ['ip', '-V'], missing: 'iproute2 `ip` is not installed' };
/** A private network namespace with veth devices in it (this kernel may lack wireguard and dummy). */
export const NEEDS_NETNS_VETH: Requirement = {
  run: ['unshare', '-n', 'ip', 'link', 'add', 'x0', 'type', 'veth', 'peer', 'name', 'x1'],
  missing: '`unshare -n` (or veth devices in it) does not work here',
};

/** What one script printed (stdout and stderr, in arrival order) and its exit status. */
export interface ScriptRun {
  readonly status: number | null;
  readonly output: string;
}

/**
 * Runs each bash script in its own fresh network namespace (`unshare -n bash -c SCRIPT`), a few at
 * a time; a script still running after 20 s is killed. Results are in the order of `scripts`.
 */
export async function runInFreshNamespaces(scripts: readonly string[], concurrency = 8): Promise<ScriptRun[]> {
  const out: ScriptRun[] = new Array(scripts.length);
  let next = 0;
  const one = (script: string): Promise<ScriptRun> =>
    new Promise((resolve) => {
      const p = spawn('unshare', ['-n', 'bash', '-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const collect = (d: Buffer): void => {
        output += d.toString('utf8');
      };
      p.stdout.on('data', collect);
      p.stderr.on('data', collect);
      const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
      p.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, output });
      });
    });
  const worker = async (): Promise<void> => {
    while (next < scripts.length) {
      const i = next++;
      out[i] = await one(scripts[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, scripts.length) }, worker));
  return out;
}
