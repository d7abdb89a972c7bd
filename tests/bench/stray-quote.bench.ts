// Stray-quote bench (issue 13): what `truceline validate` runs
// (checkScenarioAtPath) on a scenario whose CSV feed has one stray quote,
// against the same scenario without it, both timed in this run (best of 3,
// interleaved so that other work on the machine hits both alike). The quote
// leaves a field open to the end of the file; the reader used to join and
// split the open record again at every line (13.8 s against 0.36 s for
// 1.8 MB). At 1.8 MB the open record stops at the 1 MiB record limit; at
// 0.5 and 1.0 MB it runs to the end of the file, so their times show the
// growth with size. Then the UCDP GED importer on the real export, with and
// without a stray quote.
// Run: npm run bench -- stray-quote
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkScenarioAtPath } from '../../shared/node/scenario/load-path';
import { importUcdpGed } from '../../shared/ucdp/import-ucdp-ged';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GED_PATH = resolve(root, '../shared/data/ucdp-ged-ukraine.csv');
const fixture = join(root, 'tests/fixtures/scenarios/small');
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function row(i: number, stray: boolean): string {
  const time = `2026-03-01T${String(Math.floor(i / 3600) % 10).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
  const summary = 'Observers report shelling near the crossing; some 2 km east of the checkpoint';
  return `e${i},${time},observer,explosion,48.5,37.0,${stray ? '"' : ''}${summary}`;
}

/** A scenario folder with one CSV feed of about `bytes`, a stray quote on its 10th row if asked. */
function scenario(parent: string, name: string, bytes: number, stray: boolean): string {
  const dir = join(parent, name);
  mkdirSync(join(dir, 'feeds'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(fixture, 'scenario.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete manifest.sensors;
  delete manifest.briefing;
  manifest.feeds = ['feeds/msel.csv'];
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'zones.geojson'), readFileSync(join(fixture, 'zones.geojson')));
  const lines = ['id,time,source,type,lat,lon,summary'];
  for (let i = 0, size = 0; size < bytes; i++) {
    lines.push(row(i, stray && i === 10));
    size += lines.at(-1)!.length + 1;
  }
  writeFileSync(join(dir, 'feeds/msel.csv'), `${lines.join('\n')}\n`);
  return dir;
}

async function validateMs(dir: string): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  const outcome = await checkScenarioAtPath(dir);
  return { ms: performance.now() - t0, ok: outcome.ok };
}

/** Best of 3, each pair run back to back. */
async function pair(clean: string, stray: string): Promise<{ clean: number; stray: number }> {
  const runs: { clean: number; stray: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const c = await validateMs(clean);
    const s = await validateMs(stray);
    if (!c.ok || s.ok) throw new Error('the clean scenario must load and the stray one must not');
    runs.push({ clean: c.ms, stray: s.ms });
  }
  return {
    clean: Math.min(...runs.map((r) => r.clean)),
    stray: Math.min(...runs.map((r) => r.stray)),
  };
}

function bestOf3(fn: () => void): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Prints the validate and UCDP import figures. */
export async function run(): Promise<void> {
  console.log('stray-quote bench (cores shared with other work; figures vary with load)');
  const parent = mkdtempSync(join(tmpdir(), 'truceline-bench-stray-'));
  try {
    const MB = 1e6;
    const sizes = [1.8 * MB, 1.0 * MB, 0.5 * MB];
    const strayMs: number[] = [];
    for (const bytes of sizes) {
      const label = `${(bytes / MB).toFixed(2)} MB`;
      const clean = scenario(parent, `clean-${bytes}`, bytes, false);
      const stray = scenario(parent, `stray-${bytes}`, bytes, true);
      await validateMs(clean); // warm-up
      const t = await pair(clean, stray);
      strayMs.push(t.stray);
      console.log(
        `validate, CSV feed of ${label}: clean ${fmt(t.clean)}, one stray quote ${fmt(t.stray)} — ratio ${(t.stray / t.clean).toFixed(2)}x`,
      );
    }
    console.log(
      `  stray quote open to the end of the file, 1.00 MB against 0.50 MB: ${(strayMs[1]! / strayMs[2]!).toFixed(2)}x the time for 2x the size (linear: ~2x; quadratic: ~4x)`,
    );
    const ged = readFileSync(GED_PATH, 'utf8');
    // A stray quote at the start of the second row's second field.
    const secondRow = ged.indexOf('\n') + 1;
    const comma = ged.indexOf(',', secondRow);
    const strayGed = `${ged.slice(0, comma + 1)}"${ged.slice(comma + 1)}`;
    const cleanMs = bestOf3(() => importUcdpGed(ged));
    const strayGedMs = bestOf3(() => importUcdpGed(strayGed));
    console.log(
      `UCDP GED import, real export (${(ged.length / MB).toFixed(2)} MB): clean ${fmt(cleanMs)}, one stray quote ${fmt(strayGedMs)} — ratio ${(strayGedMs / cleanMs).toFixed(2)}x`,
    );
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
