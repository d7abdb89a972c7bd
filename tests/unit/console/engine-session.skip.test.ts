// A skip (the controller's "Skip to") on the console session: while it runs
// the console is shown the clock and a count moving, with the alerts as they
// stood when it began; the snapshot once it ends holds the engine's alerts and
// lists the products as they stand at its end.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { reportsOf } from '../../../shared/exercise/report-products';
import { consoleSnapshotsOf, engineSession } from '../../../renderer/src/console/engine-session';
import { useGeneratedScenario } from '../exercise/generated-scenario';

const controller = { name: 'controller-1', role: 'controller' as const };

describe('a skip in the console session', () => {
  const generated = useGeneratedScenario({ events: 1500, seed: 7, hours: 150 });

  /** A controller's console session on a new exercise of the generated scenario. */
  async function started(wallNow?: () => number) {
    const scenario = generated();
    const log = new MemoryAuditLog('ex', {});
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
    const session = engineSession({
      engine,
      scenario,
      participant: controller,
      schedule: () => {},
      ...(wallNow ? { wallNow } : {}),
    });
    return { scenario, engine, session };
  }

  it('shows the reports as they stand at its end, though it read them as it began', async () => {
    // The wall clock stands still: within a skip, the list is not rebuilt again.
    const { scenario, engine, session } = await started(() => 0);
    let mapped = 0;
    // Read on every change, as a fast console would.
    const stop = engine.subscribe(() => {
      session.getSnapshot();
      mapped++;
    });
    await session.commands.seek(scenario.end - 60_000);
    stop();
    expect(mapped).toBeGreaterThan(100);
    const reports = session.getSnapshot().reports;
    expect(reports).toEqual(reportsOf(engine));
    expect(reports?.some((p) => p.product === 'daily-report')).toBe(true);
  });

  it('keeps the alerts as they stood while it runs, and moves the clock and the count', async () => {
    const { scenario, engine, session } = await started();
    await session.commands.seek(scenario.start + 3_600_000);
    const before = session.getSnapshot();
    expect(before.skip).toBeNull();
    const during: { alerts: unknown; now: number; count: number }[] = [];
    const stop = engine.subscribe(() => {
      const s = session.getSnapshot();
      during.push({ alerts: s.alerts, now: s.clock.now, count: s.skip?.alerts ?? -1 });
    });
    await session.commands.seek(scenario.end - 60_000);
    stop();
    expect(during.length).toBeGreaterThan(100);
    expect(during.every((d) => d.alerts === before.alerts)).toBe(true);
    const counts = during.map((d) => d.count);
    expect(
      counts.every((c, i) => c >= before.alerts.length && (i === 0 || c >= counts[i - 1]!)),
    ).toBe(true);
    expect(during.at(-1)!.now).toBe(scenario.end - 60_000);
    const after = session.getSnapshot();
    expect(after.skip).toBeNull();
    expect(after.alerts.length).toBe(engine.getSnapshot().alerts.length);
    expect(after.alerts.length).toBe(counts.at(-1));
    expect(after.alerts.length).toBeGreaterThan(before.alerts.length);
  });

  it('holds a seat feed too (snapshots without a session) while the engine skips in groups', async () => {
    const { scenario, engine } = await started();
    const seat = consoleSnapshotsOf(engine, 'operator');
    const before = seat();
    const during: boolean[] = [];
    const stop = engine.subscribe(() => {
      if (!engine.skipping) return;
      const s = seat();
      during.push(s.alerts === before.alerts && s.skip !== null);
    });
    await engine.seek(scenario.end - 60_000, controller, { inGroups: true });
    stop();
    expect(engine.skipping).toBe(false);
    expect(during.length).toBeGreaterThan(100);
    expect(during.every(Boolean)).toBe(true);
    const after = seat();
    expect(after.skip).toBeNull();
    expect(after.alerts.length).toBe(engine.getSnapshot().alerts.length);
  });
});
