import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // FC_SEED=<n> replays every property of a run on that seed (README, Tests).
    setupFiles: ['tests/unit/setup/fast-check.setup.ts'],
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results/unit.json' },
  },
});
