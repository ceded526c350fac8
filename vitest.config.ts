import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['grammar/test/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Builds the CLI bundle once per run for test/cli (scripts/build-cli.mjs --outdir <tmp>).
    globalSetup: ['test/cli/global-setup.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
  },
});
