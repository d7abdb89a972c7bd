import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit suite as Stryker runs it: no JSON report (it would overwrite CI's),
// property tests with fewer cases (see tests/mutation/fewer-property-runs.ts),
// test files sharing their modules,
// and without the tests that run the code in another process (the CLI, the
// Electron start check, the rebuild of the samples) or in Chromium: a mutant
// is active only in the test's own process, so there they could never kill
// one and would only cost time.
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      reporters: ['default'],
      outputFile: {},
      setupFiles: ['tests/mutation/fewer-property-runs.ts'],
      // One module graph for all of a run's test files instead of one per
      // file: Stryker switches mutants through a global, not by re-importing
      // (static mutants, which would need a fresh import, are ignored in
      // stryker.config.mjs). On shared/exercise/timer-map.ts it gave the same
      // status for each of the 81 mutants in 2m59s instead of 4m20s.
      isolate: false,
      exclude: [
        ...configDefaults.exclude,
        'tests/unit/**/*.cli.test.ts',
        'tests/unit/**/cli.*.test.ts',
        'tests/unit/**/*-cli.*.test.ts',
        'tests/unit/**/*.chromium.test.ts',
        'tests/unit/electron/start-check.test.ts',
        'tests/unit/samples/samples.rebuild.test.ts',
        'tests/unit/samples/no-real-places.test.ts',
        'tests/unit/docs/contract-citations.test.ts',
      ],
    },
  }),
);

// tests/mutation/run.mjs narrows some folders to their own tests (see there).
// Set after the merge: mergeConfig would add to the suite's include, not replace it.
const ownTests = process.env.TRUCELINE_MUTATION_TESTS;
if (ownTests) config.test = { ...config.test, include: [ownTests] };

export default config;
