// A deadline status is read off the snapshot's clock, not only off what the
// engine has logged: two alerts entering the protocol at the same instant
// have their warnings and breaches fall due at the same millisecond, and the
// engine logs them one alert at a time. A console subscribed to the engine
// renders after the first is logged — and must already show the second as
// warned (or breached), to the millisecond, though its own entry is still to
// come. Both protocol formats: version 1 (the alert's step) and version 2
// (the run's tracks).
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { LogEntry } from '../../../shared/audit/entry';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import type { ExerciseSnapshot } from '../../../shared/exercise/exercise-snapshot';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, V1_PROTOCOL, at, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'op', role: 'operator' as const };

/** MLRS fire far from mlrs-1 at the same minute: its own alert, entering triage with it. */
const twinFire: ScenarioEvent = {
  id: 'mlrs-9',
  time: at(60),
  source: 'ground-sensor',
  type: 'mlrs-fire',
  lat: -44.395,
  lon: -120.0,
  confidence: 0.8,
  weapon_class: 'mlrs',
  calibre_mm: 122,
  count: 6,
  party: 'A',
};

interface Render {
  snapshot: ExerciseSnapshot;
  /** Deadline entries logged when the console rendered: "kind alert". */
  logged: string[];
}

async function twinExercise(format: 1 | 2) {
  const log = new MemoryAuditLog('ex-instant');
  const scenario = buildScenario([...handEvents(), twinFire]);
  const setup =
    format === 1
      ? prepareExercise(scenario, 'test', V1_PROTOCOL)
      : prepareExercise(scenario, 'test');
  const engine = await createExercise(setup, log, operator);
  const deadlineEntries = () =>
    log
      .entries()
      .filter((e: LogEntry) => e.kind === 'deadline-warning' || e.kind === 'deadline-breach')
      .map((e) => `${e.kind} ${e.alert_id}`);
  // The console: it renders the snapshot after every change the engine reports.
  const renders: Render[] = [];
  engine.subscribe(() =>
    renders.push({ snapshot: engine.getSnapshot(), logged: deadlineEntries() }),
  );
  return { engine, renders };
}

/** The first render at exercise time `t`. */
const firstRenderAt = (renders: Render[], t: number) =>
  renders.find((r) => r.snapshot.clock.now === t)!;

const v1Status = (render: Render, id: string) =>
  render.snapshot.alerts.find((a) => a.id === id)!.protocol!.deadlineStatus;
const v2Status = (render: Render, id: string) =>
  render.snapshot.alerts.find((a) => a.id === id)!.run!.tracks[0]!.deadlineStatus;

describe('a deadline status at the instant it falls due, before the engine logs it', () => {
  it('version 1: the second alert shows warning at its warning millisecond and breached at its deadline millisecond', async () => {
    const { engine, renders } = await twinExercise(1);
    await engine.advanceTo(T0 + 62 * MIN);
    const entered = engine.getSnapshot().alerts.filter((a) => a.protocol !== null);
    expect(entered.map((a) => [a.id, a.protocol!.warnAt, a.protocol!.deadlineAt])).toEqual([
      ['A-mlrs-1', T0 + 68 * MIN, T0 + 70 * MIN],
      ['A-mlrs-9', T0 + 68 * MIN, T0 + 70 * MIN],
    ]);
    await engine.advanceTo(T0 + 68 * MIN - 1);
    expect(v1Status(renders.at(-1)!, 'A-mlrs-9')).toBe('running');
    await engine.advanceTo(T0 + 71 * MIN);

    const warned = firstRenderAt(renders, T0 + 68 * MIN);
    expect(warned.logged).toEqual(['deadline-warning A-mlrs-1']);
    expect(v1Status(warned, 'A-mlrs-1')).toBe('warning');
    expect(v1Status(warned, 'A-mlrs-9')).toBe('warning');

    const breached = firstRenderAt(renders, T0 + 70 * MIN);
    expect(breached.logged).toEqual([
      'deadline-warning A-mlrs-1',
      'deadline-warning A-mlrs-9',
      'deadline-breach A-mlrs-1',
    ]);
    expect(v1Status(breached, 'A-mlrs-1')).toBe('breached');
    expect(v1Status(breached, 'A-mlrs-9')).toBe('breached');
    // Once logged, the history records it too.
    const logged = engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-9')!.protocol!;
    expect([logged.deadlineStatus, logged.history[0]!.breachedAt]).toEqual([
      'breached',
      T0 + 70 * MIN,
    ]);
  });

  it('version 2: the second run shows warning and breached at the same milliseconds', async () => {
    const { engine, renders } = await twinExercise(2);
    await engine.advanceTo(T0 + 62 * MIN);
    const first = engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-9')!.run!;
    expect(first.tracks.map((t) => [t.track, t.deadlineAt, t.deadlineStatus])).toEqual([
      ['triage', T0 + 70 * MIN, 'running'],
    ]);
    await engine.advanceTo(T0 + 71 * MIN);

    const warned = firstRenderAt(renders, T0 + 68 * MIN);
    expect(warned.logged).toEqual(['deadline-warning A-mlrs-1']);
    expect(v2Status(warned, 'A-mlrs-9')).toBe('warning');

    const breached = firstRenderAt(renders, T0 + 70 * MIN);
    expect(breached.logged.at(-1)).toBe('deadline-breach A-mlrs-1');
    expect(breached.logged).not.toContain('deadline-breach A-mlrs-9');
    expect(v2Status(breached, 'A-mlrs-9')).toBe('breached');
  });
});
