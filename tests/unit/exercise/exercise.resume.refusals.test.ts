// What a resume refuses, each with the entry and the reason named
// (docs/AUDIT-LOG.md, resuming): a log that does not start with its
// exercise-created entry or whose entry is malformed, recorded documents that
// do not hash as recorded, a writer that does not hold the log, an entry the
// replay does not produce, a log cut in the middle of a batch. And what a new
// exercise refuses: a log that is not empty, a read-only setup.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import {
  ReadOnlyExerciseError,
  ResumeError,
  createExercise,
  readExerciseCreated,
  readOnlyReason,
  resumeExercise,
} from '../../../shared/exercise/exercise-session';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';
import { v1ScoringDocument } from './v1-scoring';

const operator = { name: 'operator-1', role: 'operator' as const };
const scenario = buildScenario(handEvents());

/** A short exercise's log: started, played an hour and a half, an alert acknowledged, paused. */
async function logged(): Promise<LogEntry[]> {
  const log = new MemoryAuditLog('ex-refusals');
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
  await engine.play();
  await engine.advanceTo(T0 + 62 * MIN);
  await engine.acknowledge('A-mlrs-1');
  await engine.advanceTo(T0 + 90 * MIN);
  await engine.pause('break');
  return log.entries().map((e) => structuredClone(e));
}

/** The entries with the exercise-created data changed by `change`. */
function withCreated(entries: LogEntry[], change: (data: Record<string, unknown>) => void) {
  const copy = entries.map((e) => structuredClone(e));
  change(copy[0]!.data as Record<string, unknown>);
  return copy;
}

describe('a new exercise', () => {
  it('needs an empty log, and a setup that is not read-only', async () => {
    const log = new MemoryAuditLog('ex-used');
    await createExercise(prepareExercise(scenario, 'test'), log, operator);
    const count = log.head().seq;
    await expect(createExercise(prepareExercise(scenario, 'test'), log, operator)).rejects.toThrow(
      `a new exercise needs an empty log (this one has ${count} entries): resume it instead`,
    );
    const readOnly = prepareExercise(scenario, 'test', { scoring: v1ScoringDocument() }, {}, true);
    await expect(createExercise(readOnly, new MemoryAuditLog('ex-ro'), operator)).rejects.toThrow(
      readOnly.readOnly!,
    );
  });
});

describe('reading the exercise-created entry', () => {
  it('refuses a log that does not start with it', async () => {
    const entries = await logged();
    for (const log of [[], entries.slice(1)]) {
      expect(() => readExerciseCreated(log, scenario)).toThrow(
        new ResumeError('log entry 1: a log starts with exercise-created'),
      );
    }
    expect(readOnlyReason([])).toBeNull();
    expect(readOnlyReason(entries.slice(1))).toBeNull();
    expect(readOnlyReason(entries)).toBeNull();
  });

  it('names the first malformed field of its data', async () => {
    const broken = withCreated(await logged(), (data) => {
      data.scenario_hash = 42;
    });
    expect(() => readExerciseCreated(broken, scenario)).toThrow(
      /^log entry 1: data\.scenario_hash: /,
    );
  });
});

describe('resuming', () => {
  it('refuses recorded documents that do not hash as recorded', async () => {
    const entries = await logged();
    const protocol = withCreated(entries, (data) => {
      (data.protocol as { hash: string }).hash = 'f'.repeat(64);
    });
    await expect(resumeExercise(scenario, protocol)).rejects.toThrow(
      `log entry 1: the protocol document does not hash to the recorded ${'f'.repeat(64)}`,
    );
    const scoring = withCreated(entries, (data) => {
      (data.scoring as { hash: string }).hash = 'e'.repeat(64);
    });
    await expect(resumeExercise(scenario, scoring)).rejects.toThrow(
      `log entry 1: the scoring document does not hash to the recorded ${'e'.repeat(64)}`,
    );
  });

  it('refuses a writer that does not hold exactly the entries resumed', async () => {
    const entries = await logged();
    const writer = new MemoryAuditLog('ex-other');
    await expect(resumeExercise(scenario, entries, { writer })).rejects.toThrow(
      `the writer holds 0 entries but ${entries.length} are being resumed`,
    );
  });

  it('names an entry the replay does not produce, by kind, alert and time', async () => {
    const entries = await logged();
    const acked = entries.findIndex((e) => e.kind === 'ack');
    const forged = entries.map((e) => structuredClone(e));
    forged[acked] = { ...forged[acked]!, role: 'system' };
    await expect(resumeExercise(scenario, forged)).rejects.toThrow(
      new ResumeError(
        `log entry ${acked + 1} (ack A-mlrs-1 at ${forged[acked]!.exercise_time}) is not produced by replaying the scenario`,
      ),
    );
  });

  it('says when the log ends in the middle of a batch the replay writes whole', async () => {
    const entries = await logged();
    // Alerts opened by one event are written in one batch: cut inside it.
    const batchEnd = entries.findIndex(
      (e, i) =>
        i > 0 &&
        e.kind === 'alert-opened' &&
        entries[i + 1]?.exercise_time === e.exercise_time &&
        entries[i + 1]?.kind !== 'clock',
    );
    expect(batchEnd).toBeGreaterThan(0);
    await expect(resumeExercise(scenario, entries.slice(0, batchEnd + 1))).rejects.toThrow(
      /^the log ends in the middle of a batch: the replay also produces \S+/,
    );
  });

  it('raises errors a caller can tell apart', () => {
    expect(new ResumeError('x').name).toBe('ResumeError');
    const readOnly = new ReadOnlyExerciseError('y');
    expect(readOnly.name).toBe('ReadOnlyExerciseError');
    expect(readOnly).toBeInstanceOf(ResumeError);
  });
});
