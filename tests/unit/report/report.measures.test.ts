// Beside the after-action report, each alert's gravity and certainty at the
// end of the log (docs/ALERTS-AND-SEVERITY.md), which the Report screen shows
// per outcome; the report itself (its JSON format) is unchanged by them.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import {
  buildAfterActionReport,
  buildAfterActionReview,
  outcomeMeasures,
  type AlertMeasures,
} from '../../../shared/report/after-action-report';
import { MIN, T0, buildScenario, handEvents } from '../exercise/hand-scenario';

const operator = { name: 'operator-1', role: 'operator' as const };

describe('alert measures beside the report', () => {
  it('gives every alert the gravity and certainty the engine ends with, and leaves the report as it was', async () => {
    const scenario = buildScenario(handEvents());
    const log = new MemoryAuditLog('ex', { now: () => new Date('2026-11-26T10:00:00.000Z') });
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
    await engine.advanceTo(T0 + 180 * MIN);
    const input = { scenario, entries: log.entries(), keyId: null };
    const review = await buildAfterActionReview(input);
    const alerts = engine.getSnapshot().alerts;
    expect(review.measures.size).toBe(alerts.length);
    for (const a of alerts) {
      expect(review.measures.get(a.id)).toEqual({
        gravity: a.gravity,
        severity: a.severity,
        certainty: a.certainty,
        certainty_band: a.certaintyBand,
      });
    }
    expect(review.report).toEqual(await buildAfterActionReport(input));
    expect(JSON.stringify(review.report)).not.toMatch(/"gravity"|"certainty/);
  });

  it('shows an outcome of several alerts by its gravest, then most certain, alert', () => {
    const m = (gravity: number, certainty: number | null): AlertMeasures => ({
      gravity,
      severity: 'high',
      certainty,
      certainty_band: certainty === null ? null : 'possible',
    });
    const measures = new Map([
      ['A-1', m(61, 0.4)],
      ['A-2', m(70, 0.36)],
      ['A-3', m(70, 0.5)],
    ]);
    expect(outcomeMeasures({ alert_ids: ['A-1', 'A-2', 'A-3'] }, measures)).toBe(
      measures.get('A-3'),
    );
    expect(outcomeMeasures({ alert_ids: ['A-1'] }, measures)).toBe(measures.get('A-1'));
    expect(outcomeMeasures({ alert_ids: ['A-9'] }, measures)).toBeNull();
  });
});
