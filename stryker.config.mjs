// Mutation testing (`npm run mutation`): StrykerJS with the Vitest runner.
// tests/mutation/run.mjs runs it one domain folder at a time, incrementally,
// so a re-run only tests the mutants whose code or covering tests changed.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // Two cores here: more workers only contend.
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'json'],
  tempDirName: 'out/stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['out', 'dist', 'tests/screenshots'],
  incremental: true,
  // A static mutant (a module-level constant) is only active after a fresh
  // import, so every test file must re-run for each one: hours on two cores.
  // They are reported as ignored, outside the score.
  ignoreStatic: true,
  thresholds: { high: 90, low: 80 },
};
