import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results/unit.json' },
  },
});
