import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { cstDts } from '../scripts/gen-cst-dts.js';

const file = new URL('../src/cst.generated.d.ts', import.meta.url);

test('src/cst.generated.d.ts matches the grammar (WGLINT_WRITE_CST=1 regenerates it)', () => {
  const expected = cstDts();
  if (process.env['WGLINT_WRITE_CST'] === '1' || !existsSync(file)) writeFileSync(file, expected);
  expect(readFileSync(file, 'utf8')).toBe(expected);
});
