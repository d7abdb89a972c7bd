// Property tests run on a seed that FC_SEED sets, and a failure says how to
// rerun it on the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rerunHint, seedFromEnv } from './fast-check-seed';

const THIS_FILE = 'tests/unit/setup/fast-check-seed.test.ts';

/** The seed the setup file gave this file's properties. */
function globalSeed(): number {
  const seed = fc.readConfigureGlobal().seed;
  if (seed === undefined) throw new Error('the fast-check setup file did not set a seed');
  return seed;
}

/** The message of the error a call throws (fails the test when it throws none). */
async function thrownBy(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the property to fail');
}

describe('property test seeds', () => {
  it('every property of this file runs on the seed FC_SEED names, or on one drawn for the file', () => {
    const seed = globalSeed();
    expect(Number.isSafeInteger(seed)).toBe(true);
    if (process.env.FC_SEED) expect(seed).toBe(Number(process.env.FC_SEED));
  });

  it('reads FC_SEED as an integer and refuses anything else, naming the variable', () => {
    expect(seedFromEnv('1234567')).toBe(1234567);
    expect(seedFromEnv(' -42 ')).toBe(-42);
    expect(Number.isSafeInteger(seedFromEnv(undefined))).toBe(true);
    expect(Number.isSafeInteger(seedFromEnv(''))).toBe(true);
    for (const bad of ['abc', '1.5', '12e3', '0x10', '99999999999999999999']) {
      expect(() => seedFromEnv(bad)).toThrow(`FC_SEED="${bad}" is not an integer seed`);
    }
  });

  it('a failed property names its seed and how to rerun the file with it', async () => {
    const seed = globalSeed();
    const error = await thrownBy(() =>
      fc.assert(
        fc.property(fc.nat(), (n) => {
          expect(n).toBeLessThan(10);
        }),
      ),
    );
    expect(error.message).toContain(`{ seed: ${seed}, path: "`);
    expect(error.message).toContain('Counterexample: [10]');
    expect(error.message.endsWith(rerunHint(seed, THIS_FILE))).toBe(true);
    expect(rerunHint(seed, THIS_FILE)).toBe(
      `Rerun with the same values: FC_SEED=${seed} npx vitest run ${THIS_FILE}`,
    );
    // The property's own assertion stays attached, as fast-check's default report keeps it.
    expect(String((error.cause as Error).message)).toMatch(/expected 10 to be less than 10/);
  });

  it('an asynchronous property reports the same way', async () => {
    const seed = globalSeed();
    const error = await thrownBy(() =>
      fc.assert(
        fc.asyncProperty(fc.string(), async (s) => {
          await Promise.resolve();
          expect(s.length).toBeLessThan(1);
        }),
      ),
    );
    expect(error.message).toContain(`{ seed: ${seed}, path: "`);
    expect(error.message).toContain('Counterexample: [" "]');
    expect(error.message.endsWith(rerunHint(seed, THIS_FILE))).toBe(true);
  });
});
