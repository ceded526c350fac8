// Writes packages/wg/src/cst.generated.d.ts from the grammar (chevrotain's generateCstDts).
// Regenerate with `WGLINT_WRITE_CST=1 npx vitest run packages/wg/test/cst-dts.test.ts`.
import { generateCstDts } from 'chevrotain';
import { WgCstParser } from '../src/parser.js';

/** The CST type declarations of the current grammar. */
export function cstDts(): string {
  const header = '// Generated from the grammar in src/parser.ts by scripts/gen-cst-dts.ts; do not edit.\n';
  return header + generateCstDts(new WgCstParser().getGAstProductions());
}
