// `npm run bench [-- name…]`: runs every tests/bench/<name>.bench.ts (or those
// named), one after another, each in its own Node process so that one bench's
// memory does not weigh on the next one's figures. A bench module exports
// `run(): Promise<void>` and prints its own figures; nothing to register here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = join(root, 'tests', 'bench');
const entryDir = join(root, 'out', '.run', 'bench-entries');

/** Names of the bench modules present (file name without `.bench.ts`). */
export function benchNames(): string[] {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
}

/** Runs the named benchmarks (all when none is named); returns how many failed. */
export function run(names: string[] = []): number {
  const known = benchNames();
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new Error(`unknown bench: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  }
  mkdirSync(entryDir, { recursive: true });
  let failed = 0;
  for (const name of known) {
    if (names.length > 0 && !names.includes(name)) continue;
    const entry = join(entryDir, `${name}.ts`);
    writeFileSync(
      entry,
      `import { run } from '../../../tests/bench/${name}.bench';\nawait run();\n`,
    );
    console.log(`\n=== bench ${name} ===`);
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ['--expose-gc', join(root, 'shared/node/run-ts.mjs'), entry],
      { cwd: root, stdio: 'inherit' },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.status !== 0) {
      failed++;
      console.log(
        `=== bench ${name} FAILED (exit ${result.status ?? result.signal}) after ${seconds} s ===`,
      );
    } else {
      console.log(`=== bench ${name} done in ${seconds} s ===`);
    }
  }
  return failed;
}

if (process.argv[1]?.endsWith('run.ts')) {
  process.exitCode = run(process.argv.slice(2)) > 0 ? 1 : 0;
}
