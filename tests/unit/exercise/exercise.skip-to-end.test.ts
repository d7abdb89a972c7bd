// The controller's "Skip to" on a long generated scenario: the engine shows
// every alert `truceline rank` counts at the target (nothing stops short,
// nothing is lost), and gets there without looking at every open run's timers
// once per event (that scan made a skip over a 50-day scenario take minutes).
import { describe, expect, it, vi } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { dailyFacts, dailyReportText, reportsOf } from '../../../shared/exercise/report-products';
import * as protocolRun from '../../../shared/protocol/protocol-run';
import { rankAlertsAt } from '../../../shared/replay/rank-at';
import { useGeneratedScenario } from './generated-scenario';

vi.mock('../../../shared/protocol/protocol-run', async (original) => {
  const actual = await original<typeof protocolRun>();
  return { ...actual, nextRunTimer: vi.fn(actual.nextRunTimer) };
});

const controller = { name: 'controller-1', role: 'controller' as const };

describe('a skip to the end of a long generated scenario', () => {
  // Scattered over 300 h, few events correlate: about one alert for every three events.
  const generated = useGeneratedScenario({ events: 3000, seed: 7, hours: 300 });

  it('shows every alert rank counts at the target, each run timed once per change', async () => {
    const scenario = generated();
    const log = new MemoryAuditLog('ex', {});
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, controller);
    const target = scenario.end - 60_000;
    vi.mocked(protocolRun.nextRunTimer).mockClear();
    await engine.seek(target, controller);

    const shown = engine.getSnapshot().alerts.map((a) => a.id);
    const ranked = rankAlertsAt(scenario, target).map((a) => a.id);
    expect(ranked.length).toBeGreaterThan(500);
    expect(new Set(shown)).toEqual(new Set(ranked));
    // Open runs pile up over a long exercise: most alerts enter the protocol.
    const open = [...engine.runs().values()].filter((r) => !r.closed).length;
    expect(open).toBeGreaterThan(300);
    // A run's timer is worked out when the run changes, and every change is logged.
    expect(vi.mocked(protocolRun.nextRunTimer).mock.calls.length).toBeLessThanOrEqual(
      log.entries().length,
    );

    // The Reports panel's daily reports, read together, are each the report of its own cut-off.
    const daily = (reportsOf(engine) ?? []).filter(
      (p) => p.product === 'daily-report' && p.alertId === null,
    );
    expect(daily.length).toBeGreaterThan(10);
    for (const report of daily) {
      const at = Math.min(engine.now, report.cutoffAt!);
      expect(report.prefill).toBe(dailyReportText(dailyFacts(engine, at), scenario.timezone));
    }
  });
});
