import { readFile, stat } from './fs-async.js';
import { dirname, join } from 'node:path';

/** Files larger than this are not parsed: no real config is this big, and garbage can be. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Why a file's bytes could not be taken as text; reported as a `syntax-error` at `offset`. */
export interface ReadProblem {
  readonly message: string;
  /** Offset into the decoded text where the problem is (0 when the file was not decoded). */
  readonly offset: number;
}

/** A file's contents as wglint sees them. */
export interface DecodedSource {
  /** The text without a leading byte-order mark; line endings untouched. */
  readonly text: string;
  /** True when the file started with a UTF-8 BOM (kept when the file is written back). */
  readonly bom: boolean;
  /** Set when the bytes are not usable text: the file is reported, never parsed as-is or rewritten. */
  readonly problem?: ReadProblem;
  /** False when the text cannot be written back byte-for-byte (invalid UTF-8, binary, too large). */
  readonly writable: boolean;
  /** False when the text must not be handed to a parser (binary or too large). */
  readonly parseable: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Turns a file's bytes into text, flagging binary, oversized and non-UTF-8 content. Never throws. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    return {
      text: '',
      bom: false,
      writable: false,
      parseable: false,
      problem: { offset: 0, message: `File is too large to lint (${mb} MiB; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MiB).` },
    };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    return {
      text: '',
      bom,
      writable: false,
      parseable: false,
      problem: { offset: 0, message: `File is binary (a NUL byte at byte ${nul + (bom ? 3 : 0)}); wglint reads text files only.` },
    };
  }
  try {
    return { text: decoder.decode(body), bom, writable: true, parseable: true };
  } catch {
    const text = lenient.decode(body);
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    const byte = firstInvalidByte(body);
    return {
      text,
      bom,
      writable: false,
      parseable: true,
      problem: {
        offset,
        message: `File is not valid UTF-8${byte === undefined ? '' : ` (byte 0x${byte.toString(16).padStart(2, '0')})`}; save it as UTF-8. It is linted with the bad bytes replaced and never rewritten.`,
      },
    };
  }
}

/** The text as bytes again, with the BOM restored. */
export function encodeSource(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
}

/** Permission bits of a file and of its directory (`st_mode & 0o7777`), for the permission rules. */
export interface FileModes {
  readonly mode?: number;
  readonly dirMode?: number;
}

export type ReadResult = { ok: true; source: DecodedSource; modes: FileModes } | { ok: false; message: string };

/** Reads and decodes a file; failures come back as a sentence, not an exception. */
export async function readSource(path: string): Promise<ReadResult> {
  try {
    const source = decodeSource(await readFile(path));
    return { ok: true, source, modes: await modesOf(path) };
  } catch (e) {
    return { ok: false, message: describeFsError(e) };
  }
}

async function modesOf(path: string): Promise<FileModes> {
  // git records only the executable bit, so a checkout's mode is the umask's, not the deployed
  // file's: judging it would flag every config in a repository of host configs.
  if (await inGitWorkingTree(dirname(path))) return {};
  try {
    const [file, dir] = await Promise.all([stat(path), stat(dirname(path)).catch(() => undefined)]);
    return { mode: file.mode & 0o7777, ...(dir ? { dirMode: dir.mode & 0o7777 } : {}) };
  } catch {
    return {};
  }
}

const gitTreeCache = new Map<string, Promise<boolean>>();

/** True when `dir` or an ancestor holds a `.git` entry. Cached per directory. */
function inGitWorkingTree(dir: string): Promise<boolean> {
  let cached = gitTreeCache.get(dir);
  if (!cached) {
    cached = stat(join(dir, '.git')).then(
      () => true,
      () => (dirname(dir) === dir ? false : inGitWorkingTree(dirname(dir))),
    );
    gitTreeCache.set(dir, cached);
  }
  return cached;
}

/** A filesystem error as a short sentence without a stack: "permission denied (EACCES)". */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a path component is not a directory',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
  };
  if (typeof code === 'string') return `${known[code] ?? 'cannot be read'} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

function firstInvalidByte(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return b;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return b;
    }
    i += need + 1;
  }
  return undefined;
}
