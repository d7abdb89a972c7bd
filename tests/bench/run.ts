// `npm run bench [-- name…]`: runs every registered benchmark, or those named.
// Register a new tests/bench/<name>.bench.ts here (static imports keep the
// esbuild bundle of run-ts.mjs simple).
import * as audit from './audit.bench';
import * as replay from './replay.bench';

const benches: Record<string, { run(): Promise<void> }> = { audit, replay };

/** Runs the named benchmarks (all when none is named). */
export async function run(names: string[] = []): Promise<void> {
  const unknown = names.filter((n) => !(n in benches));
  if (unknown.length)
    throw new Error(
      `unknown bench: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`,
    );
  for (const [name, bench] of Object.entries(benches)) {
    if (names.length === 0 || names.includes(name)) await bench.run();
  }
}

if (process.argv[1]?.endsWith('run.ts')) {
  await run(process.argv.slice(2));
}
