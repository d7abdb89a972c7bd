// The situation briefing shown before play: the setting, the terms of the
// notional ceasefire and the sensors, written from the same data as the zones
// and sensors files so that the briefing and the map always agree. The parts
// that differ between samples are passed in.
import { TRACE_LENGTH_KM, lineOfContact, polylineKm } from './front-geometry';
import {
  ACOUSTIC_SITES,
  DISENGAGEMENT_AREAS,
  DMZ_HALF_WIDTH_KM,
  PATROL_BASES,
  SATELLITES,
  SECTOR_NAMES,
  WITHDRAWAL_ZONES,
  type MissionSensor,
} from './notional-front';
import {
  CAPITALS,
  HOST_STATE,
  ISLAND,
  PROTECTED_SITES,
  SETTLEMENTS,
  SETTLEMENT_PROHIBITED,
  STATE_A,
  STATE_B,
  TIME_ZONE,
  UTC_OFFSET_HOURS,
  UTC_OFFSET_LABEL,
} from './notional-geography';

export interface BriefingParts {
  title: string;
  classification: string;
  window: string;
  situation: string;
  /** What matters about the sensors in this scenario, after the generated inventory. */
  sensorNotes: string;
  play: string;
  /** Terms this exercise's agreement adds (Markdown list items), after the protected sites. */
  extraTerms?: string;
  /** The mission's sensors as the package lists them (for counts and the tasking plan). */
  sensors: readonly MissionSensor[];
}

const thousands = (n: number) => n.toLocaleString('en-GB');

const PLURAL: Record<string, string> = {
  artillery: 'artillery',
  mlrs: 'MLRS',
  tank: 'tanks',
  mortar: 'mortars',
};
/** "artillery, MLRS, tanks or mortars": what settlements must not hold. */
const WEAPON_WORDS = ((words: string[]) => `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`)(
  SETTLEMENT_PROHIBITED.map((w) => PLURAL[w] ?? w),
);

/** "HH:MM" local of an epoch ms. */
function localClock(ms: number): string {
  return new Date(ms + UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(11, 16);
}

/** Day number (1-based) of an epoch ms, counted from the first pass listed. */
function localDay(ms: number, localDayOne: number): number {
  return Math.floor((ms - localDayOne) / 86_400_000) + 1;
}

function taskingPlan(sensors: readonly MissionSensor[]): string {
  const passes = sensors
    .filter((s) => s.footprints && s.footprints.length > 0)
    .flatMap((s) => s.footprints!.map((f) => ({ sensor: s, f })))
    .sort((a, b) => a.f.window[0] - b.f.window[0] || a.sensor.id.localeCompare(b.sensor.id));
  if (passes.length === 0) return '';
  // Local midnight before the first pass: the plan is by exercise day.
  const first = passes[0]!.f.window[0];
  const dayOne = first - ((first + UTC_OFFSET_HOURS * 3_600_000) % 86_400_000);
  const rows = passes.map(
    ({ sensor, f }) =>
      `| ${localDay(f.window[0], dayOne)} | ${localClock(f.window[0])} | ${sensor.id} | ${f.scene} |`,
  );
  return `
Imaging satellites see only the scene each pass was tasked on, a strip
across the line a few tens of km long (optical about 15 km wide, radar about
30 km wide), never the whole front. The collection plan for the exercise
(local times; the scene footprints are in the sensors file):

| day | pass | satellite | scene imaged |
|---|---|---|---|
${rows.join('\n')}
`;
}

function sensorInventory(sensors: readonly MissionSensor[]): string {
  const count = (prefix: string) => sensors.filter((s) => s.id.startsWith(prefix)).length;
  const cameras = sensors.filter((s) => s.id.startsWith('CAM-'));
  const arrays = count('ACOUSTIC-');
  const drones = sensors.filter((s) => s.kind === 'drone');
  const radar = SATELLITES.filter((s) => s.id.startsWith('SAR'));
  const optical = SATELLITES.filter((s) => s.id.startsWith('OPT'));
  const fire = SATELLITES.filter((s) => s.id.startsWith('THERM'));
  return `- **Radar satellites ${radar.map((s) => s.id).join(' and ')}** — a pass every 12 hours each
  (${radar.map((s) => s.passes.join(' and ')).join('; ')} local); stripmap scenes about 30 km wide;
  see through cloud and at night; good for vehicle concentrations and change
  detection, poor at identifying weapons.
- **Optical satellites ${optical.map((s) => s.id).join(' and ')}** — one daytime pass a day each
  (${optical.map((s) => s.passes.join(', ')).join(' and ')} local), 0.5 m imagery in scenes
  about 15 km wide; blocked by cloud (expect lost passes).
- **Fire-detection satellite ${fire.map((s) => s.id).join(', ')}** — ${fire[0]?.passes.length ?? 0} passes a day over the whole island,
  375 m pixels; detects heat, including crop fires: rarely enough on its own.
- **Mission UAVs ${drones[0]!.id} to ${drones.at(-1)!.id}** — ${drones.length} long-range drones flying from
  bases on both sides of the line, sorties of 6–8 hours, about 150 km range;
  vulnerable to jamming.
- **Fixed ground sensors** — ${arrays} acoustic arrays (${ACOUSTIC_SITES[0]!.id} to ${ACOUSTIC_SITES.at(-1)!.id}, about
  15 km range, locate artillery and mortar fire to a few hundred metres),
  seismic sensors and thermal cameras at the ${DISENGAGEMENT_AREAS.length} disengagement areas, and
  ${cameras.length - DISENGAGEMENT_AREAS.length} camera at the Sennet dam (${cameras.length} cameras in all). Outages are reported
  as sensor faults.
- **Observer patrols ${PATROL_BASES[0]!.id} to ${PATROL_BASES.at(-1)!.id}** — ${PATROL_BASES.length} daytime patrols (08:00–18:00
  local) from bases on both sides, reporting what they see and hear with range
  bands and bearings; they also do crater analysis on the ground (calibre and
  direction of fire, which no camera in the air can give). PATROL-07 at the
  Kerrow forward patrol base is staffed round the clock.
${taskingPlan(sensors)}
Coverage windows are on the map; gaps are real and part of the exercise.`;
}

/** The briefing as Markdown. */
export function briefingText(parts: BriefingParts): string {
  const lineKm = Math.round(polylineKm(lineOfContact()));
  const nearLine = SETTLEMENTS.reduce((n, s) => n + s.population, 0);
  const towns = SETTLEMENTS.filter((s) => s.town).map(
    (s) => `${s.name} (${thousands(s.population)})`,
  );
  const zoneRows = WITHDRAWAL_ZONES.map((z) => `| ${z.depthKm} km | ${z.name} | ${z.what} |`).join(
    '\n',
  );
  return `# ${parts.title}

**${parts.classification}**

> All names, places, units, people and events in this scenario are notional.
> The island of ${ISLAND} does not exist: its coordinates lie in open ocean in
> the South Pacific, far from any land, so that the map shows no real place.
> The line, the zones and the incidents do not depict any real front, past
> or present. EXERCISE.

**Exercise window:** ${parts.window}. Times in the feeds are UTC; the console
shows local time (${UTC_OFFSET_LABEL}, time zone \`${TIME_ZONE}\`).

## Situation

${parts.situation}

## The setting

${ISLAND} is an island of about 900 by 550 km. The ${STATE_A.name} holds the
north, the ${STATE_B.name} the south, and the ${HOST_STATE.name} the east,
where the Mission has its headquarters in ${HOST_STATE.capital}. The capitals of
the parties, ${CAPITALS.filter((c) => c.id !== 'aubrel')
    .map((c) => `${c.name} (${thousands(c.population)})`)
    .join(' and ')}, lie on the coasts, 250 km from the line.

The line of contact crosses the island from the long dune coast in the west to
the border with ${HOST_STATE.short}. It keeps within a few km of the pre-war border
between the two republics, crossing it several times. Three rivers cut across
it from north to south: the Tamber (bridge at Bellmere), the Sennet (a dam and
reservoir 4 km north of the line) and the Marle (the Darnel crossing). A
highway on each side runs parallel to the line; the roads that crossed it are
cut at the disengagement areas.

About ${thousands(nearLine)} people live in the ${SETTLEMENTS.length} towns and villages near the line
(pre-war census); the towns are ${towns.slice(0, -1).join(', ')} and ${towns.at(-1)}.
Protected sites near the line:

${PROTECTED_SITES.map((p) => `- **${p.name}** — ${p.what}.`).join('\n')}

## Parties

| id | party | role |
|---|---|---|
| A | ${STATE_A.name} | party to the ceasefire; holds the north side of the line |
| B | ${STATE_B.name} | party to the ceasefire; holds the south side of the line |
| MM | Joint Monitoring Mission | monitors and verifies; runs this operations room |
| G | Guarantor Contact Group | guarantors of the agreement; convene and chair consultations |

Each party keeps a liaison officer on the 24-hour hotline to the Mission's
duty officer.

## The ceasefire terms (Agreement of 1 March 2027)

- **Line of contact** — ${lineKm} km long, from the west coast to the border
  with ${HOST_STATE.short} (${Math.round(TRACE_LENGTH_KM)} km along its trace). Any firing across it, any
  crossing by armed personnel, is a violation.
- **Demilitarized strip** — ${DMZ_HALF_WIDTH_KM} km either side of the line.
  No armed personnel, weapons or new fortifications inside it.
- **Withdrawal lines** — heavy weapons withdrawn from the line on both sides,
  along its whole length, each class beyond the reach of its own range:

| depth from the line, each side | zone | prohibited inside |
|---|---|---|
${zoneRows}

Weapons behind their withdrawal line are kept at declared storage sites,
which the Mission may inspect.

- **Disengagement areas** — ${DISENGAGEMENT_AREAS.length} areas of about 2 x 2 km on the line
  (${DISENGAGEMENT_AREAS.map((d) => d.name).join('; ')}). Both sides withdrew;
  any armed presence or position inside is a violation.
- **Settlements** — no ${WEAPON_WORDS} of any calibre inside a settlement:
  firing positions in towns draw return fire onto civilians. Fire on a
  settlement is the gravest violation.
- **Protected sites** — no fire at or near the dam, the power station, the
  water station or hospitals, and no military use of them.
${parts.extraTerms ?? ''}- **Sectors** — the front is divided into five monitoring sectors: ${SECTOR_NAMES.map((n, i) => `${i + 1} ${n}`).join(', ')}.
  Each alert belongs to one sector.
- **Freedom of movement** — Mission patrols and UAVs move freely; stopping a
  patrol, jamming or firing at a UAV is a violation.

## Sensors available

${sensorInventory(parts.sensors)}

${parts.sensorNotes}

## Consultation mechanism and deadlines

The emergency-consultation protocol runs on the exercise clock (pausing the
clock pauses the deadlines):

| step | what | deadline |
|---|---|---|
| triage | acknowledge, read the evidence, decide | 10 min |
| verify | task a drone sortie, request imagery, check ground sensors | 60 min |
| notify | hotline call: every party acknowledges | 30 min, then consultation |
| request explanation | written request to the party concerned | reply within 48 h |
| consult | emergency meeting (video if urgent) | convened within 24 h of the violation |

Critical alerts start at **notify**; high and medium ones at **triage**.
Record every call, acknowledgement and decision: the log is signed and
reviewed in the after-action report.

## How play runs

${parts.play}

All names and places are notional. EXERCISE EXERCISE EXERCISE.
`;
}
