// One seed per test file for every fast-check property, taken from FC_SEED
// when set, and a failure message that says how to rerun with it: a property
// that fails one unseeded run in seven is only fixable once it can be replayed.
import fc from 'fast-check';

/** The seed FC_SEED asks for, or a fresh one as fast-check would draw it. */
export function seedFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') {
    return Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000);
  }
  const seed = Number(value.trim());
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(seed)) {
    throw new Error(
      `FC_SEED="${value}" is not an integer seed (use the number after "seed:" in a failed property's message)`,
    );
  }
  return seed;
}

/** The line a failed property ends with: how to run it again on the same values. */
export function rerunHint(seed: number, testFile: string): string {
  return `Rerun with the same values: FC_SEED=${seed} npx vitest run ${testFile}`;
}

/**
 * A fast-check reporter that throws what the default one throws (message with
 * the seed, and the property's own error as the cause), followed by the rerun
 * hint. Used for synchronous and asynchronous properties alike.
 */
export function seedReporter(testFile: () => string): (details: fc.RunDetails<unknown>) => void {
  return (details) => {
    if (!details.failed) return;
    const message = `${fc.defaultReportMessage(details)}\n\n${rerunHint(details.seed, testFile())}`;
    throw new Error(message, { cause: details.errorInstance });
  };
}
