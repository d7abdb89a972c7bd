// What the products cite, read from a running exercise: an incident's facts
// (its linked and injected reports in the order received, its area, its
// bands, when it was confirmed, its open tracks, the mission's actions apart
// from the parties' moves), the restrictions on the mission in a daily
// report's 24 hours, and the Reports panel's list with its titles and
// prefilled texts, the next daily report ahead included. The theatre keeps
// UTC+3 with no summer time; its daily report hour is 06:00 local (03:00 UTC).
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import {
  dailyCutoffs,
  dailyFacts,
  incidentFacts,
  reportsOf,
} from '../../../shared/exercise/report-products';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import type { LoadedScenario, Zone } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, V1_PROTOCOL, at, buildScenario, handEvents } from './hand-scenario';

const HOUR = 60 * MIN;
const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };

/** A zone placed by hand: these tests read only its name and kind. */
const zone = (id: string, name: string, kind: Zone['kind']): Zone => ({
  id,
  name,
  kind,
  geometry: { type: 'Point', coordinates: [-121, -44] },
  bbox: [-121, -44, -121, -44],
});

/**
 * The hand-made timeline in UTC+3, with the mission's sensors jammed at
 * minute 100 and a patrol stopped at minute 250; the small-arms fire lies in
 * Sector North (and a demilitarised zone), the patrol in two zones of no sector.
 */
function theatre(): LoadedScenario {
  const restrictions: ScenarioEvent[] = [
    {
      id: 'jam-1',
      time: at(100),
      source: 'observer',
      type: 'jamming',
      lat: -44.9,
      lon: -121.1,
      confidence: 0.9,
      summary: 'UAV-04 lost its link.',
    },
    {
      id: 'mv-1',
      time: at(250),
      source: 'observer',
      type: 'movement-restriction',
      lat: -44.95,
      lon: -121.3,
      confidence: 0.9,
    },
  ];
  const events = handEvents().map((e) =>
    e.id === 'mlrs-1' ? { ...e, summary: 'Six rockets launched.' } : e,
  );
  const built = buildScenario([...events, ...restrictions], {
    end: T0 + 72 * HOUR,
    timezone: 'Etc/GMT-3',
    dailyReportHour: 6,
  });
  const placed: Record<string, string[]> = {
    'sa-1': ['dmz-1', 'sec-n'],
    'mv-1': ['dmz-1', 'wez-1'],
  };
  return {
    ...built,
    zones: [
      ...built.zones,
      zone('sec-n', 'Sector North', 'sector'),
      zone('dmz-1', 'Demilitarised Zone 1', 'demilitarized-zone'),
    ],
    events: built.events.map((e) => {
      const zoneIds = placed[e.event.id];
      return zoneIds ? { ...e, zoneIds } : e;
    }),
  };
}

async function start(
  documents: { protocol: unknown } = { protocol: BUILTIN_PROTOCOL_V2.document },
) {
  const setup = prepareExercise(theatre(), 'test', documents);
  const log = new MemoryAuditLog('v2', { now: () => new Date('2026-11-26T10:00:00.000Z') });
  return createExercise(setup, log, operator);
}

const alertOf = (engine: ExerciseEngine, eventId: string) =>
  engine.unitOf(engine.alerts().find((a) => a.eventIds.includes(eventId))!.id);

/**
 * The MLRS confirmed at minute 75 (the earlier hotspot linked to it, a
 * controller's inject joining it), its spot report written at 80, the request
 * sent to B at 85, the meeting in session at 90; the jamming recorded as a
 * violation by A at 120; a visit to the small-arms fire requested at 185 and
 * refused by B at 190; the clock at minute 260.
 */
async function story() {
  const engine = await start();
  await engine.advanceTo(T0 + 75 * MIN);
  const mlrs = alertOf(engine, 'mlrs-1');
  await engine.act(mlrs, 'confirmed-violation', { rationale: 'MLRS.' });
  await engine.link(mlrs, alertOf(engine, 'hot-1'));
  await engine.advanceTo(T0 + 76 * MIN);
  await engine.inject({ summary: 'Crater found.', lat: -44.41, lon: -120.51 }, controller);
  await engine.advanceTo(T0 + 80 * MIN);
  await engine.issueProduct('spot-report', 'Spot: MLRS.', mlrs);
  await engine.advanceTo(T0 + 85 * MIN);
  await engine.act(mlrs, 'request-sent', { party: 'B', evidence: 'mlrs-1, mlrs-3' });
  await engine.advanceTo(T0 + 90 * MIN);
  await engine.act(mlrs, 'meeting-opened', { summary: 'video link' });
  await engine.advanceTo(T0 + 120 * MIN);
  const jam = alertOf(engine, 'jam-1');
  await engine.act(jam, 'record-violation', {
    attribution: 'A',
    intent: 'deliberate',
    outcome: 'violation-recorded',
    evidence: 'jam-1',
    summary: 'Jammed.',
  });
  await engine.advanceTo(T0 + 185 * MIN);
  const sa = alertOf(engine, 'sa-1');
  await engine.startProtocol(sa);
  await engine.act(sa, 'start-verification', {});
  await engine.act(sa, 'request-visit', { party: 'B', rationale: 'See the firing point.' });
  await engine.advanceTo(T0 + 190 * MIN);
  await engine.takeOverParty('B', controller);
  await engine.takeAction(
    sa,
    { track: 'verify', action: 'visit-refusal', inputs: { rationale: 'No access.' } },
    { name: controller.name, role: 'party', party: 'B' },
  );
  await engine.advanceTo(T0 + 260 * MIN);
  return { engine, mlrs, jam, sa, mv: alertOf(engine, 'mv-1') };
}

let s: Awaited<ReturnType<typeof story>>;
beforeAll(async () => {
  s = await story();
});

describe('an incident’s facts, read from the log', () => {
  it('a confirmed incident: every report of its alerts in the order received, its bands, its open tracks, the mission’s actions apart from the parties’ moves', () => {
    expect(incidentFacts(s.engine, s.mlrs)).toEqual({
      alertId: s.mlrs,
      title: 'MLRS fire — Exclusion Zone 1',
      area: 'Exclusion Zone 1',
      gravity: 100,
      severity: 'critical',
      certainty: 1,
      certaintyBand: 'confirmed',
      events: [
        // The linked hotspot came first; the controller's inject last.
        {
          id: 'hot-1',
          at: T0 + 30 * MIN,
          source: 'satellite',
          type: 'thermal-hotspot',
          summary: '',
        },
        {
          id: 'mlrs-1',
          at: T0 + 60 * MIN,
          source: 'ground-sensor',
          type: 'mlrs-fire',
          summary: 'Six rockets launched.',
        },
        {
          id: 'mlrs-2',
          at: T0 + 64 * MIN,
          source: 'drone',
          type: 'heavy-weapon-sighting',
          summary: '',
        },
        { id: 'mlrs-3', at: T0 + 70 * MIN, source: 'observer', type: 'explosion', summary: '' },
        {
          id: 'inject-1',
          at: T0 + 76 * MIN,
          source: 'inject',
          type: 'inject',
          summary: 'Crater found.',
        },
      ],
      // When the reporting track opened, not when triage did.
      confirmedAt: T0 + 75 * MIN,
      openTracks: [
        { track: 'hotline', step: 'Chase the silent party' },
        { track: 'explanation', step: "Await the party's reply" },
        { track: 'consultation', step: 'Hold the meeting' },
        { track: 'reporting', step: 'Include it in the daily report' },
      ],
      closed: false,
      closedAt: null,
      findings: null,
      actions: [
        { action: 'confirmed-violation', at: T0 + 75 * MIN, inputs: { rationale: 'MLRS.' } },
        { action: 'spot-report-sent', at: T0 + 80 * MIN, inputs: { summary: 'Spot: MLRS.' } },
        {
          action: 'request-sent',
          at: T0 + 85 * MIN,
          inputs: { party: 'B', evidence: 'mlrs-1, mlrs-3' },
        },
        { action: 'meeting-opened', at: T0 + 90 * MIN, inputs: { summary: 'video link' } },
      ],
      // The parties' scripts answered the meeting at once.
      moves: [
        { party: 'A', move: 'attend', at: T0 + 90 * MIN, inputs: {} },
        { party: 'A', move: 'accept-measures', at: T0 + 90 * MIN, inputs: {} },
        { party: 'B', move: 'attend', at: T0 + 90 * MIN, inputs: {} },
        { party: 'B', move: 'accept-measures', at: T0 + 90 * MIN, inputs: {} },
      ],
    });
  });

  it('a closed incident: its findings and when it closed, no track open, never confirmed, in no zone', () => {
    expect(incidentFacts(s.engine, s.jam)).toMatchObject({
      title: 'Jamming — outside all zones',
      area: 'none',
      // Its own bands: it is in no incident.
      gravity: 49,
      severity: 'medium',
      certainty: 0.9,
      certaintyBand: 'confirmed',
      events: [
        {
          id: 'jam-1',
          at: T0 + 100 * MIN,
          source: 'observer',
          type: 'jamming',
          summary: 'UAV-04 lost its link.',
        },
      ],
      confirmedAt: null,
      openTracks: [],
      closed: true,
      closedAt: T0 + 120 * MIN,
      findings: {
        attribution: 'A',
        intent: 'deliberate',
        outcome: 'violation-recorded',
        evidence: 'jam-1',
      },
      moves: [],
    });
  });

  it('lies in its sector when it has one, else in every zone it touches', () => {
    expect(incidentFacts(s.engine, s.sa).area).toBe('Sector North');
    expect(incidentFacts(s.engine, s.mv).area).toBe('Demilitarised Zone 1, Exclusion Zone 1');
  });

  it('an incident the log no longer knows is named by its id alone, with nothing reported', () => {
    expect(incidentFacts(s.engine, 'A-gone')).toEqual({
      alertId: 'A-gone',
      title: 'A-gone',
      area: 'none',
      gravity: 0,
      severity: 'info',
      certainty: 0,
      certaintyBand: 'unconfirmed',
      events: [],
      confirmedAt: null,
      openTracks: [],
      closed: false,
      closedAt: null,
      findings: null,
      actions: [],
      moves: [],
    });
  });
});

describe('a daily report’s facts', () => {
  const jammed = { at: T0 + 100 * MIN, text: 'jamming: UAV-04 lost its link.' };
  const refused = {
    at: T0 + 190 * MIN,
    text: 'access refused by Party B (verification visit): No access.',
  };
  const stopped = { at: T0 + 250 * MIN, text: 'movement-restriction: ' };
  const restrictions = (end: number) => dailyFacts(s.engine, end).restrictions;

  it('lists the restrictions on the mission oldest first: the events that restrict it and the visits refused', () => {
    expect(restrictions(s.engine.now)).toEqual([jammed, refused, stopped]);
  });

  it('holds a restriction from the moment it happened until 24 hours later, not at 24 hours', () => {
    expect(restrictions(T0 + 100 * MIN - 1)).toEqual([]);
    expect(restrictions(T0 + 100 * MIN)).toEqual([jammed]);
    expect(restrictions(T0 + 100 * MIN + 24 * HOUR - 1)).toEqual([jammed, refused, stopped]);
    expect(restrictions(T0 + 100 * MIN + 24 * HOUR)).toEqual([refused, stopped]);
  });

  it('lists every incident with a run, its category its first report’s type', () => {
    expect(
      dailyFacts(s.engine, s.engine.now).incidents.map((i) => [i.alertId, i.category, i.closed]),
    ).toEqual([
      [s.mlrs, 'thermal-hotspot', false],
      [s.jam, 'jamming', true],
      [s.sa, 'small-arms-fire', false],
      [s.mv, 'movement-restriction', false],
    ]);
  });
});

describe('the Reports panel’s list', () => {
  const cutoff = (day: number) => T0 + 3 * HOUR + day * 24 * HOUR;

  it('finds the report hour in the theatre’s time zone', () => {
    expect(dailyCutoffs(s.engine)).toEqual([cutoff(0), cutoff(1), cutoff(2)]);
  });

  it('lists every product due so far, titled, and the next daily report ahead, not the one after', () => {
    expect(reportsOf(s.engine)!.map((p) => [p.key, p.title, p.written?.at ?? null])).toEqual([
      [
        `request-for-explanation:${s.mlrs}:explanation:${T0 + 75 * MIN}`,
        'Request for explanation — MLRS fire — Exclusion Zone 1',
        null,
      ],
      [
        `spot-report:${s.mlrs}:reporting:${T0 + 75 * MIN}`,
        'Spot report — MLRS fire — Exclusion Zone 1',
        T0 + 80 * MIN,
      ],
      [
        `daily-report:${s.mlrs}:reporting:${T0 + 80 * MIN}`,
        'Daily report (to include) — MLRS fire — Exclusion Zone 1',
        null,
      ],
      [
        `meeting-summary:${s.mlrs}:consultation:${T0 + 90 * MIN}`,
        'Meeting summary — MLRS fire — Exclusion Zone 1',
        null,
      ],
      [`daily-report::${cutoff(0)}`, 'Daily report, cut-off 01 Mar 2026, 06:00 GMT+3', null],
      [`daily-report::${cutoff(1)}`, 'Daily report, cut-off 02 Mar 2026, 06:00 GMT+3', null],
    ]);
  });

  it('prefills each product not yet written from the log, and shows a written one as written', () => {
    const prefill = new Map(reportsOf(s.engine)!.map((p) => [p.key, p.prefill.split('\n')]));
    expect(prefill.get(`spot-report:${s.mlrs}:reporting:${T0 + 75 * MIN}`)).toEqual([
      'Spot: MLRS.',
    ]);
    expect(prefill.get(`request-for-explanation:${s.mlrs}:explanation:${T0 + 75 * MIN}`)).toEqual([
      'REQUEST FOR EXPLANATION — to Party B',
      `Incident: MLRS fire — Exclusion Zone 1 (alert ${s.mlrs}), 01 Mar 2026, 03:30 GMT+3, Exclusion Zone 1.`,
      'The mission observed: gravity 100.0 (critical), certainty confirmed.',
      'Evidence: mlrs-1, mlrs-3',
      'The mission requests an explanation within 48 hours.',
    ]);
    expect(prefill.get(`meeting-summary:${s.mlrs}:consultation:${T0 + 90 * MIN}`)).toEqual([
      `MEETING SUMMARY — emergency consultation on MLRS fire — Exclusion Zone 1 (alert ${s.mlrs})`,
      'In session: 01 Mar 2026, 04:30 GMT+3.',
      'Attended: A, B. Refused to attend: none.',
      'Accepted the measures: A, B.',
      'Outcome: not yet recorded.',
    ]);
    const open = [
      'Incidents before the parties: 3.',
      `- ${s.mlrs} MLRS fire — Exclusion Zone 1: open — hotline: Chase the silent party; explanation: Await the party's reply; consultation: Hold the meeting; reporting: Include it in the daily report.`,
      `- ${s.sa} Small-arms fire (Small arms) — Demilitarised Zone 1, Sector North: open — verify: Record the refused visit.`,
      `- ${s.mv} Movement restriction — Demilitarised Zone 1: open — triage: Triage the alert.`,
    ];
    // The day's report covers the 24 hours to its cut-off: not the visit refused after it.
    expect(prefill.get(`daily-report::${cutoff(0)}`)).toEqual([
      'DAILY REPORT — 24 hours to 01 Mar 2026, 06:00 GMT+3',
      'Violations recorded: 1.',
      '- by category: jamming 1',
      '- by party: A 1',
      '- by area: none 1',
      'Restrictions on the mission (1):',
      '- 01 Mar 2026, 04:40 GMT+3: jamming: UAV-04 lost its link.',
      ...open,
    ]);
    // A report whose cut-off is ahead, or an incident's place in one, covers the 24 hours to now.
    const toNow = [
      'DAILY REPORT — 24 hours to 01 Mar 2026, 07:20 GMT+3',
      'Violations recorded: 1.',
      '- by category: jamming 1',
      '- by party: A 1',
      '- by area: none 1',
      'Restrictions on the mission (3):',
      '- 01 Mar 2026, 04:40 GMT+3: jamming: UAV-04 lost its link.',
      '- 01 Mar 2026, 06:10 GMT+3: access refused by Party B (verification visit): No access.',
      '- 01 Mar 2026, 07:10 GMT+3: movement-restriction: ',
      ...open,
    ];
    expect(prefill.get(`daily-report::${cutoff(1)}`)).toEqual(toNow);
    expect(prefill.get(`daily-report:${s.mlrs}:reporting:${T0 + 80 * MIN}`)).toEqual(toNow);
  });

  it('at a cut-off’s very time lists that day’s report as due, and the next day’s ahead', async () => {
    const { engine } = await story();
    await engine.advanceTo(cutoff(1));
    const daily = reportsOf(engine)!.filter((p) => p.alertId === null);
    expect(daily.map((p) => [p.key, p.prefill.split('\n')[0]])).toEqual([
      [`daily-report::${cutoff(0)}`, 'DAILY REPORT — 24 hours to 01 Mar 2026, 06:00 GMT+3'],
      [`daily-report::${cutoff(1)}`, 'DAILY REPORT — 24 hours to 02 Mar 2026, 06:00 GMT+3'],
      [`daily-report::${cutoff(2)}`, 'DAILY REPORT — 24 hours to 02 Mar 2026, 06:00 GMT+3'],
    ]);
  });
});

it('a version-1 exercise has no Reports panel', async () => {
  expect(reportsOf(await start(V1_PROTOCOL))).toBe(null);
});
