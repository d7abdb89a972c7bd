// The controller's plan: every scripted inject with where it stands
// (scheduled, moved, held, delivered) and whether the trainee filed it with an
// alert, and every scripted incident with its truth and handling so far —
// judged as the after-action report judges it.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import {
  buildExercisePlan,
  planEventsShown,
  skipTargets,
  type InjectStatus,
  type PlannedInject,
} from '../../../shared/exercise/exercise-plan';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { buildAfterActionReport } from '../../../shared/report/after-action-report';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, handEvents } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const controller = { name: 'control', role: 'controller' as const };
const operator = { name: 'op', role: 'operator' as const };

const msel = (id: string, minute: number, extra: Partial<ScenarioEvent> = {}): ScenarioEvent => ({
  id,
  time: at(minute),
  source: 'inject',
  type: 'inject',
  summary: `${id} text`,
  ...extra,
});
const events: ScenarioEvent[] = [
  ...handEvents().map((e) =>
    e.id.startsWith('mlrs-')
      ? { ...e, incident: 'MLRS near the line' }
      : e.id === 'hot-1'
        ? { ...e, incident: 'Crop fire' }
        : e,
  ),
  msel('MSEL-001', 20, {
    expected_action: 'Acknowledge.',
    'x-objective': 'Situational awareness',
    'x-from': 'Exercise Control',
    'x-inject-kind': 'Briefing',
  }),
  msel('MSEL-002', 75, { expected_action: 'Link it to the MLRS alert.' }),
  msel('MSEL-003', 300),
];
const scenario = buildScenario(events);

async function start() {
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
  return { engine, log };
}

describe('the exercise plan', () => {
  it('lists every scripted inject with its time, text, expected action and where it stands', async () => {
    const { engine } = await start();
    await engine.advanceTo(T0 + 30 * MIN);
    await engine.controlInject('MSEL-002', { action: 'hold' });
    await engine.controlInject('MSEL-003', { action: 'move', to: T0 + 100 * MIN });
    const plan = buildExercisePlan(engine);
    expect(
      plan.injects.map((i) => [i.eventId, i.status, i.scriptedAt, i.dueAt, i.deliveredAt, i.met]),
    ).toEqual([
      ['MSEL-001', 'delivered', T0 + 20 * MIN, T0 + 20 * MIN, T0 + 20 * MIN, false],
      ['MSEL-002', 'held', T0 + 75 * MIN, T0 + 75 * MIN, null, null],
      ['MSEL-003', 'moved', T0 + 300 * MIN, T0 + 100 * MIN, null, null],
    ]);
    expect(plan.injects[0]).toMatchObject({
      text: 'MSEL-001 text',
      expectedAction: 'Acknowledge.',
      objective: 'Situational awareness',
      from: 'Exercise Control',
      method: 'Briefing',
    });
    // Skip targets: what is still due, in order (a held inject is not).
    expect(skipTargets(plan, engine.now).map((t) => [t.eventId, t.at])).toEqual([
      ['MSEL-003', T0 + 100 * MIN],
    ]);
  });

  it('an inject is met once the trainee files the message with an alert', async () => {
    const { engine } = await start();
    await engine.advanceTo(T0 + 80 * MIN);
    const alert = engine.alerts().find((a) => a.eventIds.includes('mlrs-1'))!;
    expect(buildExercisePlan(engine).injects[1]!.met).toBe(false);
    await engine.linkMessage('MSEL-002', alert.id, operator);
    const planned = buildExercisePlan(engine).injects[1]!;
    expect(planned.met).toBe(true);
    expect(planned.linkedTo).toEqual([alert.id]);
  });

  it('lists the scripted incidents with truth and handling, as the after-action report judges them', async () => {
    const { engine, log } = await start();
    expect(buildExercisePlan(engine).incidents.map((i) => [i.name, i.shown, i.alertIds])).toEqual([
      ['Crop fire', 0, []],
      ['MLRS near the line', 0, []],
    ]);
    await engine.advanceTo(T0 + 120 * MIN);
    const plan = buildExercisePlan(engine);
    const report = await buildAfterActionReport({ scenario, entries: log.entries(), keyId: null });
    for (const incident of plan.incidents) {
      const outcome = report.outcomes.alerts.find((o) => o.incident === incident.name)!;
      expect([incident.truth, incident.handling, incident.verdict, incident.step]).toEqual([
        outcome.truth,
        outcome.handling,
        outcome.verdict,
        outcome.final_step,
      ]);
      expect([...incident.alertIds].sort()).toEqual([...outcome.alert_ids].sort());
    }
    const mlrs = plan.incidents.find((i) => i.name === 'MLRS near the line')!;
    expect(mlrs).toMatchObject({ truth: 'violation', events: 3, shown: 3, closed: false });
    expect(mlrs.step).not.toBeNull();
  });

  it('counts the shown events the plan reads, so a caller rebuilds it only when one arrives', async () => {
    const { engine } = await start();
    expect(planEventsShown(engine)).toBe(0);
    // hot-1 (Crop fire) at minute 30; MSEL-001 at 20; sa-1 at 180 is in no incident.
    await engine.advanceTo(T0 + 25 * MIN);
    expect(planEventsShown(engine)).toBe(1);
    await engine.advanceTo(T0 + 35 * MIN);
    expect(planEventsShown(engine)).toBe(2);
    const before = planEventsShown(engine);
    await engine.advanceTo(T0 + 59 * MIN);
    expect(planEventsShown(engine)).toBe(before);
  });
});

describe('skip targets', () => {
  const inject = (
    seq: number,
    status: InjectStatus,
    dueMin: number,
    labels: { objective?: string; method?: string } = {},
  ): PlannedInject => ({
    eventId: `M-${seq}`,
    seq,
    scriptedAt: T0,
    status,
    dueAt: T0 + dueMin * MIN,
    deliveredAt: status === 'delivered' ? T0 : null,
    text: '',
    from: null,
    to: null,
    method: labels.method ?? null,
    expectedAction: null,
    objective: labels.objective ?? null,
    linkedTo: [],
    met: null,
  });

  it('are the scheduled and moved injects due after now, earliest first, named by objective, channel or "inject"', () => {
    const plan = {
      incidents: [],
      injects: [
        inject(0, 'scheduled', 50, { method: 'Hotline' }),
        inject(1, 'held', 20),
        inject(2, 'moved', 30, { objective: 'Escalation', method: 'Media' }),
        inject(3, 'delivered', 40),
        inject(4, 'scheduled', 10),
        inject(5, 'scheduled', 30),
        inject(6, 'scheduled', 60),
      ],
    };
    expect(skipTargets(plan, T0 + 10 * MIN)).toEqual([
      { at: T0 + 30 * MIN, eventId: 'M-2', label: 'Escalation' },
      { at: T0 + 30 * MIN, eventId: 'M-5', label: 'inject' },
      { at: T0 + 50 * MIN, eventId: 'M-0', label: 'Hotline' },
      { at: T0 + 60 * MIN, eventId: 'M-6', label: 'inject' },
    ]);
    // Ties go by scenario order whatever order the plan lists them in.
    const reversed = { incidents: [], injects: [...plan.injects].reverse() };
    expect(skipTargets(reversed, T0 + 10 * MIN).map((t) => t.eventId)).toEqual([
      'M-2',
      'M-5',
      'M-0',
      'M-6',
    ]);
  });
});
