// The controller's plan, incident by incident, when an incident's events fall
// into several alerts: listed by first event (ties by name), its alerts first
// opened first, its band the gravest of theirs, acknowledged once any is,
// closed only once all are; and an inject's sender and addressee as given.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { buildExercisePlan } from '../../../shared/exercise/exercise-plan';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { FALSE_ALARM } from '../protocol/v2-run-fixture';
import { MIN, T0, at, buildScenario } from './hand-scenario';

const controller = { name: 'control', role: 'controller' as const };
const operator = { name: 'op', role: 'operator' as const };

const report = (id: string, minute: number, incident: string, extra: Partial<ScenarioEvent>) =>
  ({
    id,
    time: at(minute),
    source: 'observer',
    type: 'small-arms-fire',
    confidence: 0.7,
    incident,
    ...extra,
  }) as ScenarioEvent;

// Beta's event sorts first in the replay (same minute, id "a-…"), Alpha's last.
const events: ScenarioEvent[] = [
  report('z-alpha', 10, 'Alpha', { lat: -44.9, lon: -120.49 }),
  report('a-beta', 10, 'Beta', { lat: -44.1, lon: -120.49 }),
  report('guns', 50, 'Zulu', {
    source: 'ground-sensor',
    type: 'artillery-fire',
    lat: -44.5,
    lon: -120.49,
    weapon_class: 'artillery',
    calibre_mm: 152,
    truth: 'violation',
  }),
  report('shots', 40, 'Zulu', { lat: -44.95, lon: -120.2, truth: 'violation' }),
  {
    id: 'MSEL-1',
    time: at(5),
    source: 'inject',
    type: 'inject',
    summary: 'Briefing',
    'x-from': '   ',
    'x-to': '  Mission duty officer ',
  },
];

async function start() {
  const scenario = buildScenario(events);
  const engine = await createExercise(
    prepareExercise(scenario, 'test'),
    new MemoryAuditLog('ex-plan'),
    controller,
  );
  const zulu = () => buildExercisePlan(engine).incidents.find((i) => i.name === 'Zulu')!;
  return { engine, zulu };
}

describe('the plan, incident by incident', () => {
  it('lists incidents by their first event, ties by name, and none of them closed before an alert', async () => {
    const { engine } = await start();
    const plan = buildExercisePlan(engine);
    expect(plan.incidents.map((i) => [i.name, i.firstAt, i.alertIds, i.closed])).toEqual([
      ['Alpha', T0 + 10 * MIN, [], false],
      ['Beta', T0 + 10 * MIN, [], false],
      ['Zulu', T0 + 40 * MIN, [], false],
    ]);
    expect(plan.incidents.map((i) => [i.severity, i.acknowledged, i.step])).toEqual([
      [null, false, null],
      [null, false, null],
      [null, false, null],
    ]);
  });

  it("gathers an incident's alerts, first opened first, with the gravest band among them", async () => {
    const { engine, zulu } = await start();
    await engine.advanceTo(T0 + 55 * MIN);
    const alerts = engine.getSnapshot().alerts;
    const guns = alerts.find((a) => a.eventIds.includes('guns'))!;
    const shots = alerts.find((a) => a.eventIds.includes('shots'))!;
    expect(guns.id).not.toBe(shots.id);
    // The small-arms alert opened first, though the guns' ranks higher.
    expect(alerts.indexOf(guns)).toBeLessThan(alerts.indexOf(shots));
    expect(zulu().alertIds).toEqual([shots.id, guns.id]);
    expect(zulu().severity).toBe(guns.severity);
    expect(zulu()).toMatchObject({ events: 2, shown: 2 });
  });

  it('is acknowledged once any of its alerts is, and closed only once all are', async () => {
    const { engine, zulu } = await start();
    await engine.advanceTo(T0 + 55 * MIN);
    const alerts = engine.getSnapshot().alerts;
    const ids = ['shots', 'guns'].map((e) => alerts.find((a) => a.eventIds.includes(e))!.id);
    expect(zulu().acknowledged).toBe(false);
    await engine.acknowledge(ids[0]!, operator);
    expect(zulu().acknowledged).toBe(true);
    for (const [i, id] of ids.entries()) {
      if (!engine.runOf(id)) await engine.startProtocol(id, operator);
      const run = engine.runOf(id)!;
      if (run.tracks[0]!.visits.at(-1)!.step !== 'triage') {
        await engine.act(id, 'triage-first', { rationale: 'check the sources first' }, operator);
      }
      await engine.act(id, 'false-alarm', FALSE_ALARM, operator);
      expect(engine.runOf(id)!.closed).toBe(true);
      expect(zulu().closed).toBe(i === ids.length - 1);
    }
    expect(zulu().step).toBe('close');
    expect(zulu().findings).toMatchObject({ outcome: 'false-alarm' });
  });

  it("gives an inject's sender and addressee trimmed, a blank one as none", async () => {
    const { engine } = await start();
    const briefing = buildExercisePlan(engine).injects[0]!;
    expect([briefing.from, briefing.to, briefing.method, briefing.objective]).toEqual([
      null,
      'Mission duty officer',
      null,
      null,
    ]);
  });
});
