// Scenario ingest benchmarks (docs/SCENARIO-FORMAT.md; issue 3):
// 1. loadScenario on 1,000,000 generated events (read, validate, normalise,
//    sort, zones, hash) against the floor of a bare read + JSON.parse of the
//    same files in the same process: goal <= 2.0x, peak memory < 1 GB.
// 2. `truceline validate` on 300,000 events, start-up included, against a
//    plain node process reading the same NDJSON and JSON.parse-ing each line:
//    goal <= 3x.
// Sizes: TRUCELINE_BENCH_EVENTS (default 1000000), TRUCELINE_BENCH_VALIDATE_EVENTS (300000).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderBytes } from '../../shared/node/scenario/folder-bytes';
import { loadScenarioFromPath } from '../../shared/node/scenario/load-path';
import { nodeSha256 } from '../../shared/node/scenario/node-sha256';
import { scenarioContentHash } from '../../shared/scenario/content-hash';
import { writeGeneratedScenario } from '../../shared/node/scenario/write-generated';

const MB = 1024 * 1024;
/** CPU time of this process in ms: steadier than wall time on a shared machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** The floor: every file read whole, every feed line JSON.parse'd and kept. */
function bareParse(dir: string): { ms: number; cpu: number; events: number } {
  const t0 = performance.now();
  const c0 = cpuMs();
  const kept: unknown[] = [];
  for (const doc of ['scenario.json', 'zones.geojson', 'sensors.json']) {
    kept.push(JSON.parse(readFileSync(join(dir, doc), 'utf8')));
  }
  let events = 0;
  for (const feed of readdirSync(join(dir, 'feeds'))) {
    const text = readFileSync(join(dir, 'feeds', feed), 'utf8');
    for (const line of text.split('\n')) {
      if (line.length === 0) continue;
      kept.push(JSON.parse(line));
      events++;
    }
  }
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, events };
}

/** Samples RSS and heap while a promise runs. */
async function withPeakMemory<T>(work: () => Promise<T>) {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  try {
    const result = await work();
    const m = process.memoryUsage();
    return { result, rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed) };
  } finally {
    clearInterval(timer);
  }
}

const GNU_TIME = '/usr/bin/time';

/** Runs node with args; CPU time (user + system) of the child when GNU time is there. */
function timed(args: string[]): { ms: number; cpu: number | null; status: number | null } {
  const withTime = existsSync(GNU_TIME);
  const options = { encoding: 'utf8' as const, maxBuffer: 64 * MB };
  const t0 = performance.now();
  const r = withTime
    ? spawnSync(GNU_TIME, ['-f', 'CPU %U %S', process.execPath, ...args], options)
    : spawnSync(process.execPath, args, options);
  const ms = performance.now() - t0;
  const m = withTime ? /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr) : null;
  return { ms, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : null, status: r.status };
}

/** Loads the scenario in a fresh node process; its peak RSS. */
function loadInOwnProcess(dir: string): { events: number; maxRssMiB: number } {
  const r = spawnSync(
    process.execPath,
    ['shared/node/run-ts.mjs', 'tests/bench/load-once.ts', dir],
    { encoding: 'utf8', maxBuffer: 64 * MB },
  );
  if (r.status !== 0) throw new Error(`load-once failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { events: number; maxRssMiB: number };
}

const PLAIN_READER = `
const fs = require('fs'), path = require('path');
const dir = process.argv[1];
let n = 0;
for (const f of fs.readdirSync(path.join(dir, 'feeds'))) {
  const text = fs.readFileSync(path.join(dir, 'feeds', f), 'utf8');
  for (const line of text.split('\\n')) if (line) { JSON.parse(line); n++; }
}
console.log(n);
`;

async function ingest(events: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-bench-ingest-'));
  try {
    let t0 = performance.now();
    await writeGeneratedScenario(dir, { events, seed: 1 });
    const bytes = await folderBytes(dir);
    console.log(
      `generate ${events.toLocaleString('en')} events: ${fmt(performance.now() - t0)} (${(bytes / MB).toFixed(0)} MiB)`,
    );
    // The floor runs before and after the loader: whichever runs second finds a
    // grown heap, so both are shown and the ratio uses their mean.
    gc();
    const floorBefore = bareParse(dir);
    gc();
    const before = process.memoryUsage().rss;
    t0 = performance.now();
    const c0 = cpuMs();
    const { result, rss, heap } = await withPeakMemory(() => loadScenarioFromPath(dir));
    const loadMs = performance.now() - t0;
    const loadCpu = cpuMs() - c0;
    if (!result.ok || result.kind !== 'scenario')
      throw new Error('generated scenario did not load');
    const loaded = result.scenario.events.length;
    console.log(
      `loadScenario: ${fmt(loadMs)} wall, ${fmt(loadCpu)} CPU for ${loaded.toLocaleString('en')} events (${((loadMs * 1000) / loaded).toFixed(2)} µs/event wall)`,
    );
    console.log(
      `  peak RSS of this process ${(rss / MB).toFixed(0)} MiB (${(before / MB).toFixed(0)} MiB before, much of it the floor's), peak heap ${(heap / MB).toFixed(0)} MiB`,
    );
    // Where the time goes: the content hash of the loaded events on their own
    // (the manifest's share is negligible), and a load without zone membership.
    t0 = performance.now();
    scenarioContentHash({}, result.scenario.events, nodeSha256);
    const hashMs = performance.now() - t0;
    (result as { scenario?: unknown }).scenario = undefined;
    gc();
    t0 = performance.now();
    const withoutZones = await loadScenarioFromPath(dir, { geography: false });
    const noZonesMs = performance.now() - t0;
    if (!withoutZones.ok) throw new Error('generated scenario did not load without zones');
    (withoutZones as { scenario?: unknown }).scenario = undefined;
    gc();
    const floorAfter = bareParse(dir);
    for (const [when, floor] of [
      ['before', floorBefore],
      ['after', floorAfter],
    ] as const) {
      console.log(
        `bare read + JSON.parse, ${when} the load (same process): ${fmt(floor.ms)} wall, ${fmt(floor.cpu)} CPU for ${floor.events.toLocaleString('en')} lines`,
      );
    }
    const ratio = loadMs / ((floorBefore.ms + floorAfter.ms) / 2);
    const cpuRatio = loadCpu / ((floorBefore.cpu + floorAfter.cpu) / 2);
    console.log(
      `  ratio ${ratio.toFixed(2)}x wall, ${cpuRatio.toFixed(2)}x CPU (against the mean floor) — goal <= 2.0x: ${ratio <= 2 ? 'OK' : 'MISSED'}`,
    );
    const floorMs = (floorBefore.ms + floorAfter.ms) / 2;
    const alone = loadInOwnProcess(dir);
    console.log(
      `  peak RSS of the same load in a process of its own: ${alone.maxRssMiB.toFixed(0)} MiB — goal < 1 GB: ${alone.maxRssMiB * MB < 1e9 ? 'OK' : 'MISSED'}`,
    );
    const rest = noZonesMs - hashMs;
    console.log(
      `  breakdown: zone membership ${fmt(loadMs - noZonesMs)} (a load without it: ${fmt(noZonesMs)}); ` +
        `content hash of the events on their own ${fmt(hashMs)}; ` +
        `read, validate, normalise, sort ${fmt(rest)} = ${(rest / floorMs).toFixed(2)}x the floor`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function validateCli(events: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-bench-validate-'));
  try {
    await writeGeneratedScenario(dir, { events, seed: 2 });
    const cli = ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', 'validate', dir];
    // Warm-up builds the cached CLI bundle, a one-time cost not counted.
    timed([
      'shared/node/run-ts.mjs',
      'shared/node/cli/main.ts',
      'validate',
      'tests/fixtures/scenarios/small',
    ]);
    // Interleaved so that a burst of other work on the machine hits both alike.
    const runs = [0, 1, 2].map(() => ({
      cli: timed(cli),
      plain: timed(['-e', PLAIN_READER, dir]),
    }));
    if (runs.some((r) => r.cli.status !== 0))
      throw new Error('validate failed on the generated scenario');
    const best = (pick: (r: (typeof runs)[number]) => number | null) => {
      const values = runs.map(pick).filter((v): v is number => v !== null);
      return values.length ? Math.min(...values) : null;
    };
    const cliMs = best((r) => r.cli.ms)!;
    const plainMs = best((r) => r.plain.ms)!;
    const cliCpu = best((r) => r.cli.cpu);
    const plainCpu = best((r) => r.plain.cpu);
    const cpu = (v: number | null) => (v === null ? '' : `, ${fmt(v)} CPU`);
    console.log(
      `validate ${events.toLocaleString('en')} events (CLI, start-up included, best of 3): ${fmt(cliMs)} wall${cpu(cliCpu)}`,
    );
    console.log(
      `plain node reading the NDJSON + JSON.parse per line (best of 3): ${fmt(plainMs)} wall${cpu(plainCpu)}`,
    );
    const ratio = cliMs / plainMs;
    const cpuRatio =
      cliCpu !== null && plainCpu !== null ? `, ${(cliCpu / plainCpu).toFixed(2)}x CPU` : '';
    console.log(
      `  ratio ${ratio.toFixed(2)}x wall${cpuRatio} — goal <= 3x: ${ratio <= 3 ? 'OK' : 'MISSED'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs both ingest benchmarks and prints their figures. */
export async function run(): Promise<void> {
  const events = Number(process.env.TRUCELINE_BENCH_EVENTS ?? 1_000_000);
  const validateEvents = Number(process.env.TRUCELINE_BENCH_VALIDATE_EVENTS ?? 300_000);
  console.log(`ingest bench (cores shared with other work; figures vary with load)`);
  await ingest(events);
  gc();
  await validateCli(validateEvents);
}
