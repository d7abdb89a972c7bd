import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { createAutoOperator } from '../../../shared/exercise/auto-operator';
import { createSimCell } from '../../../shared/exercise/sim-cell';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { resumeExercise } from '../../../shared/exercise/exercise-session';
import {
  ackData,
  alertOpenedData,
  clockData,
  deadlineData,
  endedData,
  exerciseCreatedData,
  incidentBandsChangedData,
  linkData,
  noteData,
  partyAckData,
  protocolActionData,
  severityChangedData,
  unlinkData,
} from '../../../shared/exercise/log-data';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { at, buildScenario, handEvents } from './hand-scenario';

const schemas = {
  'exercise-created': exerciseCreatedData,
  clock: clockData,
  'alert-opened': alertOpenedData,
  'alert-severity-changed': severityChangedData,
  'incident-bands-changed': incidentBandsChangedData,
  link: linkData,
  unlink: unlinkData,
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

// A busy hour: strong incidents minutes apart, so deadlines are warned and breached.
const busy: ScenarioEvent[] = [0, 1, 2, 3, 4].flatMap((i) => [
  {
    id: `b${i}-gs`,
    time: at(120 + i * 3),
    source: 'ground-sensor' as const,
    type: 'artillery-fire',
    lat: -44.9 + i * 0.18,
    lon: -120.49,
    confidence: 0.8,
    weapon_class: 'artillery' as const,
    calibre_mm: 152,
    count: 8,
  },
  {
    id: `b${i}-obs`,
    time: at(122 + i * 3),
    source: 'observer' as const,
    type: 'explosion',
    lat: -44.9 + i * 0.18,
    lon: -120.51,
    confidence: 0.8,
    casualties: 1,
  },
]);

describe('log entry data schemas', () => {
  it('describe every entry the engine writes', async () => {
    const scenario = buildScenario([...handEvents(), ...busy, inject]);
    const log = new MemoryAuditLog('ex');
    await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test'),
      log,
      policy: createAutoOperator({ name: 'op', role: 'operator' }, createSimCell()),
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
      policy: createAutoOperator({ name: 'op', role: 'operator' }, createSimCell()),
    });
    const entries = log.entries().map((e) => ({ ...e }));
    const i = entries.findIndex((e) => e.kind === 'party-ack');
    entries[i] = { ...entries[i]!, data: { party: 7, how: 'hotline' } };
    await expect(resumeExercise(scenario, entries)).rejects.toThrow(
      new RegExp(`log entry ${i + 1} \\(party-ack\\): data\\.party: `),
    );
  });
});
