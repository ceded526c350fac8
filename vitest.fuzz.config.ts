import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the long fuzz run. The *.fuzz.ts files are only included here (the default
// `vitest run` takes test/**/*.test.ts, where the bounded fuzz tests live). WGLINT_FUZZ_SECONDS sets
// the time budget of the whole run (default 600), WGLINT_FUZZ_SEED a seed to replay.
process.env['WGLINT_FUZZ_LONG'] = '1';

export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    // one worker: the properties share the CPU budget, and timing ratios need a quiet machine
    fileParallelism: false,
    reporters: ['verbose'],
    env: { WGLINT_FUZZ_LONG: '1' },
  },
});
