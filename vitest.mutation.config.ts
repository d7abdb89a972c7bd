import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit suite as Stryker runs it: no JSON report (it would overwrite CI's),
// and property tests with fewer cases (see tests/mutation/fewer-property-runs.ts).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      reporters: ['default'],
      outputFile: {},
      setupFiles: ['tests/mutation/fewer-property-runs.ts'],
    },
  }),
);
