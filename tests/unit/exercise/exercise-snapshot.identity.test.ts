// The snapshot keeps the object of an alert that did not change, so the
// console re-renders only what changed (docs/ARCHITECTURE.md, the console's
// snapshots): the clock running on keeps it, as long as no deadline turns; a
// deadline turning, an acknowledgement, a note, a message filed, a protocol
// action, a link make a
// new one — and the snapshot says what the engine stands at. The same holds
// for a version-1 step and for a linked alert (its incident reads the same);
// the actions offered are always those of whoever now uses the console.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, V1_PROTOCOL, at, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'op', role: 'operator' as const };
const hotline: ScenarioEvent = {
  id: 'MSEL-1',
  time: at(61),
  source: 'inject',
  type: 'inject',
  summary: 'Party A calls about the rockets.',
};

const controller = { name: 'control', role: 'controller' as const };

async function exercise(documents?: typeof V1_PROTOCOL) {
  const scenario = buildScenario([...handEvents(), hotline]);
  const log = new MemoryAuditLog('ex-snap');
  const engine = await createExercise(prepareExercise(scenario, 'test', documents), log, operator);
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

  it('keeps an unchanged version-1 alert as the clock runs on, until its warning falls due', async () => {
    const { engine, mlrs } = await exercise(V1_PROTOCOL);
    const first = mlrs();
    expect(first.protocol!.deadlineStatus).toBe('running');
    for (const minutes of [62.5, 63, 63.5]) {
      await engine.advanceTo(T0 + minutes * MIN);
      expect(mlrs()).toBe(first);
    }
    // mlrs-2 joins at 01:04 and the operator is prompted; from there the step runs on untouched.
    await engine.advanceTo(T0 + 65 * MIN);
    const joined = mlrs();
    expect(joined).not.toBe(first);
    expect(joined.protocol!.severityPrompt).toMatchObject({ severity: 'critical' });
    for (const minutes of [66, 67, 68 - 1 / MIN]) {
      await engine.advanceTo(T0 + minutes * MIN);
      expect(mlrs()).toBe(joined);
    }
    await engine.advanceTo(T0 + 68 * MIN);
    expect(mlrs()).not.toBe(joined);
    expect(mlrs().protocol!.deadlineStatus).toBe('warning');
  });

  it('keeps a linked alert as the clock runs on: its incident reads the same', async () => {
    const { engine } = await exercise();
    const hot = () => engine.getSnapshot().alerts.find((a) => a.id === 'A-hot-1')!;
    await engine.link('A-mlrs-1', 'A-hot-1');
    const linked = hot();
    expect(linked.incident).toEqual({
      id: 'I-A-mlrs-1',
      alertIds: ['A-mlrs-1', 'A-hot-1'],
      primary: false,
      gravity: 50.2,
      severity: 'medium',
      certainty: 0.9,
      certaintyBand: 'confirmed',
    });
    await engine.advanceTo(T0 + 63 * MIN);
    expect(hot()).toBe(linked);
    // mlrs-2 joins the primary: the incident's measures rise, and the linked alert says so.
    await engine.advanceTo(T0 + 64 * MIN);
    expect(hot()).not.toBe(linked);
    expect(hot().incident).toMatchObject({ gravity: 82.8, severity: 'critical', certainty: 0.99 });
    const risen = hot();
    await engine.advanceTo(T0 + 65 * MIN);
    expect(hot()).toBe(risen);
  });

  it('offers the actions of whoever now uses the console, at the same clock time', async () => {
    for (const documents of [V1_PROTOCOL, undefined]) {
      const { engine, mlrs } = await exercise(documents);
      const offered = () =>
        documents
          ? mlrs().protocol!.actions.map((a) => [a.id, a.blockedBy])
          : mlrs().run!.tracks[0]!.actions.map((a) => [a.id, a.blockedBy]);
      const asOperator = offered();
      expect(asOperator.length).toBeGreaterThan(0);
      expect(asOperator.every(([, blockedBy]) => blockedBy === null)).toBe(true);
      // The controller takes the console; the operator's acknowledgement elsewhere makes a new snapshot.
      engine.actor = controller;
      await engine.acknowledge('A-hot-1', operator);
      const asController = offered();
      expect(asController.map(([id]) => id)).toEqual(asOperator.map(([id]) => id));
      for (const [, blockedBy] of asController) {
        expect(blockedBy).toMatch(
          documents ? 'step is for role operator' : /only (an|the) operator/,
        );
      }
      engine.actor = operator;
      await engine.note('Back at the console.', 'A-hot-1');
      expect(offered()).toEqual(asOperator);
      expect(engine.now).toBe(T0 + 62 * MIN);
    }
  });
});
