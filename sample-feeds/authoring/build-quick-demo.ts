// Builds sample-feeds/quick-demo: six hours in Sector 2 with one critical
// incident (MLRS near Marrin), one high (a drone strike by Orvale), one false
// alarm (a crop fire) and one inject, over light background.
// Run from the repository root:
//   node shared/node/run-ts.mjs sample-feeds/authoring/build-quick-demo.ts [out-dir]
import { NOTIONAL_CLASSIFICATION, assembleScenario, type InjectRow } from './assemble-scenario';
import { briefingText } from './briefing-text';
import { exerciseEvents } from './exercise-events';
import { DAY_THREE, MLRS_IN_EXCLUSION_ZONE } from './line-72h-incidents';
import { buildZones, dayTime } from './notional-front';
import { STATE_A, STATE_B } from './notional-geography';
import type { ScriptedEvent } from './scripted-event';
import { writePackageAndReport } from './write-scenario-package';

// The clock of line-72h (day 1 = 8 March 2027, local) so the shared incident rows keep their times.
const LOCAL_DAY_ONE = Date.parse('2027-03-08T08:00:00Z');
const START = dayTime(LOCAL_DAY_ONE, 2, '09:00');
const END = dayTime(LOCAL_DAY_ONE, 2, '15:00');
const SEED = 0xde_3002;

/** The Orvale drone strike of line-72h day 3, moved to this morning. */
const strike: ScriptedEvent[] = DAY_THREE.filter((e) => e.id.includes('ORVALE')).map((e) => ({
  ...e,
  day: 2,
  clock: e.id.startsWith('OBS') ? '10:22:00' : '10:40:00',
}));

const cropFire: ScriptedEvent = {
  id: 'SAT-FIRE-S2-1',
  day: 2,
  clock: '13:51:30',
  delayMin: 50,
  source: 'satellite',
  sensor: 'THERM-1',
  type: 'thermal-hotspot',
  s: 190,
  off: 26,
  precision_m: 375,
  confidence: 0.25,
  summary:
    'THERM-1: thermal anomaly in farmland 26 km north of the line (fire radiative power 3 MW).',
  truth: 'false-positive',
  expected_action:
    'One low-confidence thermal source in farmland far from the line at harvest time: close as a false alarm (stubble burning).',
};

const INJECTS: InjectRow[] = [
  [
    'MSEL-001',
    2,
    '13:55',
    'Hotline call: Party A reports rocket impacts in fields south of Tessel, no casualties, and demands that the Mission confirm the launch site.',
    'Link the call to the MLRS alert near Marrin; tell Party A the Mission is verifying; follow the protocol.',
    'Party A liaison officer',
    'Mission duty officer',
    'Hotline',
    'A',
    'Emergency consultation',
  ],
];

const { sensors, incidents, background } = exerciseEvents({
  start: START,
  end: END,
  localDayOne: LOCAL_DAY_ONE,
  scripted: [...MLRS_IN_EXCLUSION_ZONE, ...strike, cropFire],
  background: { seed: SEED, sectors: [1], rate: 16, satellites: false, corroborated: 0.2 },
});

const files = assembleScenario({
  id: 'quick-demo',
  title: 'Quick demo — six hours in Sector 2 (Reservoir)',
  classification: NOTIONAL_CLASSIFICATION,
  start: START,
  end: END,
  localDayOne: LOCAL_DAY_ONE,
  zones: buildZones(),
  sensors,
  scripted: incidents,
  background,
  injects: INJECTS,
  briefing: briefingText({
    title: 'Quick demo — situation briefing',
    classification: NOTIONAL_CLASSIFICATION,
    window: '9 March 2027 09:00 to 15:00 local time (6 hours)',
    situation: `A short morning on the Reservoir sector (Sector 2) of the ${STATE_A.short}–${STATE_B.short}
line of contact, a week into the ceasefire. Expect a little routine fire, one
incident that needs the full escalation protocol, one that needs prompt
notification, and one report that is not what it seems.`,
    sensors,
    sensorNotes: `In this demo the sensors that matter are over Sector 2: **OPT-1** images
NAI-2 Marrin–Tessel at 11:30 local; **THERM-1** detects fires at 13:50 local
(crop fires show up too); **UAV-02** is airborne from 09:30 to 16:30 local;
the acoustic arrays ACOUSTIC-05 to ACOUSTIC-09 and the patrols PATROL-03
(Orvale) and PATROL-04 (east of Marrin) work the sector.`,
    play: `A few dozen events over six hours; at eight times speed the demo runs in
45 minutes. Work the queue from the top; verify before notifying when a
report stands alone.`,
  }),
});

writePackageAndReport(process.argv[2] ?? 'sample-feeds/quick-demo', files);
