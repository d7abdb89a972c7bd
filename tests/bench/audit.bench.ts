// Audit-log benchmarks (docs/AUDIT-LOG.md): append throughput of the memory log and
// of the Dexie log on fake-indexeddb (one by one vs batched), and verification
// of a 1,000,000-entry export against its floor — JSON.parse of the file plus
// one SHA-256 over its bytes in the same process. Goal: verify within 2x.
// Also the strict I-JSON reader (shared/json/strict-json.ts) against
// JSON.parse on the same file, each from the file's bytes.
// Run: npm run bench -- audit   (TRUCELINE_BENCH_ENTRIES=N for another size)
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import Dexie from 'dexie';
import {
  GENESIS_HASH,
  MemoryAuditLog,
  buildExportBundle,
  computeEntryHash,
  generateSigningKey,
  signerFromKeyPair,
  verifyLogBundle,
  type EntryDraft,
  type ExerciseMeta,
  type LogEntry,
} from '../../shared/audit';
import { parseStrictJsonBytes } from '../../shared/json/strict-json';
import { DexieAuditLog, openTrucelineDatabase } from '../../renderer/src/storage';

const EXERCISE: ExerciseMeta = {
  id: 'bench-exercise',
  title: 'Benchmark',
  classification: 'EXERCISE',
  scenario_id: 'bench',
  scenario_hash: 'a'.repeat(64),
  scoring_hash: 'b'.repeat(64),
  protocol_hash: 'c'.repeat(64),
  created: '2026-11-26T10:00:00.000Z',
  app_version: '0.1.0',
};

/** A realistic mix of entries (the kinds an exercise writes most). */
function draftAt(i: number): EntryDraft {
  const time = new Date(Date.UTC(2026, 2, 1, 4, 0, 0) + i * 7_000).toISOString();
  switch (i % 5) {
    case 0:
      return {
        exercise_time: time,
        actor: 'system',
        role: 'system',
        kind: 'alert-opened',
        alert_id: `A-ev-${i}`,
        data: { severity: 'high', score: 64.5, event_ids: [`ev-${i}`] },
      };
    case 1:
      return {
        exercise_time: time,
        actor: 'operator-1',
        role: 'operator',
        kind: 'ack',
        alert_id: `A-ev-${i - 1}`,
        step_id: 'triage',
        data: {},
      };
    case 2:
      return {
        exercise_time: time,
        actor: 'operator-1',
        role: 'operator',
        kind: 'protocol-action',
        alert_id: `A-ev-${i - 2}`,
        step_id: 'triage',
        data: { action: 'start-verification', next: 'verify', inputs: {} },
      };
    case 3:
      return {
        exercise_time: time,
        actor: 'system',
        role: 'system',
        kind: 'deadline-warning',
        alert_id: `A-ev-${i - 3}`,
        step_id: 'verify',
        data: { deadline: time, remaining_min: 12 },
      };
    default:
      return {
        exercise_time: time,
        actor: 'operator-2',
        role: 'operator',
        kind: 'note',
        data: { text: `Drone sortie ${i} tasked; ETA 20 min — grid 37U DQ ${i % 1000}` },
      };
  }
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function rate(n: number, s: number): string {
  return `${Math.round(n / s).toLocaleString('en-US')}/s`;
}

async function memoryAppend(n: number, batch: number): Promise<number> {
  const log = new MemoryAuditLog('bench');
  const start = performance.now();
  for (let i = 0; i < n; i += batch) {
    const drafts: EntryDraft[] = [];
    for (let j = i; j < Math.min(n, i + batch); j++) drafts.push(draftAt(j));
    await log.append(drafts);
  }
  return seconds(start);
}

async function dexieAppend(n: number, batch: number): Promise<number> {
  const name = `bench-${process.pid}-${batch}`;
  const db = await openTrucelineDatabase(name);
  const log = await DexieAuditLog.open(db, 'bench');
  const start = performance.now();
  for (let i = 0; i < n; i += batch) {
    const drafts: EntryDraft[] = [];
    for (let j = i; j < Math.min(n, i + batch); j++) drafts.push(draftAt(j));
    await log.append(drafts);
  }
  const s = seconds(start);
  await log.close();
  db.close();
  await Dexie.delete(name);
  return s;
}

/** 1M sealed entries, built directly (the memory log's zod check per draft is not what is measured here). */
function buildEntries(n: number): LogEntry[] {
  const entries: LogEntry[] = [];
  let prev = GENESIS_HASH;
  const wall = Date.UTC(2026, 10, 26, 10, 0, 0);
  for (let i = 0; i < n; i++) {
    const d = draftAt(i);
    const body = {
      seq: i + 1,
      exercise_id: EXERCISE.id,
      wall_time: new Date(wall + i * 50).toISOString(),
      ...d,
      prev_hash: prev,
    };
    const entry = { ...body, hash: computeEntryHash(body) } as LogEntry;
    entries.push(entry);
    prev = entry.hash;
  }
  return entries;
}

/**
 * Best of `runs` for each job, run interleaved so that load from other
 * processes hits all alike; wall time and this process's CPU time (the
 * steadier figure on a shared machine).
 */
async function interleavedBest(
  runs: number,
  jobs: Record<string, () => unknown>,
): Promise<Record<string, { wall: number; cpu: number }>> {
  const out: Record<string, { wall: number; cpu: number }> = {};
  for (let r = 0; r < runs; r++) {
    for (const [name, job] of Object.entries(jobs)) {
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      await job();
      const wall = seconds(start);
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / 1e6;
      const prev = out[name] ?? { wall: Infinity, cpu: Infinity };
      out[name] = { wall: Math.min(prev.wall, wall), cpu: Math.min(prev.cpu, cpu) };
    }
  }
  return out;
}

export async function run(): Promise<void> {
  console.log('## audit log');

  const memN = 100_000;
  for (const batch of [1, 100]) {
    const s = await memoryAppend(memN, batch);
    console.log(
      `memory log append, ${memN} entries, batch ${batch}: ${s.toFixed(2)} s (${rate(memN, s)})`,
    );
  }

  const dexN = 5_000;
  for (const batch of [1, 100]) {
    const s = await dexieAppend(dexN, batch);
    console.log(
      `Dexie log append on fake-indexeddb, ${dexN} entries, batch ${batch}: ${s.toFixed(2)} s (${rate(dexN, s)})`,
    );
  }

  const n = Number(process.env.TRUCELINE_BENCH_ENTRIES ?? 1_000_000);
  const start = performance.now();
  const entries = buildEntries(n);
  const signer = await signerFromKeyPair(await generateSigningKey());
  const bundle = await buildExportBundle({ exercise: EXERCISE, entries, signer });
  const dir = join('out', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `audit-${n}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  console.log(`built and wrote a ${n}-entry signed export in ${seconds(start).toFixed(1)} s`);
  entries.length = 0;

  const bytes = readFileSync(file);
  console.log(`export file: ${(bytes.length / 1e6).toFixed(0)} MB`);
  let line = '';
  const t = await interleavedBest(Number(process.env.TRUCELINE_BENCH_RUNS ?? 3), {
    floor: () => [JSON.parse(bytes.toString('utf8')), sha256(bytes)],
    floorNode: () => [
      JSON.parse(bytes.toString('utf8')),
      createHash('sha256').update(bytes).digest(),
    ],
    // As the CLI and the app verify: from the file's bytes, read strictly.
    verify: async () => {
      line = (await verifyLogBundle(bytes)).line;
    },
    jsonParse: () => JSON.parse(bytes.toString('utf8')),
    strictParse: () => parseStrictJsonBytes(bytes),
  });
  console.log(`verify result: ${line}`);
  for (const measure of ['wall', 'cpu'] as const) {
    const floor = t.floor![measure];
    const floorNode = t.floorNode![measure];
    const verify = t.verify![measure];
    console.log(
      `[${measure} time] floor (JSON.parse + one SHA-256 over the file): ${floor.toFixed(2)} s with @noble/hashes, ` +
        `${floorNode.toFixed(2)} s with node:crypto; verify ${n} entries: ${verify.toFixed(2)} s (${rate(n, verify)}) = ` +
        `${(verify / floor).toFixed(2)}x the noble floor, ${(verify / floorNode).toFixed(2)}x the node:crypto floor (goal: within 2x)`,
    );
  }
  for (const measure of ['wall', 'cpu'] as const) {
    const parse = t.jsonParse![measure];
    const strict = t.strictParse![measure];
    console.log(
      `[${measure} time] reading the export from its bytes: JSON.parse ${parse.toFixed(2)} s, ` +
        `strict I-JSON reader ${strict.toFixed(2)} s = ${(strict / parse).toFixed(2)}x JSON.parse`,
    );
  }
  if (!process.env.TRUCELINE_BENCH_KEEP) rmSync(file);
}
