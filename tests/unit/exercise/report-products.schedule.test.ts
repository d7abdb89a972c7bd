// When the mission's written products fall due and by when, at their edges:
// which step's action a product is, where a product stands when its step had
// no deadline, which written product meets which item (an incident's place in
// the daily report, a cut-off's own report, each product counted once), the
// order a monitor reads them in, and the local report hour found in the
// scenario's zone, whole- or half-hour.
import { describe, expect, it } from 'vitest';
import type { IssuedProduct } from '../../../shared/exercise/exercise-engine';
import {
  localHourInstants,
  productSchedule,
  productState,
  productTakingAction,
  type ProductItem,
} from '../../../shared/exercise/report-products';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import type { ProtocolRun, RunVisit } from '../../../shared/protocol/protocol-run';
import { MIN, T0 } from './hand-scenario';

const HOUR = 60 * MIN;

describe('the action a product is', () => {
  it('is "<product>-sent" offered with nothing but a summary, or with no input at all', () => {
    expect(productTakingAction({ id: 'spot-report-sent', requires: ['summary'] })).toBe(
      'spot-report',
    );
    expect(productTakingAction({ id: 'daily-report-sent' })).toBe('daily-report');
    expect(productTakingAction({ id: 'meeting-summary-sent', requires: [] })).toBe(
      'meeting-summary',
    );
  });

  it('is no product when the action asks for more than a summary, or is not "<product>-sent"', () => {
    // The explanation's "request-sent" names a party and evidence: the operator takes it.
    expect(productTakingAction({ id: 'spot-report-sent', requires: ['summary', 'party'] })).toBe(
      null,
    );
    expect(productTakingAction({ id: 'spot-report-sent', requires: ['party'] })).toBe(null);
    expect(productTakingAction({ id: 'request-sent', requires: ['party', 'evidence'] })).toBe(null);
    expect(productTakingAction({ id: 'sitrep-sent' })).toBe(null);
  });
});

describe('where a product stands when the step calling for it has no deadline', () => {
  const open: ProductItem = {
    key: 'k',
    product: 'meeting-summary',
    alertId: 'a1',
    dueFrom: T0,
    deadlineAt: null,
    cutoffAt: null,
    stepLeftAt: null,
    written: null,
  };

  it('stays due, never warning or breached, however long it waits', () => {
    expect(productState(open, T0)).toBe('due');
    expect(productState(open, T0 + 1000 * HOUR)).toBe('due');
  });

  it('is met whenever it is written', () => {
    const written = { ...open, written: { at: T0 + 1000 * HOUR, by: 'op', text: 't' } };
    expect(productState(written, T0 + 1001 * HOUR)).toBe('met');
  });
});

/** One stay in a step, entered at `enteredAt`. */
function visit(step: string, enteredAt: number, deadlineAt: number | null, leftAt: number | null) {
  const v: RunVisit = {
    step,
    enteredAt,
    cause: { kind: 'manual', by: 'op' },
    deadlineAt,
    warnAt: null,
    warnedAt: null,
    breachedAt: null,
    leftAt,
    acks: [],
    moves: [],
  };
  return v;
}

/** A run of alert `id` holding these tracks' visits (closed at `closedAt` when given). */
function run(
  id: string,
  tracks: Record<string, RunVisit[]>,
  closedAt: number | null = null,
): ProtocolRun {
  return {
    alertId: id,
    incidentAt: T0,
    tracks: Object.entries(tracks).map(([track, visits]) => ({
      track,
      openedAt: visits[0]!.enteredAt,
      visits,
      endedAt: closedAt,
    })),
    history: [],
    closed: closedAt !== null,
    closedAt,
    findings: null,
    summary: null,
  };
}

const issued = (
  product: IssuedProduct['product'],
  alertId: string | null,
  at: number,
  text = `${product} ${alertId ?? 'mission'} ${(at - T0) / MIN}`,
): IssuedProduct => ({ product, alertId, at, text, by: 'op' });

function schedule(
  runs: [string, ProtocolRun][],
  products: IssuedProduct[] = [],
  dailyCutoffs: number[] = [],
) {
  return productSchedule({
    protocol: BUILTIN_PROTOCOL_V2,
    runs: new Map(runs),
    products,
    dailyCutoffs,
  });
}

describe('which steps call for a product', () => {
  it('each product step calls for its own product, with its deadline; no other step calls for any', () => {
    const items = schedule([
      [
        'a1',
        run('a1', {
          triage: [visit('triage', T0, T0 + 30 * MIN, T0 + 10 * MIN)],
          reporting: [visit('spot-report', T0 + 10 * MIN, T0 + 70 * MIN, null)],
          explanation: [
            visit('send-request', T0 + 10 * MIN, T0 + 130 * MIN, T0 + 40 * MIN),
            visit('await-reply', T0 + 40 * MIN, null, null),
          ],
          consultation: [
            visit('convene', T0 + 10 * MIN, T0 + 190 * MIN, T0 + 50 * MIN),
            visit('meeting', T0 + 50 * MIN, null, null),
          ],
        }),
      ],
    ]);
    expect(items).toEqual([
      {
        key: `spot-report:a1:reporting:${T0 + 10 * MIN}`,
        product: 'spot-report',
        alertId: 'a1',
        dueFrom: T0 + 10 * MIN,
        deadlineAt: T0 + 70 * MIN,
        cutoffAt: null,
        stepLeftAt: null,
        written: null,
      },
      {
        key: `request-for-explanation:a1:explanation:${T0 + 10 * MIN}`,
        product: 'request-for-explanation',
        alertId: 'a1',
        dueFrom: T0 + 10 * MIN,
        deadlineAt: T0 + 130 * MIN,
        cutoffAt: null,
        stepLeftAt: T0 + 40 * MIN,
        written: null,
      },
      {
        // The meeting's step offers many moves; agreeing the measures is one of them.
        key: `meeting-summary:a1:consultation:${T0 + 50 * MIN}`,
        product: 'meeting-summary',
        alertId: 'a1',
        dueFrom: T0 + 50 * MIN,
        deadlineAt: null,
        cutoffAt: null,
        stepLeftAt: null,
        written: null,
      },
    ]);
  });

  it('a product whose run closed while its step was current was left when the run closed', () => {
    const closed = run(
      'a1',
      { reporting: [visit('spot-report', T0, T0 + HOUR, null)] },
      T0 + 20 * MIN,
    );
    const left = run('a2', {
      reporting: [
        visit('spot-report', T0, T0 + HOUR, T0 + 5 * MIN),
        visit('daily-report', T0 + 5 * MIN, null, null),
      ],
    });
    const [a1, a2, a2Daily] = schedule([
      ['a1', closed],
      ['a2', left],
    ]);
    expect(a1!.stepLeftAt).toBe(T0 + 20 * MIN);
    expect(a2!.stepLeftAt).toBe(T0 + 5 * MIN);
    expect(a2Daily).toMatchObject({ product: 'daily-report', alertId: 'a2', stepLeftAt: null });
  });
});

describe('the order a monitor reads the products in', () => {
  it('by when they fell due, then by incident, then as their run holds them', () => {
    const at10 = T0 + 10 * MIN;
    const at30 = T0 + 30 * MIN;
    const items = schedule(
      [
        ['z9', run('z9', { reporting: [visit('spot-report', at10, null, null)] })],
        ['a2', run('a2', { reporting: [visit('spot-report', at30, null, null)] })],
        [
          'a1',
          run('a1', {
            reporting: [visit('spot-report', at30, null, null)],
            explanation: [visit('send-request', at30, null, null)],
            consultation: [visit('meeting', at30, null, null)],
          }),
        ],
        ['a0', run('a0', { reporting: [visit('spot-report', T0 + 40 * MIN, null, null)] })],
      ],
      [],
      [T0 + 5 * MIN],
    );
    expect(items.map((i) => `${i.product} ${i.alertId ?? '-'}`)).toEqual([
      'spot-report z9',
      'spot-report a1',
      'request-for-explanation a1',
      'meeting-summary a1',
      'spot-report a2',
      'spot-report a0',
      // The daily reports come last, whatever their cut-off.
      'daily-report -',
    ]);
  });
});

describe('which written product meets which item', () => {
  it('an incident’s second spot report is met only by a second one written: each product counts once', () => {
    const twice = run('a1', {
      reporting: [
        visit('spot-report', T0, T0 + HOUR, T0 + 10 * MIN),
        visit('daily-report', T0 + 10 * MIN, null, T0 + 2 * HOUR),
        visit('spot-report', T0 + 2 * HOUR, T0 + 3 * HOUR, null),
      ],
    });
    const spots = (products: IssuedProduct[]) =>
      schedule([['a1', twice]], products)
        .filter((i) => i.product === 'spot-report')
        .map((i) => i.written?.at ?? null);
    const late = issued('spot-report', 'a1', T0 + 2 * HOUR + MIN);
    // Written after both fell due: it meets the first, late, and the second is still due.
    expect(spots([late])).toEqual([T0 + 2 * HOUR + MIN, null]);
    expect(spots([late, issued('spot-report', 'a1', T0 + 2 * HOUR + 2 * MIN)])).toEqual([
      T0 + 2 * HOUR + MIN,
      T0 + 2 * HOUR + 2 * MIN,
    ]);
  });

  describe('an incident’s place in the daily report', () => {
    const placed = run('a1', {
      reporting: [
        visit('spot-report', T0, T0 + HOUR, T0 + 10 * MIN),
        visit('daily-report', T0 + 10 * MIN, T0 + 20 * HOUR, null),
      ],
    });
    const place = (products: IssuedProduct[], cutoffs: number[] = []) =>
      schedule([['a1', placed]], products, cutoffs).filter((i) => i.product === 'daily-report');

    it('is met by the mission’s daily report written from the time it fell due, which still meets its cut-off', () => {
      const daily = issued('daily-report', null, T0 + 10 * MIN);
      const [incident, cutoff] = place([daily], [T0 + 10 * MIN]);
      expect(incident).toMatchObject({ alertId: 'a1', cutoffAt: null });
      expect(incident!.written).toEqual({ at: daily.at, by: 'op', text: daily.text });
      expect(cutoff).toMatchObject({
        key: `daily-report::${T0 + 10 * MIN}`,
        cutoffAt: T0 + 10 * MIN,
      });
      expect(cutoff!.written).toEqual({ at: daily.at, by: 'op', text: daily.text });
    });

    it('is met by a daily report about this incident, not one about another', () => {
      const [met] = place([
        issued('daily-report', 'a2', T0 + HOUR),
        issued('daily-report', 'a1', T0 + 2 * HOUR),
      ]);
      expect(met!.written?.at).toBe(T0 + 2 * HOUR);
    });

    it('is not met by a daily report written before it fell due, nor by another product', () => {
      const [unmet] = place([
        issued('daily-report', null, T0 + 10 * MIN - 1),
        issued('daily-report', 'a1', T0 + 9 * MIN),
        issued('spot-report', 'a1', T0 + HOUR),
      ]);
      expect(unmet!.written).toBe(null);
    });
  });

  describe('a daily cut-off', () => {
    const C1 = T0 + 6 * HOUR;
    const C2 = T0 + 30 * HOUR;
    const cutoffs = (products: IssuedProduct[]) =>
      schedule([], products, [C1, C2]).map((i) => [i.key, i.written?.at ?? null]);

    it('is met by a daily report written at its very time; one written at the next cut-off is the next’s', () => {
      expect(cutoffs([issued('daily-report', null, C1), issued('daily-report', null, C2)])).toEqual(
        [
          [`daily-report::${C1}`, C1],
          [`daily-report::${C2}`, C2],
        ],
      );
      expect(cutoffs([issued('daily-report', null, C2)])).toEqual([
        [`daily-report::${C1}`, null],
        [`daily-report::${C2}`, C2],
      ]);
    });

    it('the last cut-off is met by a report written any time after it', () => {
      expect(cutoffs([issued('daily-report', null, C2 + 100 * HOUR)])).toEqual([
        [`daily-report::${C1}`, null],
        [`daily-report::${C2}`, C2 + 100 * HOUR],
      ]);
    });

    it('is not met by an incident’s own daily report, nor by another product', () => {
      expect(
        cutoffs([
          issued('daily-report', 'a1', C1 + MIN),
          issued('meeting-summary', null, C1 + 2 * MIN),
        ]),
      ).toEqual([
        [`daily-report::${C1}`, null],
        [`daily-report::${C2}`, null],
      ]);
    });
  });
});

describe('the local report hour', () => {
  const start = Date.parse('2027-03-08T00:00:00Z');

  it('includes an hour falling exactly at the end of the exercise', () => {
    // 08:00 at UTC+2 is 06:00 UTC.
    const end = Date.parse('2027-03-09T06:00:00Z');
    expect(
      localHourInstants(start, end, 'Etc/GMT-2', 8).map((t) => new Date(t).toISOString()),
    ).toEqual(['2027-03-08T06:00:00.000Z', '2027-03-09T06:00:00.000Z']);
    expect(localHourInstants(start, end - 1, 'Etc/GMT-2', 8)).toEqual([
      Date.parse('2027-03-08T06:00:00Z'),
    ]);
  });

  it('finds a half-hour zone’s report hour on its half hour', () => {
    // 06:00 at UTC+9:30 (a zone far from any front, without summer time) is
    // 20:30 UTC the day before.
    expect(
      localHourInstants(start, start + 24 * HOUR, 'Australia/Darwin', 6).map((t) =>
        new Date(t).toISOString(),
      ),
    ).toEqual(['2027-03-08T20:30:00.000Z']);
  });
});
