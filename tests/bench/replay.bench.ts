// Replay benchmarks (issue 4): replay + correlate + rank a generated scenario
// end to end against its ingest (load + validate) time, goal within 4x; the
// incremental ranking against a naive full re-sort after every event, goal
// >= 20x; top-50 latency with 100,000 open alerts, goal < 1 ms; and backward
// seeks. Everything runs the path the app runs: the exercise engine, driving
// the replay cursor (which `rank` drives too), with its log; the controller's
// backward seeks go through ExerciseEngine.seek.
// Run: npm run bench -- replay   (TRUCELINE_BENCH_EVENTS=N for another size,
// default 1,000,000; TRUCELINE_BENCH_NAIVE_SLICE=S events timed both ways)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertEngine } from '../../shared/alerts/alert-engine';
import { BUILTIN_SCORING_MODEL } from '../../shared/alerts/scoring-model';
import { MemoryAuditLog } from '../../shared/audit/memory-log';
import { prepareExercise } from '../../shared/exercise/exercise-setup';
import { createExercise } from '../../shared/exercise/exercise-session';
import { loadScenarioFromPath } from '../../shared/node/scenario/load-path';
import { writeGeneratedScenario } from '../../shared/node/scenario/write-generated';
import { BUILTIN_PROTOCOL } from '../../shared/protocol/builtin-protocol';
import { ReplayCursor, maxReportDelay } from '../../shared/replay/cursor';
import type { LoadedScenario, ReplayEvent } from '../../shared/scenario/loaded-scenario';

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Alerts that never correlate (over 20 km apart on a grid), all active at once. */
function manyAlerts(n: number): ReplayEvent[] {
  const t = Date.parse('2026-03-01T00:00:00.000Z');
  const types = [
    'explosion',
    'artillery-fire',
    'thermal-hotspot',
    'small-arms-fire',
    'uav-overflight',
  ];
  const events: ReplayEvent[] = [];
  for (let i = 0; i < n; i++) {
    const lat = -60 + (i % 120);
    const lon = -179 + Math.floor(i / 120) * 0.4;
    events.push({
      seq: i,
      at: t + i,
      shownAt: t + i,
      event: {
        id: `m-${String(i).padStart(6, '0')}`,
        time: new Date(t + i).toISOString(),
        source: 'observer',
        type: types[i % types.length]!,
        lat,
        lon,
        confidence: (i % 97) / 97,
        count: 1 + (i % 13),
      },
      zoneIds: [],
      lineDistanceKm: null,
      settlementId: null,
      settlementDistanceKm: null,
    });
  }
  return events;
}

function topLatency(): void {
  const n = 100_000;
  const events = manyAlerts(n);
  const engine = new AlertEngine({ model: BUILTIN_SCORING_MODEL, zones: [], maxReportDelayMs: 0 });
  const build = time(() => {
    for (const e of events) engine.addEvent(e);
  });
  if (engine.openAlerts !== n)
    throw new Error(`expected ${n} open alerts, got ${engine.openAlerts}`);
  engine.top(50); // warm up
  const runs = 2000;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    engine.top(50);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / runs;
  const fullSort = time(() => engine.all().slice(0, 50));
  console.log(`  top-50 at ${n.toLocaleString('en')} open alerts (built in ${fmt(build.ms)}):`);
  console.log(
    `    mean ${(mean * 1000).toFixed(1)} µs, median ${(samples[runs >> 1]! * 1000).toFixed(1)} µs, p99 ${(samples[Math.floor(runs * 0.99)]! * 1000).toFixed(1)} µs (goal < 1 ms); a full sort via all(): ${fmt(fullSort.ms)}`,
  );
}

const median = (sorted: readonly number[]) => sorted[sorted.length >> 1]!;

/** CPU time of this process so far, ms (all its threads: less swayed than wall time by other work on the machine). */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall and CPU time of a phase, and how they compare with the ingest's. */
interface Cost {
  ms: number;
  cpuMs: number;
}
const against = (phase: Cost, ingest: Cost) =>
  `${fmt(phase.ms)} wall, ${fmt(phase.cpuMs)} CPU = ${(phase.ms / ingest.ms).toFixed(2)}x ingest wall, ${(phase.cpuMs / ingest.cpuMs).toFixed(2)}x CPU`;

/** Collects what the previous phase left (run.ts starts benches with --expose-gc), so no phase pays for another's garbage. */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** `rank`'s path: the replay cursor straight to the end, then the top 50. */
function replayCursor(scenario: LoadedScenario, ingest: Cost): void {
  settle();
  const c0 = cpuNow();
  const replay = time(() => {
    const cursor = new ReplayCursor(scenario);
    cursor.advanceTo(scenario.end);
    return { cursor, top: cursor.engine.top(50) };
  });
  const cost = { ms: replay.ms, cpuMs: cpuNow() - c0 };
  const { cursor } = replay.value;
  console.log(
    `  replay + correlate + rank through the cursor (rank's path), snapshot every ${cursor.snapshotEvery} events, ${cursor.snapshotCount} snapshots: ${against(cost, ingest)}`,
  );
}

// The built-in protocol with no automatic entry: nothing starts it but a
// person, so the controller may seek back all exercise long (the built-in
// protocol starts on the first medium alert, after which seeking back is
// refused and the replay keeps no snapshots).
const MANUAL_ONLY = {
  ...BUILTIN_PROTOCOL.document,
  entry: { ...BUILTIN_PROTOCOL.document.entry, critical: null, high: null, medium: null },
};

/** The app's path: the exercise engine plays to the end, logging; then the controller seeks back. */
async function exerciseAndSeek(scenario: LoadedScenario, ingest: Cost): Promise<void> {
  const n = scenario.events.length;
  const setup = prepareExercise(scenario, 'bench', { protocol: MANUAL_ONLY });
  const log = new MemoryAuditLog('bench');
  const controller = { name: 'control', role: 'controller' as const };
  settle();
  const t0 = performance.now();
  const c0 = cpuNow();
  const engine = await createExercise(setup, log, controller);
  await engine.advanceTo(scenario.end);
  const top = engine.alerts().slice(0, 50);
  const cost = { ms: performance.now() - t0, cpuMs: cpuNow() - c0 };
  const ms = cost.ms;
  const ratio = ms / ingest.ms;
  console.log(
    `  replay + correlate + rank through the exercise engine (the app's path, every change logged): ${against(cost, ingest)} (goal <= 4x) ${ratio <= 4 ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `    ${engine.alerts().length.toLocaleString('en')} alerts (top ${top.length} read), ${log.entries().length.toLocaleString('en')} log entries, ${(n / (ms / 1000)).toFixed(0)} events/s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );

  // Backward seeks by the controller: the nearest snapshot, then forward.
  // Targets descend, so every one of them is a seek backwards. The console
  // then renders the engine's snapshot, timed apart.
  const span = scenario.end - scenario.start;
  const targets = Array.from(
    { length: 20 },
    (_, i) => scenario.end - (span * (i + 1)) / 21 - ((i * 7919) % 1000) * 1000,
  );
  const seeks: number[] = [];
  const withSnapshot: number[] = [];
  for (const target of targets) {
    const s0 = performance.now();
    await engine.seek(target, controller);
    const s1 = performance.now();
    engine.getSnapshot();
    seeks.push(s1 - s0);
    withSnapshot.push(performance.now() - s0);
    if (engine.now !== Math.floor(target))
      throw new Error(`seek to ${target} stood at ${engine.now}`);
  }
  seeks.sort((a, b) => a - b);
  withSnapshot.sort((a, b) => a - b);
  console.log(
    `  backward seek through the exercise engine (20 targets across the scenario): median ${fmt(median(seeks))}, max ${fmt(seeks.at(-1)!)}; with the snapshot the console renders: median ${fmt(median(withSnapshot))}, max ${fmt(withSnapshot.at(-1)!)}`,
  );
}

/** Runs the replay benchmark. */
export async function run(): Promise<void> {
  const n = Number(process.env.TRUCELINE_BENCH_EVENTS ?? 1_000_000);
  const slice0 = Number(process.env.TRUCELINE_BENCH_NAIVE_SLICE ?? 500);
  console.log(`replay bench: ${n.toLocaleString('en')} generated events (seed 1)`);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-replay-bench-'));
  try {
    const wrote = performance.now();
    await writeGeneratedScenario(dir, { events: n, seed: 1 });
    console.log(`  generated in ${fmt(performance.now() - wrote)}`);
    const t0 = performance.now();
    const c0 = cpuNow();
    const loaded = await loadScenarioFromPath(dir);
    const ingest = { ms: performance.now() - t0, cpuMs: cpuNow() - c0 };
    if (!loaded.ok || loaded.kind !== 'scenario')
      throw new Error('generated scenario failed to load');
    const scenario = loaded.scenario;
    console.log(
      `  ingest (load + validate + geography): ${fmt(ingest.ms)} wall, ${fmt(ingest.cpuMs)} CPU`,
    );

    // Each in its own function, so its state is gone after it.
    await exerciseAndSeek(scenario, ingest);
    replayCursor(scenario, ingest);
    settle();
    // The engine alone, without snapshots, in two timed parts around the
    // state kept for the naive comparison below.
    const engine = new AlertEngine({
      model: BUILTIN_SCORING_MODEL,
      zones: scenario.zones,
      maxReportDelayMs: maxReportDelay(scenario.events),
    });
    const from = Math.floor(n * 0.9);
    const head = time(() => {
      for (let i = 0; i < from; i++) engine.addEvent(scenario.events[i]!);
    });
    const state = engine.snapshot();
    const tail = time(() => {
      for (let i = from; i < n; i++) engine.addEvent(scenario.events[i]!);
      engine.advanceTo(scenario.end);
      return engine.top(50);
    });
    console.log(`  same without snapshots (engine alone): ${fmt(head.ms + tail.ms)}`);

    // Naive vs incremental at full scale: from the state at 90% of the
    // scenario, time the next events both ways. The naive variant (same
    // correlation and scoring, then every alert re-sorted, which is what
    // all() does) is too slow for a whole run: it is measured on this slice
    // and extrapolated.
    const slice = Math.min(slice0, n - from);
    engine.restore(state);
    engine.top(50);
    const incremental = time(() => {
      for (let i = from; i < from + slice; i++) {
        engine.addEvent(scenario.events[i]!);
        engine.top(50);
      }
    });
    engine.restore(state);
    engine.all();
    const naive = time(() => {
      for (let i = from; i < from + slice; i++) {
        engine.addEvent(scenario.events[i]!);
        engine.all();
      }
    });
    const perNaive = naive.ms / slice;
    const perIncremental = incremental.ms / slice;
    console.log(
      `  ranking after every event, events ${from.toLocaleString('en')}–${(from + slice).toLocaleString('en')} (${engine.openAlerts.toLocaleString('en')} open alerts): naive full re-sort ${(perNaive * 1000).toFixed(0)} µs/event vs incremental top-50 ${(perIncremental * 1000).toFixed(0)} µs/event: ${(perNaive / perIncremental).toFixed(1)}x (goal >= 20x); naive extrapolated to the whole run (alerts grow about linearly): about ${fmt(perNaive * n * 0.5)}`,
    );
    topLatency();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
