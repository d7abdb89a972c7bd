// Whatever an alert reads at triage, the headless operator on protocol
// version 2 takes an action the protocol accepts from an operator there,
// three to six minutes into the step, and the one the documented evidence
// rule names (auto-operator.ts: judgeEvidence, needsTheParties): a false
// alarm for weak or cleared evidence, a routine violation recorded for the
// daily report, else the parties called — at once on strong evidence,
// after verification otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTAINTY_BANDS, SEVERITIES } from '../../../shared/alerts/bands';
import {
  judgeEvidence,
  needsTheParties,
  type AlertReading,
} from '../../../shared/exercise/auto-operator';
import { checkRunAction } from '../../../shared/protocol/protocol-run';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, TRIAGED, ctx, op, triageRun } from '../protocol/v2-run-fixture';
import { desk } from './v2-operator-desk';

const FACTORS = { harm: 'harm', breach: 'place', mission: 'mission', protectedSite: 'protected' };

const reading = fc.record({
  gravity: fc.integer({ min: 0, max: 1000 }).map((g) => g / 10),
  severity: fc.constantFrom(...SEVERITIES),
  certainty: fc.integer({ min: 0, max: 100 }).map((c) => c / 100),
  certaintyBand: fc.constantFrom(...CERTAINTY_BANDS),
  factors: fc.subarray(Object.keys(FACTORS) as (keyof typeof FACTORS)[]),
  reports: fc.integer({ min: 1, max: 6 }),
  party: fc.constantFrom(undefined, 'A', 'B'),
});

describe('triage on any reading', () => {
  it('takes the action the evidence rule names, one the protocol accepts, 3 to 6 minutes in', async () => {
    await fc.assert(
      fc.asyncProperty(reading, async (r) => {
        const events = Array.from(
          { length: r.reports },
          (_, i) =>
            ({
              id: `r-${i}`,
              time: new Date(T0 + i * MIN).toISOString(),
              source: 'observer',
              type: 'small-arms-fire',
              lat: -44.2,
              lon: -120.55,
              ...(r.party && i === r.reports - 1 ? { party: r.party } : {}),
            }) as ScenarioEvent,
        );
        const run = triageRun();
        const d = desk({
          alerts: [
            {
              id: 'A-1',
              events,
              gravity: r.gravity,
              severity: r.severity,
              certainty: r.certainty,
              certaintyBand: r.certaintyBand,
              factors: r.factors.map((f) => FACTORS[f]),
              openedAt: T0,
            },
          ],
          runs: { 'A-1': run },
        });
        const plan = d.plan()!;
        expect(plan.at - TRIAGED).toBeGreaterThanOrEqual(3 * MIN);
        expect(plan.at - TRIAGED).toBeLessThanOrEqual(6 * MIN);
        const [deed] = await d.work();
        if (deed?.kind !== 'action') throw new Error(`expected an action, got ${deed?.kind}`);
        expect(checkRunAction(ctx, run, deed.intent, op)).toBeNull();

        const read: AlertReading = {
          gravity: r.gravity,
          severity: r.severity,
          certainty: r.certainty,
          certaintyBand: r.certaintyBand,
          harm: r.factors.includes('harm'),
          breach: r.factors.includes('breach'),
          mission: r.factors.includes('mission'),
          protectedSite: r.factors.includes('protectedSite'),
          kinds: ['observer'],
        };
        const { verdict } = judgeEvidence(read);
        const expected =
          verdict === 'weak' || verdict === 'cleared'
            ? 'false-alarm'
            : !needsTheParties(read)
              ? 'record-violation'
              : verdict === 'strong'
                ? 'confirmed-violation'
                : 'start-verification';
        expect(deed.intent.action).toBe(expected);
        if (expected === 'record-violation') {
          expect(deed.intent.inputs.attribution).toBe(r.party ?? 'undetermined');
        }
      }),
    );
  });
});
