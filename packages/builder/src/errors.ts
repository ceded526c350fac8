/** What kind of input a `BuilderError` refuses. */
export type BuilderErrorCode =
  | 'invalid-key'
  | 'invalid-address'
  | 'invalid-cidr'
  | 'invalid-port'
  | 'invalid-number'
  | 'invalid-name'
  | 'invalid-value'
  | 'duplicate'
  | 'chain-type'
  | 'statement-order'
  | 'interface-direction'
  | 'target-table'
  | 'target-hook'
  | 'missing-option'
  | 'needs-protocol'
  | 'family'
  | 'no-teardown';

/**
 * Thrown at build time when an input would produce text the real tool refuses (or that means
 * something else than intended). `path` names the offending input (`peers[1].allowedIPs[0]`).
 * Messages never contain PrivateKey/PresharedKey values.
 */
export class BuilderError extends Error {
  /** Stable machine-readable kind. */
  readonly code: BuilderErrorCode;
  /** Where in the builder input the problem is, e.g. `interface.listenPort`. */
  readonly path: string;

  constructor(code: BuilderErrorCode, path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'BuilderError';
    this.code = code;
    this.path = path;
  }
}

/** Throws a `BuilderError`; typed `never` so callers can use it in expressions. */
export function fail(code: BuilderErrorCode, path: string, message: string): never {
  throw new BuilderError(code, path, message);
}
