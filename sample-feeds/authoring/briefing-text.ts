// The situation briefing shown before play. Shared terms of the notional
// ceasefire, with the parts that differ between samples passed in.
import { TRACE_LENGTH_KM, lineOfContact, polylineKm } from './front-geometry';
import {
  DISENGAGEMENT_AREAS,
  DMZ_HALF_WIDTH_KM,
  EXCLUSION_HALF_WIDTH_KM,
  SECTOR_NAMES,
  SETTLEMENTS,
} from './notional-front';

export interface BriefingParts {
  title: string;
  classification: string;
  window: string;
  situation: string;
  sensors: string;
  play: string;
}

/** The briefing as Markdown. */
export function briefingText(parts: BriefingParts): string {
  const lineKm = Math.round(polylineKm(lineOfContact()));
  return `# ${parts.title}

**${parts.classification}**

> All names, places, units, people and events in this scenario are notional.
> The coordinates only put the exercise on a map; the line, the zones and the
> incidents do not depict any real front, past or present. EXERCISE.

**Exercise window:** ${parts.window}. Times in the feeds are UTC; the console
shows local time (UTC+3).

## Situation

${parts.situation}

## Parties

| id | party | role |
|---|---|---|
| A | Republic of Aldania | party to the ceasefire; holds the north-west side of the line |
| B | Varesh Authority | party to the ceasefire; holds the south-east side of the line |
| MM | Joint Monitoring Mission | monitors and verifies; runs this operations room |
| G | Guarantor Contact Group | guarantors of the agreement; convene and chair consultations |

Each party keeps a liaison officer on the 24-hour hotline to the Mission's
duty officer.

## The ceasefire terms (Agreement of 1 September 2026)

- **Line of contact** — ${lineKm} km long, from the coast in the south-west to
  the northern forests (${Math.round(TRACE_LENGTH_KM)} km along its trace). Any
  firing across it, any crossing by armed personnel, is a violation.
- **Demilitarized strip** — ${DMZ_HALF_WIDTH_KM} km either side of the line.
  No armed personnel, weapons or new fortifications inside it.
- **Heavy Weapons Exclusion Zones 1–5** — one in the middle of each sector,
  ${EXCLUSION_HALF_WIDTH_KM} km either side of the line, about 110 km long.
  Prohibited inside: artillery, multiple-launch rocket systems (MLRS) and tanks,
  and any weapon of calibre above 100 mm. Mortars of 100 mm or less are allowed.
- **Disengagement areas** — ${DISENGAGEMENT_AREAS.length} areas of about 2 x 2 km on the line
  (${DISENGAGEMENT_AREAS.map((d) => d.name).join('; ')}). Both sides withdrew;
  any armed presence or position inside is a violation.
- **Settlements** — ${SETTLEMENTS.length} towns and villages near the line (for example
  ${SETTLEMENTS.slice(0, 6)
    .map((s) => s.name)
    .join(', ')}). Heavy weapons must be kept out of them; fire on them is the gravest violation.
- **Sectors** — the front is divided into five monitoring sectors: ${SECTOR_NAMES.map((n, i) => `${i + 1} ${n}`).join(', ')}.
  Each alert belongs to one sector.
- **Freedom of movement** — Mission patrols and UAVs move freely; stopping a
  patrol, jamming or firing at a UAV is a violation.

## Sensors available

${parts.sensors}

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
