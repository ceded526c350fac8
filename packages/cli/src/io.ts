/** The outside world as the CLI sees it; tests can pass their own. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  writeOut(text: string | Uint8Array): void;
  writeErr(text: string): void;
  readStdin(): Promise<Buffer>;
}

export function processIo(): CliIo {
  // `wglint … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
  const quietOnEpipe = (stream: NodeJS.WriteStream): NodeJS.WriteStream =>
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  quietOnEpipe(process.stdout);
  // process.stderr is created on first access (a stream, a few ms of start-up): most runs never write it.
  let stderr: NodeJS.WriteStream | undefined;
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    writeOut: (t) => void process.stdout.write(t),
    writeErr: (t) => void (stderr ??= quietOnEpipe(process.stderr)).write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks);
    },
  };
}

/** The version baked in at build time, or a dev marker when running from source. */
export const VERSION: string = typeof __WGLINT_VERSION__ === 'string' ? __WGLINT_VERSION__ : '0.0.0-dev';
