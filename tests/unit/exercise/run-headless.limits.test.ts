// The headless run's loop at its edges: what the clock brings is shown before
// the operator's plan due at the same time, an event or a plan due exactly at
// `until` still happens and nothing after it does, and the run stops (pause,
// then end) with the reason saying why.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { ExercisePolicy, PlannedIntent } from '../../../shared/exercise/auto-operator';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario } from './hand-scenario';

const actor = { name: 'planner', role: 'operator' as const };

function report(id: string, minute: number): ScenarioEvent {
  return {
    id,
    time: at(minute),
    source: 'observer',
    type: 'small-arms-fire',
    lat: -44.9,
    lon: -120.49,
    confidence: 0.6,
  };
}

/** A policy with one plan, due at `planAt`: it notes what the operator had seen by then. */
function planner(planAt: number) {
  const ran: { at: number; seen: number }[] = [];
  let done = false;
  const policy: ExercisePolicy = {
    actor,
    next(): PlannedIntent | null {
      if (done) return null;
      return {
        at: planAt,
        alertId: '',
        what: 'look',
        run: (engine: ExerciseEngine) => {
          done = true;
          ran.push({ at: engine.now, seen: engine.shownCount });
          return Promise.resolve();
        },
      };
    },
  };
  return { policy, ran };
}

async function play(events: ScenarioEvent[], planAt: number, until?: number) {
  const scenario = buildScenario(events, { end: T0 + 120 * MIN });
  const log = new MemoryAuditLog('ex');
  const { policy, ran } = planner(planAt);
  const engine = await runHeadlessExercise({
    setup: prepareExercise(scenario, 'test'),
    log,
    policy,
    ...(until !== undefined ? { until } : {}),
  });
  return { engine, ran, entries: log.entries() };
}

describe('a headless run', () => {
  it("shows what the clock brings before the operator's plan due at the same time", async () => {
    const { ran } = await play([report('e1', 30), report('e2', 40)], T0 + 30 * MIN);
    expect(ran).toEqual([{ at: T0 + 30 * MIN, seen: 1 }]);
  });

  it('shows an event and runs a plan due exactly at --until, and nothing after it', async () => {
    const until = T0 + 30 * MIN;
    const atLimit = await play([report('e1', 30), report('e2', 31)], until, until);
    expect(atLimit.engine.shownCount).toBe(1);
    expect(atLimit.ran).toEqual([{ at: until, seen: 1 }]);
    expect(atLimit.engine.now).toBe(until);
    const after = await play([report('e1', 30)], until + 1, until);
    expect(after.ran).toEqual([]);
  });

  it('pauses and ends at --until, saying it stopped there', async () => {
    const until = T0 + 45 * MIN;
    const { entries } = await play([report('e1', 30)], T0 + 200 * MIN, until);
    expect(entries.slice(-2).map((e) => [e.kind, e.data])).toEqual([
      ['clock', expect.objectContaining({ action: 'pause', reason: 'stopped at --until' })],
      ['exercise-ended', { reason: 'stopped at 2026-03-01T00:45:00.000Z' }],
    ]);
  });

  it('runs to the scenario end when --until lies beyond it, and says it reached the end', async () => {
    const { engine, entries } = await play([report('e1', 30)], T0 + 60 * MIN, T0 + 500 * MIN);
    expect(engine.now).toBe(T0 + 120 * MIN);
    expect(engine.ended).toBe(true);
    expect(entries.at(-1)).toMatchObject({
      kind: 'exercise-ended',
      data: { reason: 'scenario end reached' },
    });
    expect(
      entries.filter((e) => e.kind === 'clock' && e.data.action === 'pause'),
    ).not.toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ reason: 'stopped at --until' }) }),
    );
  });

  it('refuses an --until before the scenario start, and takes one at the start', async () => {
    await expect(play([report('e1', 30)], T0, T0 - 1)).rejects.toThrow(
      '--until 2026-02-28T23:59:59.999Z is before the scenario start',
    );
    const { engine } = await play([report('e1', 30)], T0, T0);
    expect(engine.now).toBe(T0);
    expect(engine.shownCount).toBe(0);
  });
});
