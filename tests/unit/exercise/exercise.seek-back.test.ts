// A controller's backward seek (before any protocol) goes back through the
// replay's snapshots: the state is that of an exercise run straight to the
// target, injects included where the clock met them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { writeGeneratedScenario } from '../../../shared/node/scenario/write-generated';
import { BUILTIN_PROTOCOL } from '../../../shared/protocol/builtin-protocol';
import { defaultSnapshotEvery } from '../../../shared/replay/cursor';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const controller = { name: 'control', role: 'controller' as const };
// The built-in protocol with no automatic entry: nothing starts it but a
// person, so the controller may seek back all exercise long.
const MANUAL_ONLY = {
  ...BUILTIN_PROTOCOL.document,
  entry: { ...BUILTIN_PROTOCOL.document.entry, critical: null, high: null, medium: null },
};

/** What the console shows of an exercise, without its log head. */
function shown(engine: ExerciseEngine) {
  const { head: _head, ...rest } = engine.getSnapshot();
  return rest;
}

async function straightTo(scenario: LoadedScenario, time: number, protocol?: unknown) {
  const setup = prepareExercise(scenario, 'test', protocol ? { protocol } : {});
  const engine = await createExercise(setup, new MemoryAuditLog('ex', { now: WALL }), controller);
  await engine.advanceTo(time);
  return engine;
}

describe('seeking back', () => {
  it('an event injected at the instant of a scenario event comes after it, as the clock showed them', async () => {
    const scenario = buildScenario(handEvents());
    const log = new MemoryAuditLog('ex', { now: WALL });
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
    // The hotspot is shown at 00:30; the controller injects a report beside it at 00:30.
    await engine.advanceTo(T0 + 30 * MIN);
    await engine.inject({ summary: 'Farmer reports a field fire', lat: -44.9, lon: -120.1 });
    await engine.advanceTo(T0 + 45 * MIN);
    await engine.seek(T0 + 40 * MIN, controller);

    const straight = await straightTo(scenario, T0 + 30 * MIN);
    await straight.inject(
      { summary: 'Farmer reports a field fire', lat: -44.9, lon: -120.1 },
      controller,
    );
    await straight.advanceTo(T0 + 40 * MIN);
    expect(straight.getSnapshot().alerts.map((a) => [a.id, a.eventIds])).toEqual([
      ['A-hot-1', ['hot-1', 'inject-1']],
    ]);
    expect(shown(engine)).toEqual(shown(straight));
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
  });

  describe('on a scenario long enough for snapshots', () => {
    let dir = '';
    let scenario: LoadedScenario;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'truceline-seek-back-'));
      await writeGeneratedScenario(dir, { events: 5000, seed: 7, hours: 12 });
      const loaded = await loadScenarioFromPath(dir);
      if (!loaded.ok || loaded.kind !== 'scenario')
        throw new Error('generated scenario did not load');
      scenario = loaded.scenario;
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('gives the state of a run straight to each target, and a resume rebuilds it', async () => {
      // More than two snapshot spans: seeks land past the first snapshots.
      expect(scenario.events.length).toBeGreaterThan(2 * defaultSnapshotEvery(5000));
      const setup = prepareExercise(scenario, 'test', { protocol: MANUAL_ONLY });
      const log = new MemoryAuditLog('ex', { now: WALL });
      const engine = await createExercise(setup, log, controller);
      const { start, end } = scenario;
      await engine.advanceTo(end);
      await engine.inject({ summary: 'Hotline: Party B denies everything' });
      // Backwards three times (the last from ahead of a forward seek), each after an inject.
      const targets = [0.9, 0.45, 0.7, 0.2].map((f) => Math.floor(start + f * (end - start)));
      for (const [i, target] of targets.entries()) {
        await engine.advanceTo(Math.min(end, engine.now + 20 * MIN));
        await engine.inject({ summary: `Controller note ${i}`, lat: -44.3, lon: -120.4 });
        const back = target < engine.now;
        await engine.seek(target, controller);
        expect(engine.now).toBe(target);
        if (!back) continue;
        // Every inject so far came after the target: none is left.
        expect(engine.injectedEvents()).toEqual([]);
        expect(shown(engine)).toEqual(shown(await straightTo(scenario, target, MANUAL_ONLY)));
      }

      const resumed = await resumeExercise(scenario, log.entries());
      expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    });
  });
});
