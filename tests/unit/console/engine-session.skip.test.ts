// A skip (the controller's "Skip to") on the console session: while it runs
// the Reports list is rebuilt at most once a wall second, not per event, and
// the snapshot once it ends lists the products as they stand at its end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { reportsOf } from '../../../shared/exercise/report-products';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { writeGeneratedScenario } from '../../../shared/node/scenario/write-generated';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { engineSession } from '../../../renderer/src/console/engine-session';

const controller = { name: 'controller-1', role: 'controller' as const };

describe('a skip in the console session', () => {
  let dir = '';
  let scenario: LoadedScenario;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truceline-session-skip-'));
    await writeGeneratedScenario(dir, { events: 1500, seed: 7, hours: 150 });
    const loaded = await loadScenarioFromPath(dir);
    if (!loaded.ok || loaded.kind !== 'scenario')
      throw new Error('generated scenario did not load');
    scenario = loaded.scenario;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the reports as they stand at its end, though it read them as it began', async () => {
    const log = new MemoryAuditLog('ex', {});
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
    // The wall clock stands still: within a skip, the list is not rebuilt again.
    const session = engineSession({
      engine,
      scenario,
      participant: controller,
      schedule: () => {},
      wallNow: () => 0,
    });
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
});
