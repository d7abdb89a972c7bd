// Builds sample-feeds/drone-line-48h: 48 hours on the same line of contact
// as line-72h, six months later, when the guns have been withdrawn and the
// parties fight with drones. Run from the repository root:
//   node shared/node/run-ts.mjs sample-feeds/authoring/build-drone-line-48h.ts [out-dir]
// Deterministic: the same code writes the same bytes (seeded background).
import type { Kind } from './background-activity';
import { NOTIONAL_CLASSIFICATION, assembleScenario } from './assemble-scenario';
import { briefingText } from './briefing-text';
import { exerciseEvents } from './exercise-events';
import { DRONE_LINE_INJECTS, DRONE_LINE_SCRIPTED } from './drone-line-48h-incidents';
import { droneLine48hPartyScript } from './drone-line-48h-party-script';
import {
  DRONE_SORTIES,
  buildZones,
  dayTime,
  type SensorPlan,
  type UavExclusion,
} from './notional-front';
import { STATE_A, STATE_B } from './notional-geography';
import { writePackageAndReport } from './write-scenario-package';

/** Local midnight (UTC−8) at the start of day 1, 14 September 2027: early spring. */
const LOCAL_DAY_ONE = Date.parse('2027-09-14T08:00:00Z');
/** Play runs from 06:00 local on day 1 to 06:00 local on day 3. */
const START = dayTime(LOCAL_DAY_ONE, 1, '06:00');
const END = START + 48 * 3_600_000;
const SEED = 0xd0_2048;

/** The drone addendum of the agreement: no party UAVs within 15 km of the line. */
export const UAV_EXCLUSION: UavExclusion = {
  id: 'uez-15',
  name: 'UAV exclusion zone (15 km)',
  depthKm: 15,
};

/** The bases of line-72h's drones with these sorties. */
const sortiesOf = (rows: readonly (readonly [string, number, string, number])[]) =>
  DRONE_SORTIES.map((d) => ({
    ...d,
    sorties: rows.filter((r) => r[0] === d.id).map(([, ...sortie]) => sortie),
  }));

/**
 * The same sensors as line-72h, flown and tasked for these two days: the
 * optical passes image the disengagement area at the Lunara mine with the
 * power station beside it, and the Varnet–Kerrow road, where both sides' drone
 * units are; the radar passes repeat over the depots.
 */
const PLAN: SensorPlan = {
  days: 3,
  tasking: {
    'SAR-1': { '1-07:10': 'NAI-8', '1-19:10': 'NAI-9', '2-07:10': 'NAI-8', '2-19:10': 'NAI-9' },
    'SAR-2': { '1-12:50': 'NAI-7', '2-00:50': 'NAI-6', '2-12:50': 'NAI-7', '3-00:50': 'NAI-6' },
    'OPT-1': { '1-11:30': 'NAI-10', '2-11:30': 'NAI-10' },
    'OPT-2': { '1-13:15': 'NAI-3', '2-13:15': 'NAI-11' },
  },
  // [drone, day, "HH:MM" local, hours]
  sorties: sortiesOf([
    ['UAV-01', 1, '08:00', 7],
    ['UAV-01', 2, '08:00', 7],
    ['UAV-02', 1, '07:00', 7],
    ['UAV-02', 2, '14:00', 7],
    ['UAV-03', 1, '18:00', 7.5],
    ['UAV-03', 2, '18:00', 7.5],
    ['UAV-04', 1, '07:30', 7],
    ['UAV-04', 2, '07:00', 7],
    ['UAV-05', 1, '19:00', 7.5],
    ['UAV-05', 2, '08:00', 7],
    ['UAV-05', 2, '19:30', 7],
    ['UAV-06', 1, '11:00', 7],
    ['UAV-06', 2, '22:00', 7.5],
  ]),
  cloudBlocked: [],
  outages: [
    {
      id: 'ACOUSTIC-18',
      from: [2, '04:30'],
      to: [2, '14:00'],
      reason: 'mains power lost after the strike on the Lunara power station',
    },
  ],
};

/** A 2020s line: FPV strikes on positions are a large part of the daily noise. */
const DRONE_LINE_KINDS: readonly (readonly [Kind, number])[] = [
  ['fpv', 26],
  ['small-arms', 22],
  ['explosion', 22],
  ['uav-overflight', 12],
  ['mortar', 5],
  ['troop-movement', 6],
  ['fortification-work', 5],
  ['vehicle-column', 2],
];

// UAV-04 is jammed and turns home at 09:52 local on day 1: that sortie ends there.
const { sensors, incidents, background } = exerciseEvents({
  start: START,
  end: END,
  localDayOne: LOCAL_DAY_ONE,
  plan: PLAN,
  sortieCut: { sensor: 'UAV-04', at: dayTime(LOCAL_DAY_ONE, 1, '09:52') },
  scripted: DRONE_LINE_SCRIPTED,
  background: {
    seed: SEED,
    sectors: [0, 1, 2, 3, 4],
    rate: 9,
    kinds: DRONE_LINE_KINDS,
    satellites: true,
    corroborated: 0.2,
  },
});

const files = assembleScenario({
  id: 'drone-line-48h',
  title: `Drone line 48h — two days of drones on the ${STATE_A.short}–${STATE_B.short} line of contact`,
  classification: NOTIONAL_CLASSIFICATION,
  start: START,
  end: END,
  localDayOne: LOCAL_DAY_ONE,
  version: 2,
  zones: buildZones({ uavExclusion: UAV_EXCLUSION }),
  sensors,
  scripted: incidents,
  background,
  injects: DRONE_LINE_INJECTS,
  partyScript: droneLine48hPartyScript(LOCAL_DAY_ONE),
  briefing: briefingText({
    title: 'Drone line 48h — situation briefing',
    classification: NOTIONAL_CLASSIFICATION,
    window: '14 September 2027 06:00 to 16 September 2027 06:00 local time (48 hours)',
    situation: `Six months into the ceasefire between the ${STATE_A.name} and the
${STATE_B.name}, the guns and rocket launchers are mostly behind their
withdrawal lines, but the war has moved into the air. Both parties use small
FPV drones and loitering munitions along the line, fly reconnaissance UAVs over
each other's positions, and jam what they cannot shoot down — the Mission's
own drones included. Each blames the other for strikes on villages and roads.
It is early spring. The Guarantor Contact Group expects the Mission's daily
report at 09:00 local and fast, factual reporting of anything grave in
between, and has asked the parties to use the consultation mechanism rather
than public accusations.`,
    sensors,
    sensorNotes: `Small drones are hard to see: acoustic arrays hear the blast of a warhead
but not the drone that carried it, and give no calibre; patrols see and hear
drones within a few km; the Mission's UAVs see what they are sent to look at.
Media and social-media reports often arrive first. Some are true, some are
old or staged; they count as evidence only once checked. The operators of a
parties' UAV are usually kilometres from where it strikes: where it was
launched and where it hit are separate findings.`,
    extraTerms: `- **Drone addendum (1 August 2027)** — no military UAV of either party
  (reconnaissance, FPV or loitering munition) may fly or be launched within
  ${UAV_EXCLUSION.depthKm} km of the line of contact, on either side (zone \`${UAV_EXCLUSION.id}\` on the map); the
  Mission's UAVs are exempt. No strike by any means on settlements or
  protected sites, at any distance from the line.
`,
    play: `Events arrive when the feed delivers them: imagery one to two hours after
the pass, patrol reports some minutes after what they saw, media reports when
someone posts them. Controllers deliver injects (hotline calls, statements,
meeting requests, the guarantors' demands) from the Master Scenario Events
List. Several alerts will be open at once, at night as well as by day, and
some reports will mislead you. Work the queue from the top; verify before you
notify when the evidence is thin; keep what the Mission verified apart from
what others claim; never close an alert without a rationale.`,
  }),
});

writePackageAndReport(process.argv[2] ?? 'sample-feeds/drone-line-48h', files);
