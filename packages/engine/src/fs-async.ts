// The few promise-returning fs calls the engine needs, on node:fs's callback API. Node loads
// `node:fs/promises` (FileHandle, streams) on first import, about 3 ms of every CLI start, and a
// pre-commit hook pays start-up on every commit (docs/performance.md).
import * as fs from 'node:fs';

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

function call<T>(run: (done: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
}

export const stat = (path: string): Promise<fs.Stats> => call((done) => fs.stat(path, done));
export const realpath = (path: string): Promise<string> => call((done) => fs.realpath(path, done));
export const readFile = (path: string): Promise<Buffer> => call((done) => fs.readFile(path, done));
export const writeFile = (path: string, data: string | Uint8Array): Promise<void> => call<void>((done) => fs.writeFile(path, data, (e) => done(e, undefined)));
export const readdir = (path: string): Promise<fs.Dirent[]> => call((done) => fs.readdir(path, { withFileTypes: true }, done));

/** The first `size` bytes of a file (fewer when it is shorter). */
export async function readHead(path: string, size: number): Promise<Buffer> {
  const fd = await call<number>((done) => fs.open(path, 'r', done));
  try {
    const buf = Buffer.alloc(size);
    const bytesRead = await call<number>((done) => fs.read(fd, buf, 0, size, 0, done));
    return buf.subarray(0, bytesRead);
  } finally {
    await call<void>((done) => fs.close(fd, (e) => done(e, undefined)));
  }
}
