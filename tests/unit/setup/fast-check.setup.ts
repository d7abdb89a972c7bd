// Vitest setup file (vitest.config.ts setupFiles): every property test of the
// file runs on one seed, FC_SEED's or a fresh one, and a failure names it.
import { relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { seedFromEnv, seedReporter } from './fast-check-seed';

const seed = seedFromEnv(process.env.FC_SEED);
fc.configureGlobal({
  seed,
  reporter: seedReporter(() => {
    const path = expect.getState().testPath;
    return path ? relative(process.cwd(), path) : '<test file>';
  }),
});
