// A small, realistic exercise log for the audit tests, built with the real
// sealing, memory log, keys and bundle code.
import {
  MemoryAuditLog,
  buildExportBundle,
  generateSigningKey,
  signerFromKeyPair,
  type EntryDraft,
  type ExerciseMeta,
  type ExportBundle,
  type LogSigner,
} from '../../../shared/audit';

export const EXERCISE: ExerciseMeta = {
  id: 'ex-0001',
  title: 'Northern sector drill',
  classification: 'EXERCISE',
  scenario_id: 'northern-sector',
  scenario_hash: 'a'.repeat(64),
  scoring_hash: 'b'.repeat(64),
  protocol_hash: 'c'.repeat(64),
  created: '2026-11-26T10:00:00.000Z',
  app_version: '0.1.0',
};

export const DRAFTS: EntryDraft[] = [
  {
    exercise_time: null,
    actor: 'system',
    role: 'system',
    kind: 'exercise-created',
    data: { scenario_id: 'northern-sector', title: 'Northern sector drill' },
  },
  {
    exercise_time: '2026-03-01T04:00:00.000Z',
    actor: 'ctl-1',
    role: 'controller',
    kind: 'clock',
    data: { action: 'play', speed: 60 },
  },
  {
    exercise_time: '2026-03-01T04:12:00.000Z',
    actor: 'system',
    role: 'system',
    kind: 'alert-opened',
    alert_id: 'A-e1',
    data: { severity: 'high', score: 64.5 },
  },
  {
    exercise_time: '2026-03-01T04:13:00.000Z',
    actor: 'operator-1',
    role: 'operator',
    kind: 'ack',
    alert_id: 'A-e1',
    step_id: 'triage',
    data: {},
  },
  {
    exercise_time: '2026-03-01T04:15:00.000Z',
    actor: 'operator-1',
    role: 'operator',
    kind: 'protocol-action',
    alert_id: 'A-e1',
    step_id: 'triage',
    data: { action: 'start-verification', next: 'verify' },
  },
  {
    exercise_time: '2026-03-01T04:20:00.000Z',
    actor: 'operator-1',
    role: 'operator',
    kind: 'note',
    data: { text: 'Drone sortie tasked — ETA 20 min, «grid 37U»' },
  },
  {
    exercise_time: '2026-03-01T05:16:00.000Z',
    actor: 'system',
    role: 'system',
    kind: 'deadline-breach',
    alert_id: 'A-e1',
    step_id: 'verify',
    data: { escalated_to: null },
  },
  {
    exercise_time: '2026-03-01T06:00:00.000Z',
    actor: 'ctl-1',
    role: 'controller',
    kind: 'exercise-ended',
    data: { reason: 'end of drill', ratio: 0.00005 },
  },
];

let tick = 0;
/** A deterministic wall clock: one second per append. */
export function steppingClock(): () => Date {
  tick = 0;
  return () => new Date(Date.UTC(2026, 10, 26, 10, 0, tick++));
}

export async function buildLog(): Promise<MemoryAuditLog> {
  const log = new MemoryAuditLog(EXERCISE.id, { now: steppingClock() });
  for (const draft of DRAFTS) await log.append([draft]);
  return log;
}

export async function newSigner(): Promise<LogSigner> {
  return signerFromKeyPair(await generateSigningKey());
}

export async function signedBundle(signer: LogSigner): Promise<ExportBundle> {
  const log = await buildLog();
  return buildExportBundle({ exercise: EXERCISE, entries: log.entries(), signer });
}

/** A deep copy that can be tampered with freely. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
