import fc from 'fast-check';
import type * as FastCheck from 'fast-check';
import { vi } from 'vitest';

// Under Stryker every mutant re-runs the tests that cover it; 100 cases per
// property times thousands of mutants is hours. 20 cases still kill what a
// property kills in practice (the mutant breaks the invariant for most inputs);
// the full count runs in `npm test`.
const RUNS_UNDER_STRYKER = 20;
fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: RUNS_UNDER_STRYKER });

// A property that names its own count (`{ numRuns: 1500 }`) overrides the
// global one, and those are the slowest: the severity invariants alone ran
// 1,500 cases for every mutant of the alert score. So `fc.assert` is capped
// too, for the test files of a Stryker run only.
vi.mock('fast-check', async (importOriginal) => {
  const original = await importOriginal<typeof FastCheck>();
  const capped: typeof original.assert = ((property: never, params?: { numRuns?: number }) =>
    original.assert(property, {
      ...params,
      numRuns: Math.min(params?.numRuns ?? RUNS_UNDER_STRYKER, RUNS_UNDER_STRYKER),
    })) as typeof original.assert;
  return { ...original, assert: capped, default: { ...original.default, assert: capped } };
});
