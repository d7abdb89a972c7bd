// Room benchmark (issue 19): the host with a real exercise engine on the
// quick-demo sample, its clock running, and ten headless seats in another
// process over WebSocket on loopback sending 20 intents a second. Figures:
// the time from an intent to every seat holding its entry (p50/p95/max, goal
// p95 < 100 ms), divergence at the end (seats whose head differs from the
// host's, goal 0), and the host's event-loop delay and long tasks (> 50 ms).
// Run: npm run bench -- room   (TRUCELINE_BENCH_ROOM_SECONDS=N for a shorter
// run, default 120; TRUCELINE_BENCH_ROOM_RATE=R intents a second, default 20)
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MemoryAuditLog } from '../../shared/audit/memory-log';
import { prepareExercise } from '../../shared/exercise/exercise-setup';
import { createExercise } from '../../shared/exercise/exercise-session';
import { listenForRoom } from '../../shared/node/room/ws-transport';
import { loadScenarioFromPath } from '../../shared/node/scenario/load-path';
import { RoomHost } from '../../shared/room/room-host';
import { RoomLog } from '../../shared/room/room-log';
import { MemoryRoomStore } from '../../shared/room/room-state';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.TRUCELINE_BENCH_ROOM_SECONDS ?? 120);
  const rate = Number(process.env.TRUCELINE_BENCH_ROOM_RATE ?? 20);
  const loaded = await loadScenarioFromPath(join(root, 'sample-feeds', 'quick-demo'));
  if (!loaded.ok || loaded.kind !== 'scenario') throw new Error('quick-demo did not load');
  const scenario = loaded.scenario;
  const setup = prepareExercise(scenario, 'bench', {});
  const log = await RoomLog.over(new MemoryAuditLog('room-bench'));
  const control = { name: 'Control (host)', role: 'controller' as const };
  const engine = await createExercise(setup, log, control);
  const host = await RoomHost.open({
    engine,
    log,
    scenario,
    store: new MemoryRoomStore(),
    reservedNames: [control.name],
    onJoinRequest: (join) => void host.approve(join.seatId, join.request),
  });
  const listener = await listenForRoom((c) => host.accept(c), { port: 0 });

  // The host's own work as in the app: the clock runs (speed 60, a tick every 100 ms).
  await engine.setSpeed(60);
  await engine.play();
  const ticker = setInterval(() => void engine.tick(100), 100);

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let longTasks = 0;
  let longest = 0;
  let expected = performance.now() + 20;
  const watch = setInterval(() => {
    const late = performance.now() - expected;
    if (late > 50) longTasks++;
    longest = Math.max(longest, late);
    expected = performance.now() + 20;
  }, 20);

  console.log(
    `  10 seats over ws on loopback, ${rate} intents/s for ${seconds} s (host clock at speed 60)`,
  );
  const child = spawn(
    process.execPath,
    [
      join(root, 'shared/node/run-ts.mjs'),
      'tests/bench/room-seats.ts',
      listener.url,
      host.joinCode,
      String(seconds * 1000),
      String(rate),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const phases: { join: string | null } = { join: null };
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (phases.join === null && out.includes('ROOM-SEATS-READY')) {
      // The joins (ten handshakes, ten scenario copies hashed) are reported apart from the steady run.
      phases.join = `delay max ${(delay.max / 1e6).toFixed(1)} ms, long tasks ${longTasks}, longest ${longest.toFixed(0)} ms`;
      delay.reset();
      longTasks = 0;
      longest = 0;
    }
  });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  clearInterval(ticker);
  clearInterval(watch);
  delay.disable();
  const line = out.split('\n').find((l) => l.startsWith('ROOM-SEATS '));
  if (code !== 0 || !line) throw new Error(`the seats' process failed (exit ${code})`);
  const result = JSON.parse(line.slice('ROOM-SEATS '.length)) as {
    sent: number;
    applied: number;
    errors: string[];
    wallMs: number;
    latencies: (number | null)[];
    heads: { name: string; seq: number; hash: string; status: string }[];
  };
  const head = log.head();
  const diverged = result.heads.filter((h) => h.seq !== head.seq || h.hash !== head.hash);
  const lat = result.latencies.map((l) => (l === null ? Infinity : l)).sort((a, b) => a - b);
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'never');
  console.log(
    `  intents: ${result.sent} sent in ${(result.wallMs / 1000).toFixed(1)} s, ${result.applied} applied` +
      (result.errors.length ? `; errors: ${result.errors.join(' | ')}` : ''),
  );
  console.log(`  host log: ${head.seq} entries at the end`);
  console.log(
    `  intent → every seat holds its entry: p50 ${ms(quantile(lat, 0.5))}, p95 ${ms(quantile(lat, 0.95))}, p99 ${ms(quantile(lat, 0.99))}, max ${ms(lat.at(-1) ?? NaN)} (goal p95 < 100 ms)`,
  );
  console.log(
    `  divergence at the end: ${diverged.length} of ${result.heads.length} seats` +
      (diverged.length
        ? ` (${diverged.map((d) => `${d.name} at ${d.seq}, ${d.status}`).join('; ')})`
        : '') +
      ' (goal 0)',
  );
  console.log(`  host event loop while the seats joined: ${phases.join ?? 'not reached'}`);
  console.log(
    `  host event loop while intents ran: delay p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms; long tasks (> 50 ms late): ${longTasks}, longest ${longest.toFixed(0)} ms`,
  );
  const refusedConnections = host.connectionLog().filter((r) => r.event === 'refused');
  console.log(`  connections refused: ${refusedConnections.length}`);
  await host.close();
  await listener.close();
  if (diverged.length > 0) process.exitCode = 1;
}
