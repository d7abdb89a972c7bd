// How the headless operator on protocol version 2 (auto-operator-v2.ts)
// works its queue: it acknowledges new alerts in the protocol gravest first,
// leaves closed alerts and runs alone, reads alerts it sees together as one
// incident (a report referring to another alert's report, a launch whose
// rounds landed in another alert) and links them before working either,
// judges an incident on all its alerts' reports, and issues the daily report
// at the cut-off before anything else waiting.
import { describe, expect, it } from 'vitest';
import type { IncidentSnapshot } from '../../../shared/exercise/exercise-snapshot';
import {
  FALSE_ALARM,
  HOUR,
  MIN,
  T0,
  TRIAGED,
  act,
  confirmedRun,
  triageRun,
} from '../protocol/v2-run-fixture';
import { desk, report, type DeskAlert } from './v2-operator-desk';

const alert = (id: string, over: Partial<DeskAlert> = {}): DeskAlert => ({
  id,
  events: [report(`${id}-r`, 0)],
  openedAt: T0,
  ...over,
});
/** The explanation track only: its first step, sending the request, is the work to see. */
function explaining() {
  const run = confirmedRun();
  return { ...run, tracks: run.tracks.filter((t) => t.track === 'explanation') };
}

describe('acknowledging', () => {
  const queue = () =>
    desk({
      alerts: [
        alert('A-1', { severity: 'medium', acknowledged: false }),
        alert('A-2', { severity: 'critical', openedAt: T0 + MIN, acknowledged: false }),
        alert('A-3', { events: [report('obs-3', 0, { party: 'B' })] }),
      ],
      runs: { 'A-1': triageRun(), 'A-2': triageRun(), 'A-3': explaining() },
      lastActedAt: T0 + 50 * MIN,
    });

  it('acknowledges new alerts in the protocol before any other work, a minute each', async () => {
    // A-3's request for explanation is due at once; the acknowledgements still come first.
    const d = queue();
    expect(d.plan()).toMatchObject({ at: T0 + 51 * MIN, what: 'acknowledge' });
    expect(await d.work()).toMatchObject([{ kind: 'acknowledge', by: 'auto-operator' }]);
  });

  // It used to be the least grave first: the priority was -severityRank, and
  // rank 0 is critical.
  it('acknowledges the gravest new alert first', () => {
    expect(queue().plan()).toEqual({ at: T0 + 51 * MIN, alertId: 'A-2', what: 'acknowledge' });
  });

  it('acknowledges an alert as soon as it opens, before any other work on it', () => {
    const d = desk({
      alerts: [alert('A-1', { acknowledged: false, openedAt: T0 + 30 * MIN })],
      runs: { 'A-1': triageRun() },
    });
    expect(d.plan()).toEqual({ at: T0 + 31 * MIN, alertId: 'A-1', what: 'acknowledge' });
  });
});

describe('alerts not in the protocol', () => {
  it('reviews a low alert with weak evidence as the version-1 operator does: into the protocol to close it', () => {
    const d = desk({
      alerts: [
        alert('A-1', {
          gravity: 15,
          severity: 'low',
          certainty: 0.2,
          certaintyBand: 'unconfirmed',
          openedAt: T0,
        }),
      ],
      start: T0,
    });
    expect(d.plan()).toEqual({
      at: T0 + MIN,
      alertId: 'A-1',
      what: 'start protocol (low, weak evidence)',
    });
  });
});

describe('closed work', () => {
  it('does nothing more on a closed alert, even while its run shows an open step', () => {
    const d = desk({ alerts: [alert('A-1', { closed: true })], runs: { 'A-1': triageRun() } });
    expect(d.plan()).toBeNull();
  });

  it('does nothing more on an alert whose run has closed', () => {
    const closed = act(
      triageRun(),
      { track: 'triage', action: 'false-alarm', inputs: FALSE_ALARM },
      TRIAGED + 5 * MIN,
    );
    expect(closed.closed).toBe(true);
    const d = desk({ alerts: [alert('A-1')], runs: { 'A-1': closed } });
    expect(d.plan()).toBeNull();
  });
});

describe('incidents', () => {
  const incident = (alertIds: string[], primary: boolean): IncidentSnapshot => ({
    id: 'I-1',
    alertIds,
    primary,
    gravity: 70,
    severity: 'high',
    certainty: 0.8,
    certaintyBand: 'probable',
  });

  it('works an incident on its primary alert only, naming the party any of its alerts reports', async () => {
    // A-2 holds the run; A-1 (linked into it) names the party.
    const run = explaining();
    const d = desk({
      alerts: [
        alert('A-1', {
          events: [report('imp-1', 1, { party: 'A' })],
          incident: incident(['A-2', 'A-1'], false),
        }),
        alert('A-2', { events: [report('obs-1', 0)], incident: incident(['A-2', 'A-1'], true) }),
      ],
      runs: { 'A-1': run, 'A-2': run },
    });
    expect(d.plan()?.alertId).toBe('A-2');
    expect(await d.work()).toMatchObject([
      {
        kind: 'action',
        alertId: 'A-2',
        intent: {
          action: 'request-sent',
          inputs: { party: 'A', evidence: 'Events obs-1, imp-1.' },
        },
      },
    ]);
  });

  it('skips an incident member that is no longer on the queue', async () => {
    const d = desk({
      alerts: [alert('A-1', { incident: incident(['A-1', 'A-9'], true) })],
      runs: { 'A-1': explaining() },
    });
    expect(await d.work()).toMatchObject([
      { intent: { inputs: { party: 'all', evidence: 'Events A-1-r.' } } },
    ]);
  });

  // A routine reading (medium, probable): alone, recorded for the daily report.
  const routine = { gravity: 30, severity: 'medium', certainty: 0.7 } as const;
  const judged = async (memberFactors: string[]) => {
    const members = incident(['A-1', 'A-2'], true);
    const band = { ...members, ...routine };
    const d = desk({
      alerts: [
        alert('A-1', { ...routine, incident: band, sources: ['observer'] }),
        alert('A-2', {
          ...routine,
          incident: { ...band, primary: false },
          factors: memberFactors,
          sources: ['drone', 'observer'],
        }),
      ],
      runs: { 'A-1': triageRun() },
    });
    const [deed] = await d.work();
    return deed?.kind === 'action' ? deed.intent : undefined;
  };

  it('takes an incident before the parties when any of its alerts shows harm, a breach, fire at the mission or at a protected site', async () => {
    for (const factor of ['harm', 'place', 'mission']) {
      const intent = await judged([factor]);
      expect(intent, factor).toEqual({
        track: 'triage',
        action: 'confirmed-violation',
        inputs: {
          rationale:
            'Alert A-1: gravity 30.0 (medium), certainty 0.70 (probable) from observer, drone.',
        },
      });
    }
  });

  it('verifies first an incident whose only grave factor is fire near a protected site', async () => {
    expect(await judged(['protected'])).toEqual({
      track: 'triage',
      action: 'start-verification',
      inputs: {},
    });
  });

  it('records a routine incident for the daily report when none of its alerts shows such a factor', async () => {
    expect((await judged([]))?.action).toBe('record-violation');
  });
});

describe('linking alerts into one incident', () => {
  it('links a report referring to another alert into the alert already in the protocol, once both are open', async () => {
    const d = desk({
      alerts: [
        alert('A-1', { openedAt: T0 }),
        alert('A-2', { openedAt: T0 + 20 * MIN, refersTo: ['A-1'] }),
      ],
      runs: { 'A-1': triageRun() },
    });
    expect(d.plan()).toEqual({ at: T0 + 22 * MIN, alertId: 'A-1', what: 'link A-2 into A-1' });
    expect(await d.work()).toEqual([
      { kind: 'link', primary: 'A-1', other: 'A-2', by: 'auto-operator' },
    ]);
  });

  it('keeps the run of the alert in the protocol, whichever holds the reference and however grave the other', () => {
    // The alert in the protocol is the less grave and the later opened of the two.
    const inProtocol = { gravity: 40, openedAt: T0 + 5 * MIN };
    const referred = desk({
      alerts: [alert('A-1', { gravity: 90, refersTo: ['A-2'] }), alert('A-2', inProtocol)],
      runs: { 'A-2': triageRun() },
    });
    expect(referred.plan()?.what).toBe('link A-1 into A-2');
    const referring = desk({
      alerts: [alert('A-1', { ...inProtocol, refersTo: ['A-2'] }), alert('A-2', { gravity: 90 })],
      runs: { 'A-1': triageRun() },
    });
    expect(referring.plan()?.what).toBe('link A-2 into A-1');
  });

  it('without a run, keeps the graver alert (its incident’s gravity if linked), else the earlier', () => {
    const plan = (one: Partial<DeskAlert>, two: Partial<DeskAlert>) =>
      desk({
        alerts: [alert('A-1', one), alert('A-2', { refersTo: ['A-1'], ...two })],
      }).plan()?.what;
    expect(plan({ gravity: 50 }, { gravity: 80 })).toBe('link A-1 into A-2');
    expect(plan({ gravity: 80 }, { gravity: 50 })).toBe('link A-2 into A-1');
    expect(plan({ openedAt: T0 + MIN }, { openedAt: T0 })).toBe('link A-1 into A-2');
    // Opened together: the referring alert keeps its run.
    expect(plan({ openedAt: T0 }, { openedAt: T0 })).toBe('link A-1 into A-2');
    expect(plan({ openedAt: T0 }, { openedAt: T0 + MIN })).toBe('link A-2 into A-1');
    const graver = (gravity: number, primary: string): IncidentSnapshot => ({
      id: 'I-9',
      alertIds: [primary, 'A-3'],
      primary: true,
      gravity,
      severity: 'critical',
      certainty: 0.9,
      certaintyBand: 'confirmed',
    });
    expect(plan({ gravity: 60 }, { gravity: 40, incident: graver(90, 'A-2') })).toBe(
      'link A-1 into A-2',
    );
    expect(plan({ gravity: 60, incident: graver(30, 'A-1') }, { gravity: 40 })).toBe(
      'link A-1 into A-2',
    );
  });

  it('ignores references it cannot place, to itself, to closed alerts and within one incident', () => {
    // already linked into incident I-5, A-5 its primary.
    const linkedPair = () =>
      (['A-5', 'A-6'] as const).map((id) =>
        alert(id, {
          ...(id === 'A-5' ? { refersTo: ['A-6'] } : {}),
          incident: {
            id: 'I-5',
            alertIds: ['A-5', 'A-6'],
            primary: id === 'A-5',
            gravity: 70,
            severity: 'high',
            certainty: 0.8,
            certaintyBand: 'probable',
          },
        }),
      );
    const d = desk({
      alerts: [
        alert('A-1', { refersTo: [null, 'A-1', 'A-3'] }),
        alert('A-3', { closed: true }),
        alert('A-4', { refersTo: ['A-1'] }),
        ...linkedPair(),
      ],
    });
    // Only A-4's reference stands.
    expect(d.plan()?.what).toBe('link A-1 into A-4');
    const closedOnly = desk({
      alerts: [alert('A-1', { refersTo: ['A-3'] }), alert('A-3', { closed: true })],
    });
    expect(closedOnly.plan()).toBeNull();
    const linkedOnly = desk({
      alerts: [...linkedPair()],
    });
    expect(linkedOnly.plan()).toBeNull();
    const self = desk({ alerts: [alert('A-1', { refersTo: [null, 'A-1'] })] });
    expect(self.plan()).toBeNull();
  });

  it('links each pair it sees, the pair whose later alert opened first first', () => {
    const d = desk({
      alerts: [
        alert('A-1', { openedAt: T0 + 30 * MIN, refersTo: ['A-2'] }),
        alert('A-2', { openedAt: T0 + 25 * MIN }),
        alert('A-3', { openedAt: T0 + 10 * MIN, refersTo: ['A-4'] }),
        alert('A-4', { openedAt: T0 }),
      ],
    });
    expect(d.plan()).toEqual({ at: T0 + 12 * MIN, alertId: 'A-4', what: 'link A-3 into A-4' });
  });

  // An acoustic array's located shot, firing east from west of the line, and
  // reports of where rounds landed: 12 km east two minutes later (on its
  // line of fire), and 33 km north (off it).
  const shot = report('gs-1', 10, {
    source: 'ground-sensor',
    subtype: 'outgoing',
    weapon_class: 'artillery',
    lat: -44.5,
    lon: -120.6,
    bearing_deg: 90,
  });
  const north = report('gs-2', 10, { ...shot, id: 'gs-2', bearing_deg: 0, lat: -44.6 });
  const impact = (id: string, lat: number, lon: number) =>
    report(id, 12, { type: 'explosion', subtype: 'impact', lat, lon });
  const onLine = impact('imp-1', -44.5, -120.45);
  const offLine = impact('imp-2', -44.2, -120.3);

  it('links a launch to the alert where its rounds landed, among other reports of either', () => {
    const d = desk({
      alerts: [
        alert('A-1', { events: [north, shot, report('obs-1', 11)], gravity: 80 }),
        alert('A-2', { events: [offLine, onLine, report('obs-2', 13)], openedAt: T0 + 12 * MIN }),
      ],
    });
    expect(d.plan()).toEqual({ at: T0 + 14 * MIN, alertId: 'A-1', what: 'link A-2 into A-1' });
  });

  it('does not link a launch to an impact off its line of fire', () => {
    const d = desk({
      alerts: [
        alert('A-1', { events: [shot] }),
        alert('A-2', { events: [offLine], openedAt: T0 + 12 * MIN }),
      ],
    });
    expect(d.plan()).toBeNull();
  });
});

describe('what comes first', () => {
  /** watched after an unconfirmed report (a step without a deadline), entered together. */
  const watched = (severities: Record<string, 'critical' | 'medium'>) => {
    const run = act(
      act(triageRun(), { track: 'triage', action: 'start-verification', inputs: {} }, TRIAGED),
      { track: 'verify', action: 'unconfirmed', inputs: {} },
      TRIAGED + HOUR,
    );
    return Object.entries(severities).map(([id, severity]) => ({
      alert: alert(id, { severity }),
      run,
    }));
  };

  it('among steps without a deadline, works the graver incident first', () => {
    const both = watched({ 'A-1': 'medium', 'A-2': 'critical' });
    const d = desk({
      alerts: both.map((w) => w.alert),
      runs: { 'A-1': both[0]!.run, 'A-2': both[1]!.run },
    });
    expect(d.plan()).toMatchObject({ alertId: 'A-2', what: 'verify: nothing-further' });
  });

  it('works a step against its deadline before any step without one', () => {
    const [watch] = watched({ 'A-1': 'critical' });
    const d = desk({
      alerts: [watch!.alert, alert('A-2', { severity: 'medium' })],
      runs: { 'A-1': watch!.run, 'A-2': explaining() },
      lastActedAt: TRIAGED + 8 * HOUR,
    });
    expect(d.plan()).toMatchObject({ alertId: 'A-2', what: 'explanation: request-sent' });
  });
});

describe('the daily report', () => {
  const START = Date.UTC(2031, 5, 1, 0, 0);
  /** The scenario's reporting hour: 18:00 local (UTC here) each day. */
  const cutoff = (day: number) => START + (18 + 24 * day) * HOUR;
  const daily = (at: number) => ({ product: 'daily-report', at, alertId: null });

  it('issues the day’s report at the cut-off, taking twenty minutes', () => {
    const d = desk({ alerts: [], products: [], start: START });
    expect(d.plan()).toEqual({
      at: cutoff(0) + 20 * MIN,
      alertId: '',
      what: 'issue the daily report',
    });
  });

  it('issues the daily report before anything else waiting, however urgent', () => {
    const d = desk({
      alerts: [alert('A-1', { acknowledged: false, severity: 'critical' })],
      runs: { 'A-1': triageRun() },
      products: [],
      start: START,
      lastActedAt: cutoff(0) + 5 * MIN,
    });
    expect(d.plan()).toEqual({
      at: cutoff(0) + 25 * MIN,
      alertId: '',
      what: 'issue the daily report',
    });
  });

  it('counts a report issued at or after a cut-off for that day, not one issued before it nor another product', () => {
    const plan = (...products: { product: string; at: number; alertId: null }[]) =>
      desk({ alerts: [], products, start: START }).plan()?.at;
    expect(plan(daily(cutoff(0)))).toBe(cutoff(1) + 20 * MIN);
    expect(plan(daily(cutoff(0) - HOUR), daily(cutoff(0)))).toBe(cutoff(1) + 20 * MIN);
    expect(plan(daily(cutoff(0) - HOUR))).toBe(cutoff(0) + 20 * MIN);
    expect(plan({ product: 'spot-report', at: cutoff(0), alertId: null })).toBe(
      cutoff(0) + 20 * MIN,
    );
    expect(plan(daily(cutoff(2)))).toBeUndefined();
  });
});
