// The snapshot keeps the object of an alert that did not change, so the
// console re-renders only what changed (docs/ARCHITECTURE.md, the console's
// snapshots): the clock running on keeps it, as long as no deadline turns; a
// deadline turning, an acknowledgement, a note, a message filed, a protocol
// action, a link make a
// new one — and the snapshot says what the engine stands at.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'op', role: 'operator' as const };
const hotline: ScenarioEvent = {
  id: 'MSEL-1',
  time: at(61),
  source: 'inject',
  type: 'inject',
  summary: 'Party A calls about the rockets.',
};

async function exercise() {
  const scenario = buildScenario([...handEvents(), hotline]);
  const log = new MemoryAuditLog('ex-snap');
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
  await engine.advanceTo(T0 + 62 * MIN);
  const mlrs = () => engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!;
  return { engine, log, mlrs, scenario };
}

describe('the exercise snapshot', () => {
  it('keeps an unchanged alert as the clock runs on, until a deadline turns', async () => {
    const { engine, mlrs } = await exercise();
    const first = mlrs();
    expect(first.run).not.toBeNull();
    expect(mlrs()).toBe(first);
    await engine.advanceTo(T0 + 63 * MIN);
    expect(mlrs()).toBe(first);
    const deadline = first.run!.tracks.find((t) => t.open && t.deadlineAt !== null)!;
    await engine.advanceTo(deadline.deadlineAt!);
    const turned = mlrs();
    expect(turned).not.toBe(first);
    expect(turned.run!.tracks.find((t) => t.track === deadline.track)!.deadlineStatus).toBe(
      'breached',
    );
  });

  it('makes a new object for an acknowledgement, a note, a message filed, an action and a link', async () => {
    const { engine, mlrs } = await exercise();
    let before = mlrs();
    await engine.acknowledge('A-mlrs-1');
    expect(mlrs()).not.toBe(before);
    expect(mlrs().acknowledged).toEqual({ by: 'op', at: T0 + 62 * MIN });
    before = mlrs();
    await engine.note('Rockets seen from the ridge.', 'A-mlrs-1');
    expect(mlrs()).not.toBe(before);
    expect(mlrs().notes.map((n) => n.text)).toEqual(['Rockets seen from the ridge.']);
    before = mlrs();
    await engine.linkMessage('MSEL-1', 'A-mlrs-1');
    expect(mlrs()).not.toBe(before);
    expect(mlrs().messages).toEqual(['MSEL-1']);
    before = mlrs();
    await engine.act('A-mlrs-1', 'start-verification', {});
    expect(mlrs()).not.toBe(before);
    expect(mlrs().run!.tracks.map((t) => [t.track, t.open])).toEqual([
      ['triage', false],
      ['verify', true],
    ]);
    before = mlrs();
    await engine.link('A-mlrs-1', 'A-hot-1');
    const linked = mlrs();
    expect(linked).not.toBe(before);
    expect(linked.incident).toMatchObject({ alertIds: ['A-mlrs-1', 'A-hot-1'], primary: true });
    const other = engine.getSnapshot().alerts.find((a) => a.id === 'A-hot-1')!;
    expect(other.incident).toMatchObject({ id: linked.incident!.id, primary: false });
  });

  it('says what the engine stands at: clock, counts, head, ranks', async () => {
    const { engine, log, scenario } = await exercise();
    const snapshot = engine.getSnapshot();
    expect(snapshot.scenarioId).toBe(scenario.id);
    expect(snapshot.classification).toBe('EXERCISE');
    expect(snapshot.clock).toEqual({
      now: T0 + 62 * MIN,
      start: scenario.start,
      end: scenario.end,
      playing: false,
      speed: engine.speed,
      timezone: 'UTC',
    });
    expect(snapshot.shownCount).toBe(engine.shownCount);
    expect(snapshot.injectedCount).toBe(0);
    expect(snapshot.head).toEqual({ seq: log.head().seq, hash: log.head().hash });
    expect(snapshot.alerts.map((a) => a.rank)).toEqual(snapshot.alerts.map((_, i) => i + 1));
    expect([snapshot.ended, snapshot.fault]).toEqual([false, null]);
    const mlrs = snapshot.alerts.find((a) => a.id === 'A-mlrs-1')!;
    expect(mlrs.openedAt).toBe(T0 + 60 * MIN);
    expect([mlrs.closed, mlrs.quiet, mlrs.state]).toEqual([false, false, 'active']);
  });
});
