// `npm run mutation [folder…]`: StrykerJS on the domain folders, one at a time.
// Each folder keeps its own incremental file (tests/mutation/incremental/),
// committed, so the next run — on any clone — re-tests only mutants whose code
// or covering tests changed. Prints the mutation score per folder; the README
// keeps the latest figures and the survivors judged equivalent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import config from '../../stryker.config.mjs';

const FOLDERS = ['alerts', 'protocol', 'audit', 'replay', 'exercise'];
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
const rows = [];
for (const folder of folders) {
  console.log(`\nmutation: shared/${folder}`);
  // A fresh copy per folder: Stryker writes into the options it is given, and
  // a second run on the same objects fails while merging them.
  const stryker = new Stryker({
    ...structuredClone(config),
    mutate: [`shared/${folder}/**/*.ts`],
    incrementalFile: `tests/mutation/incremental/${folder}.json`,
    jsonReporter: { fileName: `out/mutation/${folder}.json` },
  });
  const results = await stryker.runMutationTest();
  const t = tally(results);
  rows.push({ folder, ...t });
  const survivors = results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) =>
      `${r.fileName}:${r.location.start.line}:${r.location.start.column + 1} ${r.mutatorName} [${r.status}] ${r.replacement ?? ''}`.trim(),
    );
  writeFileSync(`out/mutation/${folder}.survivors.txt`, survivors.join('\n') + '\n');
}

console.log('\nfolder     score   killed timeout survived no-coverage');
for (const r of rows) {
  console.log(
    `${r.folder.padEnd(10)} ${r.score.toFixed(1).padStart(5)}%  ${String(r.killed).padStart(6)} ${String(r.timeout).padStart(7)} ${String(r.survived).padStart(8)} ${String(r.noCoverage).padStart(11)}`,
  );
}
console.log('survivors per folder: out/mutation/<folder>.survivors.txt');
