// `npm run mutation [folder…]`: StrykerJS on the domain folders, one at a time.
// Each folder keeps its own incremental file (tests/mutation/incremental/),
// committed, so the next run — on any clone — re-tests only mutants whose code
// or covering tests changed. Prints the mutation score per folder; the README
// keeps the latest figures and the survivors judged equivalent.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import config from '../../stryker.config.mjs';

const FOLDERS = ['alerts', 'protocol', 'audit', 'replay', 'exercise'];
// Frozen copies of the version-1 code that only read old logs (see
// docs/ARCHITECTURE.md): never edited, their fixtures guard them; mutating
// them would double the run for code nobody changes.
const FROZEN = ['shared/alerts/legacy-v1/**', 'shared/exercise/legacy-v1-tracker.ts'];
// Folders scored against their own tests only. Their code sits under every
// engine and sample test of the suite, so with the whole suite a run takes
// about a day on two cores; their own folder's tests take hours. The figure
// is then a lower bound (other folders' tests might kill more), and the README
// says which folders were scored so.
const OWN_TESTS_ONLY = {
  alerts: 'tests/unit/alerts/**/*.test.ts',
  exercise: 'tests/unit/exercise/**/*.test.ts',
};
const asked = process.argv.slice(2);
const unknown = asked.filter((f) => !FOLDERS.includes(f));
if (unknown.length > 0) {
  console.error(
    `mutation: unknown folder(s) ${unknown.join(', ')}; choose from ${FOLDERS.join(', ')}`,
  );
  process.exit(2);
}
const folders = asked.length > 0 ? asked : FOLDERS;

/** Detected over valid mutants, as Stryker defines its mutation score. */
function tally(results) {
  const count = (status) => results.filter((r) => r.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  const score = valid === 0 ? 100 : (100 * (killed + timeout)) / valid;
  return { killed, timeout, survived, noCoverage, valid, score };
}

mkdirSync('tests/mutation/incremental', { recursive: true });
mkdirSync('out/mutation', { recursive: true });

/** Mutation-tests one folder in this process; writes its tally and survivors under out/mutation. */
async function runFolder(folder) {
  const ownTests = OWN_TESTS_ONLY[folder];
  console.log(`\nmutation: shared/${folder}${ownTests ? ` (tests: ${ownTests})` : ''}`);
  // Read by vitest.mutation.config.ts, in the test runners Stryker starts.
  if (ownTests) process.env.TRUCELINE_MUTATION_TESTS = ownTests;
  const stryker = new Stryker({
    ...config,
    mutate: [`shared/${folder}/**/*.ts`, ...FROZEN.map((path) => `!${path}`)],
    incrementalFile: `tests/mutation/incremental/${folder}.json`,
    jsonReporter: { fileName: `out/mutation/${folder}.json` },
  });
  const results = await stryker.runMutationTest();
  // The incremental file is committed: keep this machine's path out of it.
  const incremental = `tests/mutation/incremental/${folder}.json`;
  const kept = JSON.parse(readFileSync(incremental, 'utf8'));
  kept.projectRoot = '.';
  writeFileSync(incremental, JSON.stringify(kept, null, 2) + '\n');
  const survivors = results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) =>
      `${r.fileName}:${r.location.start.line}:${r.location.start.column + 1} ${r.mutatorName} [${r.status}] ${r.replacement ?? ''}`.trim(),
    );
  writeFileSync(`out/mutation/${folder}.survivors.txt`, survivors.join('\n') + '\n');
  writeFileSync(`out/mutation/${folder}.tally.json`, JSON.stringify({ folder, ...tally(results) }));
}

if (folders.length === 1) {
  await runFolder(folders[0]);
} else {
  // One process per folder: a second Stryker run in the same process fails
  // while merging its options (StrykerJS 9.6).
  for (const folder of folders) {
    // No figure from an earlier run may stand in for a failed one.
    rmSync(`out/mutation/${folder}.tally.json`, { force: true });
    const child = spawnSync(process.execPath, [process.argv[1], folder], { stdio: 'inherit' });
    if (child.status !== 0)
      console.error(`mutation: shared/${folder} failed (exit ${child.status})`);
  }
}
const rows = [];
for (const folder of folders) {
  try {
    rows.push(JSON.parse(readFileSync(`out/mutation/${folder}.tally.json`, 'utf8')));
  } catch {
    // That folder's run failed; its error is above.
  }
}
console.log('\nfolder     score   killed timeout survived no-coverage');
for (const r of rows) {
  console.log(
    `${r.folder.padEnd(10)} ${r.score.toFixed(1).padStart(5)}%  ${String(r.killed).padStart(6)} ${String(r.timeout).padStart(7)} ${String(r.survived).padStart(8)} ${String(r.noCoverage).padStart(11)}`,
  );
}
console.log('survivors per folder: out/mutation/<folder>.survivors.txt');
