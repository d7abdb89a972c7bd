import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { createAutoOperator } from '../../../shared/exercise/auto-operator';
import { createSimCell } from '../../../shared/exercise/sim-cell';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { LOG_DATA, isExerciseKind, type ExerciseDraft } from '../../../shared/exercise/log-data';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, handEvents, V1_PROTOCOL } from './hand-scenario';

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
      setup: prepareExercise(scenario, 'test', V1_PROTOCOL),
      log,
      policy: createAutoOperator({ name: 'op', role: 'operator' }, createSimCell()),
    });
    const kinds = new Set<string>();
    for (const entry of log.entries()) {
      expect(isExerciseKind(entry.kind), entry.kind).toBe(true);
      const schema = LOG_DATA[entry.kind as keyof typeof LOG_DATA];
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

  it('cover every kind the engine writes, each entry fitting its kind', async () => {
    const scenario = buildScenario([...handEvents(), ...busy, inject]);
    const logs = [new MemoryAuditLog('auto'), new MemoryAuditLog('by-hand')];
    await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test', V1_PROTOCOL),
      log: logs[0]!,
      policy: createAutoOperator({ name: 'op', role: 'operator' }, createSimCell()),
    });
    // What the auto operator never does: a controller's inject, seeks and
    // speeds, a checkpoint, an export, linking alerts into an incident and a message to an alert.
    const controller = { name: 'control', role: 'controller' as const };
    const engine = await createExercise(
      prepareExercise(scenario, 'test', V1_PROTOCOL),
      logs[1]!,
      controller,
    );
    await engine.play();
    await engine.setSpeed(60);
    // Between the first report of a busy incident (minute 120) and the second (122).
    await engine.seek(T0 + 120.5 * MIN);
    await engine.advanceTo(T0 + 121 * MIN);
    await engine.checkpoint();
    await engine.inject({ summary: 'Party B liaison calls', from: 'B' });
    await engine.note('Hotline logged.');
    // Linked now, the incident's bands change when the second report joins.
    const alerts = engine.alerts();
    const primary = alerts.find((a) => a.eventIds.includes('b0-gs'))!.id;
    const other = alerts.find((a) => a.id !== primary && !engine.protocolOf(a.id))!.id;
    await engine.link(primary, other);
    await engine.linkMessage('inject-1', primary);
    await engine.controlInject('MSEL-1', { action: 'hold' });
    await engine.seek(T0 + 140 * MIN);
    await engine.unlink(other);
    await engine.recordExport({ format: 'truceline-log', key_id: null });
    await engine.end('done');
    // Protocol version 2: a take-over, party moves and a report product.
    const v2 = new MemoryAuditLog('v2');
    logs.push(v2);
    const setup = prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document });
    const second = await createExercise(setup, v2, controller);
    await second.takeOverParty('B');
    await second.advanceTo(T0 + 75 * MIN);
    const op = { name: 'op', role: 'operator' as const };
    const unit = [...second.runs().keys()].find((id) => second.runOf(id)!.tracks.length > 0)!;
    await second
      .act(unit, 'confirmed-violation', { rationale: 'seen' }, op)
      .catch(() => second.act(unit, 'open-tracks', {}, op));
    await second.issueProduct('spot-report', 'Spot.', unit, op);
    await second.act(unit, 'request-sent', { party: 'B', evidence: 'mlrs-1' }, op);
    await second.takeAction(
      unit,
      { track: 'explanation', action: 'meeting-request', inputs: {} },
      { name: 'control', role: 'party', party: 'B' },
    );
    await second.handBackParty('B');
    await second.end('done');
    const written = new Set<string>();
    for (const entry of logs.flatMap((log) => log.entries())) {
      expect(isExerciseKind(entry.kind), entry.kind).toBe(true);
      const fits = LOG_DATA[entry.kind as keyof typeof LOG_DATA].safeParse(entry.data);
      expect(fits.success, `${entry.exercise_id} ${entry.seq} ${entry.kind}`).toBe(true);
      written.add(entry.kind);
    }
    expect([...written].sort()).toEqual(Object.keys(LOG_DATA).sort());
  });

  it("types each draft's data by its kind, so a misspelt member does not compile", () => {
    // The assertions here are the @ts-expect-error lines: the type check fails
    // if one of them compiles.
    const base = { exercise_time: null, actor: 'op', role: 'operator' as const };
    const drafts: ExerciseDraft[] = [
      { ...base, kind: 'note', data: { text: 'seen' } },
      // @ts-expect-error -- a note's member is `text`
      { ...base, kind: 'note', data: { txt: 'seen' } },
      // @ts-expect-error -- a party-ack names the party and how it acknowledged
      { ...base, kind: 'party-ack', data: { party: 'A' } },
      // @ts-expect-error -- there is no such kind
      { ...base, kind: 'notes', data: { text: 'seen' } },
    ];
    // What the compiler refuses, the schemas refuse too.
    const fits = (d: ExerciseDraft) =>
      isExerciseKind(d.kind) && LOG_DATA[d.kind].safeParse(d.data).success;
    expect(drafts.map(fits)).toEqual([true, false, false, false]);
  });

  it('refuses to resume an operator entry whose data does not fit, naming it', async () => {
    const scenario = buildScenario(handEvents());
    const log = new MemoryAuditLog('ex');
    await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test', V1_PROTOCOL),
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
