// Builds sample-feeds/line-72h: a 72-hour exercise on the notional front.
// Run from the repository root:
//   node shared/node/run-ts.mjs sample-feeds/authoring/build-line-72h.ts [out-dir]
// Deterministic: the same code writes the same bytes (seeded background).
import { NOTIONAL_CLASSIFICATION, assembleScenario } from './assemble-scenario';
import { briefingText } from './briefing-text';
import { exerciseEvents } from './exercise-events';
import { LINE_72H_INJECTS, LINE_72H_SCRIPTED } from './line-72h-incidents';
import { line72hPartyScript } from './line-72h-party-script';
import { buildZones, dayTime } from './notional-front';
import { STATE_A, STATE_B } from './notional-geography';
import { writePackageAndReport } from './write-scenario-package';

/** Local midnight (UTC−8) at the start of day 1, 8 March 2027: early autumn, harvest time. */
const LOCAL_DAY_ONE = Date.parse('2027-03-08T08:00:00Z');
/** Play runs from 03:00 local on day 1 to 03:00 local on day 4. */
const START = dayTime(LOCAL_DAY_ONE, 1, '03:00');
const END = START + 72 * 3_600_000;
const SEED = 0x72_2027;

// UAV-04 is jammed and lost at 08:48 local on day 3: its last sortie ends there.
const { sensors, incidents, background } = exerciseEvents({
  start: START,
  end: END,
  localDayOne: LOCAL_DAY_ONE,
  sortieCut: { sensor: 'UAV-04', at: dayTime(LOCAL_DAY_ONE, 3, '08:48') },
  scripted: LINE_72H_SCRIPTED,
  background: {
    seed: SEED,
    sectors: [0, 1, 2, 3, 4],
    rate: 9,
    satellites: true,
    corroborated: 0.2,
  },
});

const files = assembleScenario({
  id: 'line-72h',
  title: `Line 72h — three days on the ${STATE_A.short}–${STATE_B.short} line of contact`,
  classification: NOTIONAL_CLASSIFICATION,
  start: START,
  end: END,
  localDayOne: LOCAL_DAY_ONE,
  version: 2,
  zones: buildZones(),
  sensors,
  scripted: incidents,
  background,
  injects: LINE_72H_INJECTS,
  partyScript: line72hPartyScript(LOCAL_DAY_ONE),
  briefing: briefingText({
    title: 'Line 72h — situation briefing',
    classification: NOTIONAL_CLASSIFICATION,
    window: '8 March 2027 03:00 to 11 March 2027 03:00 local time (72 hours)',
    situation: `A week into the ceasefire between the ${STATE_A.name} and the
${STATE_B.name}, the line of contact is mostly quiet by day and noisy by night:
bursts of small-arms fire, isolated explosions, digging, unidentified UAVs.
It is early autumn and harvest time; farmers burn stubble and move machinery
in columns close to the line. Both parties accuse each other of bringing heavy
weapons back behind the withdrawal lines. The Guarantor Contact Group has
asked the Mission for fast, factual reporting and for the consultation
mechanism to be used rather than public accusations.`,
    sensors,
    sensorNotes: `Several sensors often report the same routine exchange of fire: corroboration
tells you that something happened, not that it matters. What was fired, from
where, at what, and with what harm decides how serious it is.`,
    play: `Events arrive when the feed delivers them: imagery one to two hours after
the pass, patrol reports some minutes after what they saw. Controllers deliver
injects (hotline calls, statements, media reports, meeting requests) from the
Master Scenario Events List. Expect several alerts open at once on the
evening of day 2. Not every alert is a violation: some sensors will mislead
you. Work the queue from the top; verify before you notify when the evidence
is thin; never close an alert without a rationale.`,
  }),
});

writePackageAndReport(process.argv[2] ?? 'sample-feeds/line-72h', files);
