import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { createAutoOperator } from '../../../shared/exercise/auto-operator';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { resumeExercise } from '../../../shared/exercise/exercise-session';
import {
  ackData,
  alertOpenedData,
  clockData,
  deadlineData,
  endedData,
  exerciseCreatedData,
  noteData,
  partyAckData,
  protocolActionData,
  severityChangedData,
} from '../../../shared/exercise/log-data';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { at, buildScenario, handEvents } from './hand-scenario';

const schemas = {
  'exercise-created': exerciseCreatedData,
  clock: clockData,
  'alert-opened': alertOpenedData,
  'alert-severity-changed': severityChangedData,
  ack: ackData,
  'protocol-action': protocolActionData,
  'party-ack': partyAckData,
  'deadline-warning': deadlineData,
  'deadline-breach': deadlineData,
  note: noteData,
  'exercise-ended': endedData,
} as const;

const inject: ScenarioEvent = {
  id: 'MSEL-1',
  time: at(200),
  source: 'inject',
  type: 'inject',
  summary: 'Hotline call from Party B',
};

describe('log entry data schemas', () => {
  it('describe every entry the engine writes', async () => {
    const scenario = buildScenario([...handEvents(), inject]);
    const log = new MemoryAuditLog('ex');
    await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test'),
      log,
      policy: createAutoOperator({ name: 'op', role: 'operator' }),
    });
    const kinds = new Set<string>();
    for (const entry of log.entries()) {
      const schema = schemas[entry.kind as keyof typeof schemas];
      expect(schema, entry.kind).toBeDefined();
      expect(schema.safeParse(entry.data).success, `${entry.seq} ${entry.kind}`).toBe(true);
      kinds.add(entry.kind);
    }
    for (const kind of [
      'alert-opened',
      'alert-severity-changed',
      'protocol-action',
      'party-ack',
      'deadline-warning',
      'note',
      'exercise-ended',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('refuses to resume an operator entry whose data does not fit, naming it', async () => {
    const scenario = buildScenario(handEvents());
    const log = new MemoryAuditLog('ex');
    await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test'),
      log,
      policy: createAutoOperator({ name: 'op', role: 'operator' }),
    });
    const entries = log.entries().map((e) => ({ ...e }));
    const i = entries.findIndex((e) => e.kind === 'party-ack');
    entries[i] = { ...entries[i]!, data: { party: 7, how: 'hotline' } };
    await expect(resumeExercise(scenario, entries)).rejects.toThrow(
      new RegExp(`log entry ${i + 1} \\(party-ack\\): data\\.party: `),
    );
  });
});
