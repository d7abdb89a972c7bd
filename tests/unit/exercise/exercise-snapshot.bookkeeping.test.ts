// What the queue says about when an alert opened and what the operator did
// with it (acknowledgement, notes, messages) comes from the engine's own
// bookkeeping, not from the alert engine: an alert stays "opened at" the time
// its first report was shown however many reports join it. And when the log
// could not record an alert's opening (a full disk), the engine has no
// bookkeeping for it, yet the console still shows the alert the replay shows —
// opened when it was shown, with nothing done to it — beside the fault.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';
import { QuotaLimitedLog } from './quota-limited-log';

const operator = { name: 'op', role: 'operator' as const };

describe("an alert's bookkeeping in the snapshot", () => {
  it('keeps the time the alert opened as later reports join it', async () => {
    const log = new MemoryAuditLog('ex-books');
    const engine = await createExercise(
      prepareExercise(buildScenario(handEvents()), 'test'),
      log,
      operator,
    );
    await engine.advanceTo(T0 + 75 * MIN);
    const mlrs = engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!;
    expect(mlrs.eventIds).toEqual(['mlrs-1', 'mlrs-2', 'mlrs-3']);
    expect(mlrs.view.lastShownAt).toBe(T0 + 70 * MIN);
    expect(mlrs.openedAt).toBe(T0 + 60 * MIN);
  });

  it('shows an alert whose opening the log could not record: opened when shown, nothing done to it', async () => {
    // Room for exercise-created only: the first alert's opening does not fit.
    const log = new QuotaLimitedLog(1, 'ex-full');
    const engine = await createExercise(
      prepareExercise(buildScenario(handEvents()), 'test'),
      log,
      operator,
    );
    await expect(engine.advanceTo(T0 + 31 * MIN)).rejects.toThrow('QuotaExceededError');
    expect(engine.fault).toMatch(/could not be written/);
    expect(engine.bookkeepingOf('A-hot-1')).toBeUndefined();
    const snapshot = engine.getSnapshot();
    expect(snapshot.fault).toBe(engine.fault);
    expect(snapshot.alerts.map((a) => a.id)).toEqual(['A-hot-1']);
    const [hot] = snapshot.alerts;
    expect(hot!.openedAt).toBe(T0 + 30 * MIN);
    expect([hot!.acknowledged, hot!.notes, hot!.messages]).toEqual([null, [], []]);
    expect([hot!.protocol, hot!.run]).toEqual([null, null]);
    expect(hot!.eventIds).toEqual(['hot-1']);
  });
});
