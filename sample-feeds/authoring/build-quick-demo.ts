// Builds sample-feeds/quick-demo: six hours in Sector 2 with one critical
// incident (MLRS in Exclusion Zone 2), one high (a drone strike by Oravets),
// one false alarm (a crop fire) and one inject, over light background.
// Run from the repository root:
//   node shared/node/run-ts.mjs sample-feeds/authoring/build-quick-demo.ts [out-dir]
import { generateBackground } from './background-activity';
import { assembleScenario, type InjectRow } from './assemble-scenario';
import { briefingText } from './briefing-text';
import { DAY_THREE, MLRS_IN_EXCLUSION_ZONE } from './line-72h-incidents';
import { buildZones, missionSensors } from './notional-front';
import { scripted, type ScriptedEvent } from './scripted-event';
import { seededRandom } from './seeded-random';
import { writeScenarioPackage } from './write-scenario-package';

// The clock of line-72h (day 1 = 8 September) so the shared incident rows keep their times.
const DAY_ONE = Date.parse('2026-09-08T00:00:00Z');
const START = Date.parse('2026-09-09T06:00:00Z');
const END = Date.parse('2026-09-09T12:00:00Z');
const SEED = 0xde_3001;
const CLASSIFICATION = 'EXERCISE EXERCISE EXERCISE — NOTIONAL';

/** The Oravets drone strike of line-72h day 3, moved to this morning. */
const strike: ScriptedEvent[] = DAY_THREE.filter((e) => e.id.includes('ORAVETS')).map((e) => ({
  ...e,
  day: 2,
  clock: e.id.startsWith('OBS') ? '07:22:00' : '07:40:00',
}));

const cropFire: ScriptedEvent = {
  id: 'SAT-FIRE-S2-1',
  day: 2,
  clock: '10:51:30',
  delayMin: 50,
  source: 'satellite',
  sensor: 'THERM-1',
  type: 'thermal-hotspot',
  s: 280,
  off: 26,
  precision_m: 375,
  confidence: 0.25,
  summary:
    'THERM-1: thermal anomaly in farmland 26 km north-west of the line (fire radiative power 3 MW).',
  truth: 'false-positive',
  expected_action:
    'One low-confidence thermal source in farmland far from the line at harvest time: close as a false alarm (stubble burning).',
};

const INJECTS: InjectRow[] = [
  [
    'MSEL-001',
    2,
    '13:55',
    'Hotline call: Party A reports rocket impacts in fields south of Teslavo, no casualties, and demands that the Mission confirm the launch site.',
    'Link the call to the Exclusion Zone 2 alert; tell Party A the Mission is verifying; follow the protocol.',
    'Party A liaison officer',
    'Mission duty officer',
    'Hotline',
    'A',
    'Emergency consultation',
  ],
];

const sensors = missionSensors(START, END, DAY_ONE);
const incidents = [...MLRS_IN_EXCLUSION_ZONE, ...strike, cropFire].map((row) =>
  scripted(row, DAY_ONE, sensors),
);
const background = generateBackground({
  random: seededRandom(SEED),
  start: START,
  end: END,
  sensors,
  sectors: [1],
  rate: 22,
  reserved: incidents.filter((d) => d.at).map((d) => ({ at: d.at!, t: d.t })),
  satellites: false,
  utcOffsetHours: 3,
});

const files = assembleScenario({
  id: 'quick-demo',
  title: 'Quick demo — six hours in Sector 2 (Reservoir)',
  classification: CLASSIFICATION,
  start: START,
  end: END,
  timezone: 'Europe/Kyiv',
  utcOffsetHours: 3,
  zones: buildZones(),
  sensors,
  scripted: incidents,
  background,
  dayOne: DAY_ONE,
  injects: INJECTS,
  briefing: briefingText({
    title: 'Quick demo — situation briefing',
    classification: CLASSIFICATION,
    window: '9 September 2026 06:00 to 12:00 UTC (6 hours, 09:00–15:00 local)',
    situation: `A short morning on the Reservoir sector (Sector 2) of the Aldania–Varesh
line of contact, nine days into the ceasefire. Expect a little routine
fire, one incident that needs the full escalation protocol, one that needs
prompt notification, and one report that is not what it seems.`,
    sensors: `- **Optical satellite OPT-1** passes at 08:30 UTC; **THERM-1** fire detection at
  10:50 UTC (crop fires show up too); radar passes at 09:50 UTC.
- **UAV-02** is airborne over Sector 2 from 06:30 to 13:30 UTC.
- **Acoustic arrays** along the line (ACOUSTIC-03, -04, -15 and others) and
  **patrols** PATROL-03 (Oravets) and PATROL-04 (east of Marovka), 08:00–18:00 local.`,
    play: `A few dozen events over six hours; at eight times speed the demo runs in
45 minutes. Work the queue from the top; verify before notifying when a
report stands alone.`,
  }),
});

const outDir = process.argv[2] ?? 'sample-feeds/quick-demo';
const written = writeScenarioPackage(outDir, files);
const total = files.feeds.reduce((n, f) => n + f.drafts.length, 0) + files.msel.rows.length;
process.stdout.write(
  `${outDir}: ${written.length} files, ${total} events (${files.feeds
    .map((f) => `${f.path} ${f.drafts.length}`)
    .join(', ')}, feeds/msel.csv ${files.msel.rows.length})\n`,
);
