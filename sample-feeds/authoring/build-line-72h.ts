// Builds sample-feeds/line-72h: a 72-hour exercise on the notional front.
// Run from the repository root:
//   node shared/node/run-ts.mjs sample-feeds/authoring/build-line-72h.ts [out-dir]
// Deterministic: the same code writes the same bytes (seeded background).
import { generateBackground } from './background-activity';
import { assembleScenario } from './assemble-scenario';
import { briefingText } from './briefing-text';
import { LINE_72H_INJECTS, LINE_72H_SCRIPTED } from './line-72h-incidents';
import { buildZones, dayTime, missionSensors } from './notional-front';
import { scripted } from './scripted-event';
import { seededRandom } from './seeded-random';
import { writeScenarioPackage } from './write-scenario-package';

const START = Date.parse('2026-09-08T00:00:00Z');
const END = START + 72 * 3_600_000;
const SEED = 0x72_2026;
const CLASSIFICATION = 'EXERCISE EXERCISE EXERCISE — NOTIONAL';

const sensors = missionSensors(START, END);
// UAV-04 is jammed and lost at 05:48 UTC on day 3: its last sortie ends there.
const uav04 = sensors.find((s) => s.id === 'UAV-04')!;
const lostAt = dayTime(START, 3, '05:48');
uav04.windows = uav04.windows.map(([a, b]) => (a < lostAt && b > lostAt ? [a, lostAt] : [a, b]));

const incidents = LINE_72H_SCRIPTED.map((row) => scripted(row, START, sensors));
const background = generateBackground({
  random: seededRandom(SEED),
  start: START,
  end: END,
  sensors,
  sectors: [0, 1, 2, 3, 4],
  rate: 12,
  reserved: incidents.filter((d) => d.at).map((d) => ({ at: d.at!, t: d.t })),
  satellites: true,
  utcOffsetHours: 3,
});

const files = assembleScenario({
  id: 'line-72h',
  title: 'Line 72h — three days on the Aldania–Varesh line of contact',
  classification: CLASSIFICATION,
  start: START,
  end: END,
  timezone: 'Europe/Kyiv',
  version: 2,
  utcOffsetHours: 3,
  zones: buildZones(),
  sensors,
  scripted: incidents,
  background,
  injects: LINE_72H_INJECTS,
  briefing: briefingText({
    title: 'Line 72h — situation briefing',
    classification: CLASSIFICATION,
    window: '8 September 2026 00:00 UTC to 11 September 2026 00:00 UTC (72 hours)',
    situation: `Nine days into the ceasefire between the Republic of Aldania and the Varesh
Authority, the line of contact is mostly quiet by day and noisy by night:
bursts of small-arms fire, isolated explosions, digging, unidentified UAVs.
It is harvest time; farmers burn stubble and move machinery in columns close
to the line. Both parties accuse each other of bringing heavy weapons back
into the exclusion zones. The Guarantor Contact Group has asked the Mission
for fast, factual reporting and for the consultation mechanism to be used
rather than public accusations.`,
    sensors: `- **Radar satellites SAR-1 and SAR-2** — a pass every 12 hours each (04:10 and
  16:10, 09:50 and 21:50 UTC); see through cloud and at night; good for
  vehicle concentrations and change detection, poor at identifying weapons.
- **Optical satellites OPT-1 and OPT-2** — one daytime pass a day each (08:30
  and 10:15 UTC), 0.5 m imagery; blocked by cloud (expect lost passes).
- **Fire-detection satellite THERM-1** — four passes a day; detects heat,
  including crop fires: rarely enough on its own.
- **Mission UAVs UAV-01 to UAV-06** — long-range drones, sorties of 6–8 hours,
  about 150 km range from their bases; vulnerable to jamming.
- **Fixed ground sensors** — twelve acoustic arrays (ACOUSTIC-01 to -12, about
  15 km range, locate artillery and mortar fire to a few hundred metres),
  seismic sensors and thermal cameras at the disengagement areas and the
  reservoir dam. Outages are reported as sensor faults.
- **Observer patrols PATROL-01 to PATROL-10** — daytime patrols (08:00–18:00
  local) from their bases, reporting what they see and hear with range bands
  and bearings; PATROL-07 at the Korvany forward patrol base is staffed round
  the clock.

Coverage windows are on the map; gaps are real and part of the exercise.`,
    play: `Events arrive when the feed delivers them: imagery one to two hours after
the pass, patrol reports some minutes after what they saw. Controllers deliver
injects (hotline calls, statements, media reports, meeting requests) from the
Master Scenario Events List. Expect several alerts open at once on the
evening of day 2. Not every alert is a violation: some sensors will mislead
you. Work the queue from the top; verify before you notify when the evidence
is thin; never close an alert without a rationale.`,
  }),
});

const outDir = process.argv[2] ?? 'sample-feeds/line-72h';
const written = writeScenarioPackage(outDir, files);
const total = files.feeds.reduce((n, f) => n + f.drafts.length, 0) + files.msel.rows.length;
process.stdout.write(
  `${outDir}: ${written.length} files, ${total} events (${files.feeds
    .map((f) => `${f.path} ${f.drafts.length}`)
    .join(', ')}, feeds/msel.csv ${files.msel.rows.length})\n`,
);
