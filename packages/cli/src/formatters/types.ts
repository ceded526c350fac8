import type { RuleMeta } from '@wglint/core';
import type { FileResult } from '@wglint/engine';

/** What every output format receives. */
export interface FormatContext {
  /** Every rule (for SARIF's rule table and docs links). */
  readonly rules: readonly RuleMeta[];
  readonly docsUrl: (id: string) => string;
  readonly version: string;
  readonly homepage: string;
  /** ANSI colours allowed (stylish only). */
  readonly color: boolean;
}

/** An output format: results in, the whole stdout text out. */
export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;
