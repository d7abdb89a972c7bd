// The three samples ranked at their scripted moments, through the real
// loader and alert engine with the built-in model: every grave violation is
// at or near the top of the queue when its last violation report comes in,
// and every false alarm ranks low or ends cleared. "Near the top" is the
// first TOP_N of the queue (active alerts first, docs/ALERTS-AND-SEVERITY.md,
// invariant 11): what an operator reads without scrolling.
//
// Which violations are grave is the trainer's judgement of the ground truth,
// written below per incident with its reason, not something read back from
// the scoring model: a harm to people, a strike (drone, missile, aircraft),
// heavy weapons used or deployed in breach of the withdrawal zones, fire on
// settlements or protected sites, or an attack on the Mission. Routine
// violations (exchanges of small-arms and light-mortar fire at the line,
// works in a separation strip, a party's UAV flights) are recorded for the
// daily report and may rank anywhere. Every violation of a sample must be
// classified here, so a new incident cannot slip past the check.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { rankAlertsAt } from '../../../shared/replay/rank-at';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { SAMPLES, sampleDir, type SampleId } from './sample-files';

const TOP_N = 5;

/**
 * Incidents by their `incident` name; quick-demo (a version-1 scenario) names
 * none, so its incidents are the alerts that hold its scripted reports, as the
 * after-action report judges them.
 */
const GRAVE: Record<SampleId, Record<string, string>> = {
  'quick-demo': {
    'A-SAT-S2-MLRS-1': 'four 122 mm MLRS inside the MLRS and heavy-weapons zones, then firing',
    'A-DRN-ORVALE-UAV-1': 'a drone strike on a civilian near Orvale, one killed',
  },
  'line-72h': {
    'shelling-of-kerrow': '152 mm artillery on a town: three civilians killed',
    'mlrs-in-s2': 'MLRS inside the MLRS and heavy-weapons zones, then firing',
    'tank-in-s1': 'a tank firing inside the 15 km zone',
    'howitzers-s3': 'six 152 mm howitzers inside the 50 km zone',
    'da2-incursion': 'armed personnel and 120 mm mortar fire inside a disengagement area',
    'uav04-jammed': "the Mission's drone jammed and lost, its patrol turned back",
    'orvale-drone-strike': 'a loitering munition on a tractor, the driver injured',
  },
  'drone-line-48h': {
    'fpv-car-istrel': 'an FPV strike on a family car, two civilians injured',
    'uav04-jammed': "the Mission's drone jammed and sent home",
    'power-station-strike': 'missiles on a protected site behind the line, one killed',
    'varnet-market-strike': 'loitering munitions on a market: 14 civilians killed',
    'air-defence-kerrow':
      'an armed loitering munition flown across the line into the UAV exclusion zone, brought down by air defence',
  },
};

const ROUTINE: Record<SampleId, Record<string, string>> = {
  'quick-demo': {},
  'line-72h': {
    'clash-near-kerrow': 'an exchange of small-arms fire at the line',
    'dmz-digging-s5': 'a trench dug in the demilitarized strip',
  },
  'drone-line-48h': {
    'uav-flights-in-exclusion-zone':
      "parties' UAV flights in the exclusion zone: record, not urgent",
  },
};

interface Incident {
  name: string;
  events: ReplayEvent[];
}

const scenarios = new Map<SampleId, LoadedScenario>();

beforeAll(async () => {
  for (const id of SAMPLES) {
    const outcome = await loadScenarioFromPath(sampleDir(id));
    if (!outcome.ok || outcome.kind !== 'scenario') throw new Error(`${id} did not load`);
    scenarios.set(id, outcome.scenario);
  }
});

/** The sample's scripted incidents: events with a ground truth, by incident (or by alert). */
function incidentsOf(scenario: LoadedScenario): Incident[] {
  const end = Math.max(...scenario.events.map((e) => e.shownAt));
  const alertOf = new Map<string, string>();
  for (const alert of rankAlertsAt(scenario, end))
    for (const id of alert.eventIds) alertOf.set(id, alert.id);
  const byName = new Map<string, ReplayEvent[]>();
  for (const e of scenario.events) {
    if (e.event.truth === undefined) continue;
    const name = e.event.incident ?? alertOf.get(e.event.id)!;
    byName.set(name, [...(byName.get(name) ?? []), e]);
  }
  return [...byName].map(([name, events]) => ({ name, events }));
}

const isViolation = (i: Incident) => i.events.some((e) => e.event.truth === 'violation');
const isFalseAlarm = (i: Incident) => i.events.every((e) => e.event.truth === 'false-positive');
/** The moment the scenario has said all it will about the incident being a violation. */
const lastViolationShown = (i: Incident) =>
  Math.max(...i.events.filter((e) => e.event.truth === 'violation').map((e) => e.shownAt));
const lastShown = (i: Incident) => Math.max(...i.events.map((e) => e.shownAt));

describe.each(SAMPLES)('%s at its scripted moments', (id) => {
  it('classifies every violation as grave or routine, and names no incident it does not have', () => {
    const violations = incidentsOf(scenarios.get(id)!)
      .filter(isViolation)
      .map((i) => i.name)
      .sort();
    expect(violations).toEqual([...Object.keys(GRAVE[id]), ...Object.keys(ROUTINE[id])].sort());
  });

  it(`ranks every grave violation in the top ${TOP_N} when its last violation report comes in`, () => {
    const scenario = scenarios.get(id)!;
    const placed = incidentsOf(scenario)
      .filter((i) => GRAVE[id][i.name] !== undefined)
      .map((i) => {
        const at = lastViolationShown(i);
        const ids = new Set(i.events.map((e) => e.event.id));
        const queue = rankAlertsAt(scenario, at);
        const rank = queue.findIndex((a) => a.eventIds.some((e) => ids.has(e))) + 1;
        const alert = queue[rank - 1];
        return `${i.name}: #${rank} ${alert?.severity} ${alert?.gravity} at ${new Date(at).toISOString()}`;
      });
    expect(placed.length).toBe(Object.keys(GRAVE[id]).length);
    const beyond = placed.filter((line) => {
      const rank = Number(/#(\d+)/.exec(line)![1]);
      return rank < 1 || rank > TOP_N;
    });
    expect(beyond, placed.join('\n')).toEqual([]);
  });

  it('ranks every false alarm low, or has it cleared by its last report', () => {
    const scenario = scenarios.get(id)!;
    for (const incident of incidentsOf(scenario).filter(isFalseAlarm)) {
      const ids = new Set(incident.events.map((e) => e.event.id));
      const alerts = rankAlertsAt(scenario, lastShown(incident)).filter((a) =>
        a.eventIds.some((e) => ids.has(e)),
      );
      expect(alerts.length, incident.name).toBeGreaterThan(0);
      for (const a of alerts) {
        const fine = a.state === 'cleared' || ['low', 'info'].includes(a.severity);
        expect(fine, `${incident.name}: ${a.id} ${a.state} ${a.severity} ${a.gravity}`).toBe(true);
      }
    }
  });
});
