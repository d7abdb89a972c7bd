// `npm run mutation [target…] [--minutes N]`: StrykerJS on the domain folders.
//
// A target is a folder (`alerts`) or one source file of a folder scored a
// file at a time (`alerts/bands.ts`). Each run keeps its result in an
// incremental file under tests/mutation/incremental/, committed, so the next
// run — on any clone — re-tests only mutants whose code or covering tests
// changed. The figures are read back from those files, not from the run: a
// folder's score counts every file of it, and says which files were never
// measured or changed since (`npm run mutation -- --summary` prints them
// without running anything). The README keeps the latest figures and the
// survivors judged equivalent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const FOLDERS = ['alerts', 'protocol', 'audit', 'replay', 'exercise'];
// Frozen copies of the version-1 code that only read old logs (see
// docs/ARCHITECTURE.md): never edited, their fixtures guard them; mutating
// them would double the run for code nobody changes.
const FROZEN = ['shared/alerts/legacy-v1/', 'shared/exercise/legacy-v1-tracker.ts'];
// Folders scored against their own tests only. Their code sits under every
// engine and sample test of the suite, so with the whole suite a run takes
// about a day on two cores; their own folder's tests take hours. The figure
// is then a lower bound (other folders' tests might kill more), and the README
// says which folders were scored so.
const OWN_TESTS_ONLY = {
  alerts: 'tests/unit/alerts/**/*.test.ts',
  exercise: 'tests/unit/exercise/**/*.test.ts',
};
// Files of those folders that no test of their own folder reaches (Stryker
// refuses a file no test runs): the console's alert rows, the SimCell's status
// and the SimCell the console and a room host build on the engine. They are
// scored with their callers' tests.
const TESTS_OF_FILE = {
  'shared/alerts/alert-view.ts': 'tests/unit/{alerts,console}/**/*.test.ts',
  'shared/exercise/engine-sim-cell.ts': 'tests/unit/{exercise,console,room}/**/*.test.ts',
  'shared/exercise/sim-cell-status.ts': 'tests/unit/{exercise,console,room}/**/*.test.ts',
};

/** The tests a unit is scored against; undefined for the whole suite. */
function testsOf({ folder, file }) {
  return (file !== null && TESTS_OF_FILE[file]) || OWN_TESTS_ONLY[folder];
}
// Folders run a source file at a time, each file with its own incremental
// file: their runs take hours on two cores, and Stryker writes its results
// only when a run ends, so a run stopped halfway would keep nothing. A file
// at a time, every finished file is kept and the next run goes on from there.
const BY_FILE = new Set(['alerts', 'exercise']);
const INCREMENTAL = 'tests/mutation/incremental';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    minutes: { type: 'string' },
    summary: { type: 'boolean', default: false },
    // Internal: one Stryker run in this process (a second run in the same
    // process fails while merging its options, StrykerJS 9.6).
    'run-one': { type: 'string' },
  },
});

/** The folder's source files that are mutated, sorted. */
function sourcesOf(folder) {
  return readdirSync(`shared/${folder}`, { recursive: true })
    .map((name) => `shared/${folder}/${String(name).replaceAll('\\', '/')}`)
    .filter((path) => path.endsWith('.ts') && !FROZEN.some((frozen) => path.startsWith(frozen)))
    .sort();
}

/** A run's unit: a whole folder, or one file of a folder run a file at a time. */
function unitOf(target) {
  const [folder, ...rest] = target.split('/');
  if (!FOLDERS.includes(folder)) {
    throw new Error(`unknown folder "${folder}" in "${target}"; choose from ${FOLDERS.join(', ')}`);
  }
  if (rest.length === 0) return { folder, file: null };
  const file = `shared/${target}`;
  if (!BY_FILE.has(folder)) {
    throw new Error(
      `shared/${folder} is run as a whole: ask for "${folder}", not one of its files`,
    );
  }
  if (!sourcesOf(folder).includes(file)) {
    throw new Error(`${file} is not one of the mutated files of shared/${folder}`);
  }
  return { folder, file };
}

/** Where a unit keeps its incremental result. */
function incrementalOf({ folder, file }) {
  if (file === null) return `${INCREMENTAL}/${folder}.json`;
  const name = file.slice(`shared/${folder}/`.length).replace(/\.ts$/, '').replaceAll('/', '__');
  return `${INCREMENTAL}/${folder}/${name}.json`;
}

/** The units a target stands for: a by-file folder stands for each of its files. */
function unitsOf(target) {
  const unit = unitOf(target);
  if (unit.file !== null || !BY_FILE.has(unit.folder)) return [unit];
  return sourcesOf(unit.folder).map((file) => ({ folder: unit.folder, file }));
}

async function runOne(target) {
  const unit = unitOf(target);
  const { Stryker } = await import('@stryker-mutator/core');
  const { default: config } = await import('../../stryker.config.mjs');
  const ownTests = testsOf(unit);
  // Read by vitest.mutation.config.ts, in the test runners Stryker starts.
  if (ownTests) process.env.TRUCELINE_MUTATION_TESTS = ownTests;
  const incrementalFile = incrementalOf(unit);
  mkdirSync(incrementalFile.slice(0, incrementalFile.lastIndexOf('/')), { recursive: true });
  const mutate =
    unit.file !== null
      ? [unit.file]
      : [`shared/${unit.folder}/**/*.ts`, ...FROZEN.map((path) => `!${path}**`)];
  const stryker = new Stryker({
    ...config,
    mutate,
    incrementalFile,
    jsonReporter: { fileName: `out/mutation/${target.replaceAll('/', '__')}.json` },
  });
  await stryker.runMutationTest();
  // The incremental file is committed: keep this machine's path out of it.
  const kept = JSON.parse(readFileSync(incrementalFile, 'utf8'));
  kept.projectRoot = '.';
  writeFileSync(incrementalFile, JSON.stringify(kept, null, 2) + '\n');
}

/** True for a file of comments, imports and `export … from` lines only (nothing to mutate). */
function onlyReExports(file) {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  return code
    .split(';')
    .map((statement) => statement.trim())
    .every(
      (statement) =>
        statement === '' || /^(import|export)\b[\s\S]*\bfrom\s+['"][^'"]+['"]$/.test(statement),
    );
}

/**
 * A folder's figures from its incremental files: mutants counted per status
 * in every file whose recorded source is the current one. A file with no
 * result, or whose code changed since, is named and left out of the score.
 */
function tallyOf(folder) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  const missing = [];
  const changed = [];
  const survivors = [];
  const files = [];
  for (const file of sourcesOf(folder)) {
    const path = incrementalOf({ folder, file: BY_FILE.has(folder) ? file : null });
    const result = existsSync(path)
      ? JSON.parse(readFileSync(path, 'utf8')).files[file]
      : undefined;
    if (!result) {
      // Stryker leaves out a file it found no mutant in: an index of
      // re-exports, or (in a file's own result) types only.
      const measured = onlyReExports(file) || (existsSync(path) && BY_FILE.has(folder));
      if (!measured) missing.push(file);
      continue;
    }
    if (result.source !== readFileSync(file, 'utf8')) {
      changed.push(file);
      continue;
    }
    const own = { file, detected: 0, valid: 0 };
    files.push(own);
    for (const mutant of result.mutants) {
      if (!(mutant.status in counts)) continue;
      counts[mutant.status]++;
      own.valid++;
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') own.detected++;
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        const { line, column } = mutant.location.start;
        survivors.push(
          `${file}:${line}:${column + 1} ${mutant.mutatorName} [${mutant.status}] ${(mutant.replacement ?? '').replace(/\s+/g, ' ')}`.trim(),
        );
      }
    }
  }
  const valid = counts.Killed + counts.Timeout + counts.Survived + counts.NoCoverage;
  const score = valid === 0 ? null : (100 * (counts.Killed + counts.Timeout)) / valid;
  return { folder, ...counts, valid, score, missing, changed, survivors, files };
}

function printSummary(folders) {
  mkdirSync('out/mutation', { recursive: true });
  console.log('\nfolder     score   killed timeout survived no-coverage');
  const notes = [];
  for (const folder of folders) {
    const t = tallyOf(folder);
    writeFileSync(`out/mutation/${folder}.survivors.txt`, t.survivors.join('\n') + '\n');
    const byFile = t.files
      .filter((f) => f.valid > 0)
      .map(
        (f) => `${((100 * f.detected) / f.valid).toFixed(1).padStart(5)}% of ${f.valid} ${f.file}`,
      );
    writeFileSync(`out/mutation/${folder}.files.txt`, byFile.join('\n') + '\n');
    const partial = t.missing.length + t.changed.length > 0;
    const score = t.score === null ? '    —' : t.score.toFixed(1).padStart(5);
    console.log(
      `${folder.padEnd(10)} ${score}%${partial ? '*' : ' '} ${String(t.Killed).padStart(6)} ${String(t.Timeout).padStart(7)} ${String(t.Survived).padStart(8)} ${String(t.NoCoverage).padStart(11)}`,
    );
    if (t.missing.length > 0) notes.push(`* ${folder}: not yet measured: ${t.missing.join(', ')}`);
    if (t.changed.length > 0)
      notes.push(`* ${folder}: changed since measured: ${t.changed.join(', ')}`);
  }
  for (const note of notes) console.log(note);
  console.log('per file: out/mutation/<folder>.files.txt; survivors: <folder>.survivors.txt');
}

if (values['run-one']) {
  await runOne(values['run-one']);
  process.exit(0);
}

let units;
try {
  units = (positionals.length > 0 ? positionals : FOLDERS).flatMap(unitsOf);
} catch (error) {
  console.error(`mutation: ${error.message}`);
  process.exit(2);
}
const folders = [...new Set(units.map((u) => u.folder))];
if (!values.summary) {
  const minutes = values.minutes === undefined ? Infinity : Number(values.minutes);
  if (!(minutes > 0)) {
    console.error(`mutation: --minutes takes a positive number, not "${values.minutes}"`);
    process.exit(2);
  }
  const until = Date.now() + minutes * 60_000;
  for (const unit of units) {
    if (Date.now() >= until) {
      console.log(
        `\nmutation: ${minutes} minutes are up; the units not started are left for the next run`,
      );
      break;
    }
    const target = unit.file === null ? unit.folder : unit.file.slice('shared/'.length);
    // Stryker refuses a run with no mutant ("No tests were executed").
    if (unit.file !== null && onlyReExports(unit.file)) {
      console.log(`\nmutation: shared/${target}: only re-exports, nothing to mutate`);
      continue;
    }
    const ownTests = testsOf(unit);
    console.log(`\nmutation: shared/${target}${ownTests ? ` (tests: ${ownTests})` : ''}`);
    const child = spawnSync(process.execPath, [process.argv[1], '--run-one', target], {
      stdio: 'inherit',
    });
    if (child.status !== 0)
      console.error(`mutation: shared/${target} failed (exit ${child.status})`);
  }
}
printSummary(folders);
