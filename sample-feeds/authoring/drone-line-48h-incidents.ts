// The scripted incidents of "drone-line-48h", by hand: a line of the 2020s,
// where most violations are FPV and loitering-munition strikes, the parties
// fly UAVs where the agreement bans them, the Mission's drones are jammed, a
// missile hits the power station behind the line, air defences fire at night,
// and a market is struck with many dead, first known only from open sources
// and the hospital. Each event carries the controller's ground truth and the
// expected action. Positions are (s km along the front, off km from the line;
// + = Party A's side, north); clock times are local (UTC−8), day 1 being
// 14 September 2027.
import {
  array,
  band,
  bearing,
  km,
  partTowards,
  patrol,
  point,
  towards,
  village,
  type At,
} from './front-places';
import { compassWords } from './front-geometry';
import type { InjectRow } from './assemble-scenario';
import { endexInject, openAlertsReportInject } from './msel-rows';
import { inIncident, type ScriptedEvent } from './scripted-event';

const NOTIFY = 'notify every party on the hotline within 30 min';
/** What the trainees can say about a flight the drone addendum bans. */
const UAV_BAN = 'the UAV exclusion zone (15 km)';

// --- FPV strike on a civilian car near Istrel (day 1, sector 3) ------------------------

const CAR: At = [296, 5];
const FPV_TEAM: At = [297.2, -3.6];
const ISTREL = village('istrel');

const FPV_ON_CAR: ScriptedEvent[] = [
  {
    id: 'OBS-FPV-CAR-1',
    day: 1,
    clock: '08:25:00',
    delayMin: 18,
    source: 'observer',
    sensor: 'PATROL-05',
    type: 'drone-strike',
    subtype: 'impact',
    s: CAR[0],
    off: CAR[1],
    precision_m: 400,
    confidence: 0.85,
    weapon_class: 'uav',
    count: 1,
    injured: 2,
    civilian_injured: 2,
    target: 'civilian',
    bearing_deg: bearing(patrol('PATROL-05'), CAR),
    summary: `PATROL-05 saw a small quadcopter dive onto a civilian car on the northern highway ${km(ISTREL, CAR).toFixed(1)} km ${towards(ISTREL, CAR)} of Istrel, ${band(km(patrol('PATROL-05'), CAR))} km ${towards(patrol('PATROL-05'), CAR)} of its position; the car burned; two occupants, a man and his daughter, were injured and taken to Istrel by a neighbour.`,
    truth: 'violation',
    expected_action: `An FPV strike on a civilian vehicle: triage at once, ask UAV-04 to look for the operators south of the line, ${NOTIFY}.`,
  },
  {
    id: 'DRN-FPV-CAR-1',
    day: 1,
    clock: '08:41:00',
    delayMin: 4,
    source: 'drone',
    sensor: 'UAV-04',
    type: 'drone-strike',
    subtype: 'firing-position',
    s: FPV_TEAM[0],
    off: FPV_TEAM[1],
    precision_m: 40,
    confidence: 0.8,
    weapon_class: 'uav',
    count: 2,
    party: 'B',
    refers_to: 'OBS-FPV-CAR-1',
    bearing_deg: bearing(FPV_TEAM, CAR),
    summary: `UAV-04 (thermal) traced the strike reported by PATROL-05 back to a two-person FPV team with antennas and drone cases in a tree line ${Math.abs(FPV_TEAM[1]).toFixed(1)} km south of the line, inside ${UAV_BAN}; a second quadcopter launched ${towards(FPV_TEAM, CAR)}wards while the UAV watched; Party B uniforms.`,
    truth: 'violation',
    expected_action:
      'The firing point of the car strike: attach to it, and name Party B in the request for explanation.',
  },
];

// --- Electronic warfare against UAV-04 (day 1, sector 3) --------------------------------

const JAM: At = [330, -2];

const UAV04_JAMMED: ScriptedEvent[] = [
  {
    id: 'DRN-EW-UAV04-1',
    day: 1,
    clock: '09:41:00',
    source: 'drone',
    sensor: 'UAV-04',
    type: 'jamming',
    subtype: 'gnss',
    s: JAM[0],
    off: JAM[1],
    precision_m: 3000,
    confidence: 0.85,
    target: 'mission',
    summary:
      'UAV-04 lost satellite navigation at 2,800 m over the line north of Jasmer: GNSS jamming across all bands, strongest to the south (Party B side).',
    truth: 'violation',
    expected_action:
      'Jamming of a Mission UAV is a restriction of the Mission: record it, notify the parties and request an explanation.',
  },
  {
    id: 'DRN-EW-UAV04-2',
    day: 1,
    clock: '09:47:00',
    source: 'drone',
    sensor: 'UAV-04',
    type: 'jamming',
    subtype: 'datalink',
    s: JAM[0] + 1.5,
    off: JAM[1] - 1,
    precision_m: 3000,
    confidence: 0.8,
    target: 'mission',
    summary:
      'UAV-04 command link degraded: video lost three times in four minutes; the crew ordered the aircraft home on inertial navigation.',
    truth: 'violation',
    expected_action: 'Keep the jamming alert open; add the link loss to the evidence.',
  },
  {
    id: 'DRN-EW-UAV04-3',
    day: 1,
    clock: '09:52:00',
    source: 'drone',
    sensor: 'UAV-04',
    type: 'sensor-fault',
    subtype: 'sortie-aborted',
    s: JAM[0] + 3,
    off: JAM[1] - 4,
    precision_m: 2000,
    confidence: 1,
    target: 'mission',
    summary: 'UAV-04 sortie aborted: no drone cover of Sector 3 until UAV-03 flies at 18:00 local.',
    truth: 'violation',
    expected_action:
      'Record the coverage gap and re-plan Sector 3 (patrols, arrays); link to the jamming alert.',
  },
];

// --- A Party B reconnaissance UAV, Party A quadcopters, a heavy drone in DA-3 ------------

const RECCE: At = [604, 6];
const QUADS: At = [612, 9];
const HEAVY: At = [520.3, 0.5];

const UAV_FLIGHTS: ScriptedEvent[] = [
  {
    id: 'DRN-UAVBAN-1',
    day: 1,
    clock: '13:05:00',
    delayMin: 3,
    source: 'drone',
    sensor: 'UAV-06',
    type: 'uav-overflight',
    s: RECCE[0],
    off: RECCE[1],
    precision_m: 150,
    confidence: 0.85,
    weapon_class: 'uav',
    count: 1,
    party: 'B',
    bearing_deg: 0,
    summary: `UAV-06: a Party B fixed-wing reconnaissance UAV (about 3 m wingspan) flying north at 600 m, ${RECCE[1]} km north of the line, inside ${UAV_BAN}.`,
    truth: 'violation',
    expected_action:
      'A party UAV in the exclusion zone breaches the drone addendum: record it and raise it with Party B through the liaison; not urgent.',
  },
  {
    id: 'OBS-UAVBAN-2',
    day: 2,
    clock: '16:40:00',
    delayMin: 25,
    source: 'observer',
    sensor: 'PATROL-09',
    type: 'uav-overflight',
    s: QUADS[0],
    off: QUADS[1],
    precision_m: 1000,
    confidence: 0.8,
    weapon_class: 'uav',
    count: 3,
    party: 'A',
    bearing_deg: bearing(patrol('PATROL-09'), QUADS),
    summary: `PATROL-09 saw three quadcopters launched from a Party A position ${band(km(patrol('PATROL-09'), QUADS))} km ${towards(patrol('PATROL-09'), QUADS)} of its base, ${QUADS[1]} km north of the line, flying south towards the line.`,
    truth: 'violation',
    expected_action: `Party A UAVs inside ${UAV_BAN}: record and raise with Party A; watch for strikes further south.`,
  },
  {
    id: 'GND-UAVBAN-3',
    day: 2,
    clock: '21:30:00',
    delayMin: 1,
    source: 'ground-sensor',
    sensor: 'CAM-03',
    type: 'uav-overflight',
    s: HEAVY[0],
    off: HEAVY[1],
    precision_m: 200,
    confidence: 0.6,
    weapon_class: 'uav',
    count: 1,
    bearing_deg: 180,
    summary:
      'CAM-03 (thermal): a large multicopter carrying a load under its body crossing Disengagement Area 3 southwards at low altitude; origin not seen.',
    truth: 'violation',
    expected_action:
      'An armed-looking drone over the disengagement area: record it; no party can be named from this alone.',
  },
];

// --- Missile strike on the Lunara power station (day 1 evening, sector 4) ---------------

const LAUNCHER: At = [462, 38];
const POWER: At = [528, -8];

const ENERGY_STRIKE: ScriptedEvent[] = [
  {
    id: 'DRN-ENERGY-LAUNCH-1',
    day: 1,
    clock: '19:38:00',
    delayMin: 3,
    source: 'drone',
    sensor: 'UAV-05',
    type: 'missile-strike',
    subtype: 'firing-position',
    s: LAUNCHER[0],
    off: LAUNCHER[1],
    precision_m: 300,
    confidence: 0.8,
    weapon_class: 'missile',
    count: 2,
    party: 'A',
    bearing_deg: bearing(LAUNCHER, POWER),
    summary: `UAV-05 (thermal, long slant range): two launch flashes and a wheeled launcher with Party A markings ${LAUNCHER[1]} km north of the line, west of the Estavel–Pellard road; two missiles climbing ${towards(LAUNCHER, POWER)}.`,
    truth: 'violation',
    expected_action:
      'A missile launch far behind the line: find where it landed; triage, and link it to the impact once known.',
  },
  {
    id: 'GND-ENERGY-IMPACT-1',
    day: 1,
    clock: '19:41:30',
    delayMin: 2,
    source: 'ground-sensor',
    sensor: 'ACOUSTIC-17',
    type: 'explosion',
    subtype: 'impact',
    s: POWER[0],
    off: POWER[1],
    precision_m: 600,
    confidence: 0.8,
    count: 2,
    summary: `ACOUSTIC-17: two very large explosions located ${km(array('ACOUSTIC-17'), POWER).toFixed(0)} km ${towards(array('ACOUSTIC-17'), POWER)} of the array, at the Lunara power station.`,
    truth: 'violation',
    expected_action: `Impacts on a protected site: triage at once, ${NOTIFY}, and ask what hit it.`,
  },
  {
    id: 'OSN-ENERGY-1',
    day: 1,
    clock: '20:20:00',
    delayMin: 12,
    source: 'open-source',
    type: 'casualty-report',
    s: POWER[0],
    off: POWER[1],
    precision_m: 1500,
    confidence: 0.7,
    killed: 1,
    civilian_killed: 1,
    injured: 4,
    civilian_injured: 4,
    target: 'infrastructure',
    summary:
      'Statement of the Lunara power station operator on its website: two missiles hit the turbine hall and the transformer yard at 19:41; a shift engineer killed and four workers injured; all three units off line; about 200,000 customers on both sides of the line without power.',
    truth: 'violation',
    expected_action:
      'Open-source figures from the operator: attach them, say where they come from, and keep verifying.',
  },
  {
    id: 'SAT-ENERGY-THERM-1',
    day: 2,
    clock: '02:10:30',
    delayMin: 50,
    source: 'satellite',
    sensor: 'THERM-1',
    type: 'thermal-hotspot',
    s: POWER[0] + 0.1,
    off: POWER[1] + 0.1,
    precision_m: 375,
    confidence: 0.9,
    assessment: 'confirms',
    refers_to: 'GND-ENERGY-IMPACT-1',
    summary:
      'THERM-1: a large thermal anomaly at the Lunara power station (fire radiative power 140 MW), six hours after the reported strike.',
    truth: 'violation',
    expected_action: 'Fire still burning at the power station: attach as confirmation.',
  },
  {
    id: 'SAT-ENERGY-BDA-1',
    day: 2,
    clock: '11:30:40',
    delayMin: 75,
    source: 'satellite',
    sensor: 'OPT-1',
    type: 'missile-strike',
    subtype: 'impact',
    s: POWER[0] - 0.1,
    off: POWER[1],
    precision_m: 15,
    confidence: 0.9,
    weapon_class: 'missile',
    count: 2,
    target: 'infrastructure',
    assessment: 'confirms',
    refers_to: 'GND-ENERGY-IMPACT-1',
    bearing_deg: bearing(POWER, LAUNCHER),
    ref: 'IMG-OPT1-20270915-1130-212',
    summary: `OPT-1 imagery (scene NAI-10 Lunara mine and power station): the turbine hall roof collapsed over 60 m, two transformers burnt out, debris pattern consistent with two missiles arriving from the ${towards(POWER, LAUNCHER)}; no military equipment visible at the site.`,
    truth: 'violation',
    expected_action:
      'The strike on the protected site is confirmed from imagery: include it in the request for explanation to Party A with the launch seen by UAV-05.',
  },
  {
    id: 'GND-ACOUSTIC18-FAULT-1',
    day: 2,
    clock: '04:30:00',
    delayMin: 1,
    source: 'ground-sensor',
    sensor: 'ACOUSTIC-18',
    type: 'sensor-fault',
    subtype: 'power',
    atSensor: true,
    confidence: 1,
    summary:
      'ACOUSTIC-18 offline: mains power lost since the strike on the Lunara power station and the batteries are exhausted. No acoustic cover of Varnet and the Lunara road until it is restored (technician and generator expected 14:00 local).',
    truth: 'violation',
    expected_action:
      'Record the coverage gap around Varnet; ask for drone cover of the area when UAV-05 flies at 08:00.',
  },
];

// --- Air defence at night near Kerrow (day 1, sector 4) ---------------------------------

const AIR_DEFENCE: At = [497, 8];
const WRECK: At = [501.5, 5];

const AIR_DEFENCE_NIGHT: ScriptedEvent[] = [
  {
    id: 'GND-AD-KERROW-1',
    day: 1,
    clock: '23:10:00',
    delayMin: 2,
    source: 'ground-sensor',
    sensor: 'ACOUSTIC-16',
    type: 'explosion',
    subtype: 'outgoing',
    s: AIR_DEFENCE[0],
    off: AIR_DEFENCE[1],
    precision_m: 700,
    confidence: 0.7,
    weapon_class: 'air-defence',
    count: 2,
    summary: `ACOUSTIC-16: two launches consistent with surface-to-air missiles and bursts of heavy automatic fire located ${km(array('ACOUSTIC-16'), AIR_DEFENCE).toFixed(0)} km ${towards(array('ACOUSTIC-16'), AIR_DEFENCE)} of the array, on the Party A side; three airbursts to the south-east.`,
    truth: 'ambiguous',
    expected_action:
      'Air-defence fire over its own side is not by itself a breach: find what it engaged before notifying anyone.',
  },
  {
    id: 'OBS-AD-KERROW-1',
    day: 1,
    clock: '23:12:00',
    delayMin: 20,
    source: 'observer',
    sensor: 'PATROL-07',
    type: 'explosion',
    subtype: 'airburst',
    s: AIR_DEFENCE[0] + 1.5,
    off: AIR_DEFENCE[1] - 1.5,
    precision_m: 2500,
    confidence: 0.75,
    weapon_class: 'air-defence',
    count: 3,
    bearing_deg: bearing(patrol('PATROL-07'), AIR_DEFENCE),
    summary: `PATROL-07 at the Kerrow forward patrol base saw tracer and two missile trails rising ${band(km(patrol('PATROL-07'), AIR_DEFENCE))} km ${towards(patrol('PATROL-07'), AIR_DEFENCE)} of the base and three bursts in the air; it heard the engine of a small aircraft or drone before the firing.`,
    truth: 'ambiguous',
    expected_action:
      'Attach to the air-defence alert; ask PATROL-07 to look for debris at first light.',
  },
  {
    id: 'OBS-AD-WRECK-1',
    day: 2,
    clock: '08:50:00',
    delayMin: 30,
    source: 'observer',
    sensor: 'PATROL-07',
    type: 'drone-strike',
    subtype: 'impact',
    s: WRECK[0],
    off: WRECK[1],
    precision_m: 100,
    confidence: 0.9,
    weapon_class: 'uav',
    count: 1,
    refers_to: 'GND-AD-KERROW-1',
    party: 'B',
    bearing_deg: 20,
    summary: `PATROL-07 found the wreckage of a loitering munition (delta wing, about 2.5 m, warhead not detonated) and a small crater in a field ${km(village('kerrow'), WRECK).toFixed(1)} km ${towards(village('kerrow'), WRECK)} of Kerrow; it came from the ${compassWords(200)}, across the line. Party A engineers have cordoned the area.`,
    truth: 'violation',
    expected_action:
      'What the air defence engaged: a loitering munition flown across the line from the south. Notify; request an explanation from Party B.',
  },
];

// --- The strike on Varnet market (day 2 morning, sector 4) ------------------------------

const VARNET = village('varnet');
const MARKET: At = [VARNET[0] + 0.4, VARNET[1] + 0.5];
const HOSPITAL: At = [VARNET[0] - 0.6, VARNET[1] - 0.4];
/** The munitions came from the north-north-east: the Party A side. */
const FROM: At = [560, 30];

const VARNET_MARKET: ScriptedEvent[] = [
  {
    id: 'OSN-VARNET-1',
    day: 2,
    clock: '07:35:00',
    delayMin: 6,
    source: 'open-source',
    type: 'casualty-report',
    s: MARKET[0],
    off: MARKET[1],
    precision_m: 1500,
    confidence: 0.45,
    killed: { low: 10, best: 20, high: 30 },
    civilian_killed: { low: 10, best: 20, high: 30 },
    target: 'civilian',
    summary:
      'Varnet city channel on social media, with videos: "several explosions at the morning market at 07:20, many dead and wounded, at least 20 killed". Videos show smoke over market stalls and bodies in the street; the time and place cannot yet be checked.',
    truth: 'violation',
    expected_action:
      'A possible mass-casualty strike on a town, from one open source: treat as critical but unconfirmed; verify at once (PATROL-08 comes on duty at 08:00; ACOUSTIC-18 is down).',
  },
  {
    id: 'OBS-VARNET-HOSPITAL-1',
    day: 2,
    clock: '08:35:00',
    delayMin: 10,
    source: 'observer',
    sensor: 'PATROL-08',
    type: 'casualty-report',
    s: HOSPITAL[0],
    off: HOSPITAL[1],
    precision_m: 1500,
    confidence: 0.6,
    killed: 14,
    civilian_killed: 14,
    injured: 37,
    civilian_injured: 37,
    target: 'civilian',
    summary:
      'PATROL-08, coming on duty, was called by the director of Varnet hospital: 14 dead (among them three children) and 37 injured, all civilians, brought in from the market since 07:30; the hospital asks for blood and surgeons. The patrol has not yet been to the market.',
    truth: 'violation',
    expected_action: `Hospital figures, second source: ${NOTIFY}; send PATROL-08 to the market; give the guarantors only what is verified.`,
  },
  {
    id: 'OBS-VARNET-SITE-1',
    day: 2,
    clock: '10:20:00',
    delayMin: 30,
    source: 'observer',
    sensor: 'PATROL-08',
    type: 'drone-strike',
    subtype: 'impact',
    s: MARKET[0],
    off: MARKET[1],
    precision_m: 100,
    confidence: 0.9,
    weapon_class: 'uav',
    count: 3,
    killed: 14,
    civilian_killed: 14,
    injured: 37,
    civilian_injured: 37,
    target: 'civilian',
    assessment: 'confirms',
    refers_to: 'OSN-VARNET-1',
    bearing_deg: bearing(MARKET, FROM),
    summary: `PATROL-08 at Varnet market with the local authorities: three points of impact among the stalls; fragments of fixed-wing loitering munitions (tail fins, a motor) and fragmentation warheads; the damage pattern shows them arriving from the ${towards(MARKET, FROM)} (bearing ${bearing(MARKET, FROM)}°). No military objects at or near the market. The hospital's figures stand: 14 killed, 37 injured, all civilians.`,
    truth: 'violation',
    expected_action:
      'Confirmed on the ground: critical; emergency consultation within 24 h; evidence for a request for explanation (direction of arrival, type of weapon).',
  },
  {
    id: 'SAT-VARNET-1',
    day: 2,
    clock: '13:16:00',
    delayMin: 70,
    source: 'satellite',
    sensor: 'OPT-2',
    type: 'crater-field',
    s: MARKET[0],
    off: MARKET[1] + 0.05,
    precision_m: 10,
    confidence: 0.85,
    count: 3,
    refers_to: 'OSN-VARNET-1',
    ref: 'IMG-OPT2-20270915-1316-087',
    summary: `OPT-2 imagery (scene NAI-11 Varnet–Kerrow road): three small craters and burnt stalls in the ${partTowards(VARNET, MARKET)} part of Varnet, at the market square.`,
    truth: 'violation',
    expected_action: 'Attach the imagery to the Varnet incident.',
  },
];

// --- False alarms ------------------------------------------------------------------------

const ORVALE = village('orvale');
const QUARRY: At = [598, 10];

const OLD_VIDEO: ScriptedEvent[] = [
  {
    id: 'OSN-ORVALE-1',
    day: 1,
    clock: '15:05:00',
    delayMin: 7,
    source: 'open-source',
    type: 'drone-strike',
    s: ORVALE[0],
    off: ORVALE[1],
    precision_m: 2000,
    confidence: 0.3,
    weapon_class: 'uav',
    killed: 2,
    civilian_killed: 2,
    target: 'civilian',
    summary:
      'A channel on a messaging app posts a video "just now in Orvale": a drone strikes a minibus, two passengers killed.',
    truth: 'false-positive',
    expected_action:
      'One anonymous open source: do not notify; ask PATROL-03, based in Orvale, to check.',
  },
  {
    id: 'OBS-ORVALE-1',
    day: 1,
    clock: '16:05:00',
    delayMin: 15,
    source: 'observer',
    sensor: 'PATROL-03',
    type: 'drone-strike',
    s: ORVALE[0] + 0.2,
    off: ORVALE[1],
    precision_m: 1000,
    confidence: 0.95,
    assessment: 'clears',
    refers_to: 'OSN-ORVALE-1',
    summary:
      'PATROL-03 in Orvale: no strike, no damaged minibus, nobody hurt today; the local authorities and the clinic confirm. The buildings in the video do not match Orvale, and the video was first posted in May 2026, before the ceasefire.',
    truth: 'false-positive',
    expected_action: "Close as a false alarm, citing PATROL-03's report.",
  },
];

const QUARRY_BLASTS: ScriptedEvent[] = [
  {
    id: 'GND-QUARRY-1',
    day: 2,
    clock: '11:02:00',
    delayMin: 2,
    source: 'ground-sensor',
    sensor: 'ACOUSTIC-19',
    type: 'explosion',
    subtype: 'undetermined',
    s: QUARRY[0],
    off: QUARRY[1],
    precision_m: 500,
    confidence: 0.55,
    count: 3,
    summary: `ACOUSTIC-19: three large explosions in quick succession ${km(array('ACOUSTIC-19'), QUARRY).toFixed(0)} km ${towards(array('ACOUSTIC-19'), QUARRY)} of the array, ${QUARRY[1]} km north of the line; no outgoing signature.`,
    truth: 'false-positive',
    expected_action:
      'Unexplained explosions far from the strikes: verify before notifying (PATROL-09).',
  },
  {
    id: 'OBS-QUARRY-1',
    day: 2,
    clock: '11:45:00',
    delayMin: 10,
    source: 'observer',
    sensor: 'PATROL-09',
    type: 'explosion',
    s: QUARRY[0] + 0.3,
    off: QUARRY[1],
    precision_m: 500,
    confidence: 0.95,
    assessment: 'clears',
    refers_to: 'GND-QUARRY-1',
    bearing_deg: bearing(patrol('PATROL-09'), QUARRY),
    summary:
      'PATROL-09 at the Nadell stone quarry: scheduled blasting by the quarry company, notified to the Mission by Party A the day before as the agreement requires; no military activity.',
    truth: 'false-positive',
    expected_action: 'Close as a false alarm, citing PATROL-09 and the advance notification.',
  },
];

/** Every scripted incident of drone-line-48h. */
export const DRONE_LINE_SCRIPTED: ScriptedEvent[] = [
  ...inIncident('fpv-car-istrel', FPV_ON_CAR),
  ...inIncident('uav04-jammed', UAV04_JAMMED),
  ...inIncident('uav-flights-in-exclusion-zone', UAV_FLIGHTS),
  ...inIncident('power-station-strike', ENERGY_STRIKE),
  ...inIncident('air-defence-kerrow', AIR_DEFENCE_NIGHT),
  ...inIncident('varnet-market-strike', VARNET_MARKET),
  ...inIncident('orvale-old-video', OLD_VIDEO),
  ...inIncident('nadell-quarry', QUARRY_BLASTS),
];

/** Where the launcher and the power station are, for the builder's checks and the guide. */
export const ENERGY_STRIKE_PLACES = { launcher: point(LAUNCHER), impact: point(POWER) };

/** Who speaks to whom and how: [from, to, method, party concerned]. */
type Route = readonly [string, string, string, string];
const control: Route = ['Exercise Control', 'Operations room', 'Briefing', ''];
const hotlineA: Route = ['Party A liaison officer', 'Mission duty officer', 'Hotline', 'A'];
const hotlineB: Route = ['Party B liaison officer', 'Mission duty officer', 'Hotline', 'B'];
const hq: Route = ['Mission HQ', 'Operations room', 'Radio', ''];
const media: Route = ['Simulation cell (media)', 'Operations room', 'Media report', ''];
const noteA: Route = ['Party A liaison officer', 'Head of mission', 'Note verbale', 'A'];
const noteADuty: Route = ['Party A liaison officer', 'Mission duty officer', 'Note verbale', 'A'];
const guarantors: Route = ['Guarantor Contact Group', 'Head of operations', 'Email', ''];
const meeting: Route = ['Exercise Control', 'Head of mission', 'Briefing', ''];

/** An MSEL row: the inject, its route, and the objective it tests. */
const inject = (
  id: string,
  day: number,
  clock: string,
  route: Route,
  objective: string,
  description: string,
  expected: string,
): InjectRow => [id, day, clock, description, expected, ...route, objective];

/** MSEL injects: [id, day, local time, description, expected player action, from, to, method, party, objective]. */
export const DRONE_LINE_INJECTS: readonly InjectRow[] = [
  inject(
    'MSEL-001',
    1,
    '08:55',
    hotlineA,
    'Emergency consultation',
    'Hotline call: the Party A duty officer reports a Dorsena drone strike on a family car near Istrel, two civilians injured, and demands that the Mission identify the operators.',
    'Link the call to the Istrel strike alert; say what the Mission has verified (the patrol saw it) and what it is still checking.',
  ),
  inject(
    'MSEL-002',
    1,
    '09:00',
    control,
    'Situational awareness',
    'Mission daily report: 286 ceasefire violations in the previous 24 hours; nearly half involved drones (FPV strikes on positions, loitering munitions, party UAVs in the exclusion zone); two Mission UAV sorties disrupted by jamming this week.',
    'Acknowledge; review the sensor plan, the tasking plan and the UAV exclusion zone.',
  ),
  inject(
    'MSEL-003',
    1,
    '10:05',
    hq,
    'Manage sensor gaps',
    'Mission HQ: UAV-04 has landed with a navigation failure after jamming north of Jasmer; no spare aircraft today.',
    'Record the loss of cover in Sector 3; re-plan with the patrols and arrays; include the jamming in the daily report.',
  ),
  inject(
    'MSEL-004',
    1,
    '15:20',
    media,
    'Discriminate false alarms',
    'Media report: a national news site repeats a video "from Orvale" of a drone striking a minibus, two dead.',
    'Do not escalate on media alone; check with the patrol based in Orvale; answer media queries only with verified facts.',
  ),
  inject(
    'MSEL-005',
    1,
    '19:55',
    hotlineB,
    'Emergency consultation',
    'Hotline call: the Party B duty officer reports a missile strike on the Lunara power station, a blackout on both sides of the line, and requests an emergency meeting within 24 hours.',
    'Link to the power-station alert; acknowledge the request and start the consultation step.',
  ),
  inject(
    'MSEL-006',
    1,
    '21:10',
    noteA,
    'Assess an explanation',
    'Party A statement: "Lanvera struck a drone assembly workshop that Dorsena hides inside the Lunara power station."',
    'Record the statement verbatim; the power station is a protected site; check the claim against the evidence before the meeting.',
  ),
  inject(
    'MSEL-007',
    1,
    '23:40',
    hotlineA,
    'Handle an accusation',
    'Hotline call: Party A reports Dorsena drones attacking Kerrow, "all shot down by our air defence", and accuses Party B.',
    'Link to the air-defence alert near Kerrow; say the Mission will look for debris at first light; no conclusions yet.',
  ),
  inject(
    'MSEL-008',
    2,
    '08:05',
    hotlineB,
    'Emergency consultation',
    'Hotline call: Party B reports a Lanvera drone strike on the Varnet market, "dozens killed", and requests an emergency meeting today.',
    'Link to the Varnet alert; acknowledge the request; say what the Mission knows and from which sources.',
  ),
  inject(
    'MSEL-009',
    2,
    '09:00',
    guarantors,
    'Reporting under load',
    'Mission daily report due now: the Guarantor Contact Group wants the power station, the drones over Kerrow and this morning in Varnet in it.',
    'Report each incident with its verified facts and sources kept apart from unverified claims; do not repeat the media figure for Varnet as the Mission’s own.',
  ),
  inject(
    'MSEL-010',
    2,
    '09:30',
    meeting,
    'Emergency consultation',
    'Exercise Control: the emergency meeting on the missile strike on the Lunara power station, requested by Party B at 19:55 yesterday, is convened by video for 15:00 local today (19 hours after the strike); the Guarantor Contact Group chairs and both parties attend.',
    'Prepare a one-page summary of the power-station incident: the launch seen by UAV-05, the impacts, the operator’s figures, the imagery when it arrives.',
  ),
  inject(
    'MSEL-011',
    2,
    '11:40',
    noteADuty,
    'Handle a denial',
    'Party A statement: "Lanvera did not strike Varnet. A Dorsena air-defence missile fell on the market."',
    'Record the denial verbatim; check it against the patrol’s analysis at the market; do not argue on the hotline.',
  ),
  inject(
    'MSEL-012',
    2,
    '14:00',
    meeting,
    'Emergency consultation',
    'Exercise Control: the emergency meeting on the strike on the Varnet market, requested by Party B at 08:05, is convened by video for 20:00 local today (13 hours after the strike); both parties attend.',
    'Prepare a one-page summary of the Varnet incident from the alert evidence: sources in the order they came, what the patrol verified, the direction of arrival.',
  ),
  inject(
    'MSEL-013',
    2,
    '17:20',
    hotlineB,
    'Prevent escalation',
    'Hotline call: Party B complains of Lanvera quadcopters over Rennick and says it will "answer in kind".',
    'Link to the UAV alert near Rennick; remind both parties of the drone addendum; record the threat.',
  ),
  openAlertsReportInject('MSEL-014', 2, '22:30', '01:30'),
  endexInject('MSEL-015', 3, '05:45', '06:00'),
];
