// What one report contributes to an alert before the alert combines its
// reports (shared/alerts/event-evidence.ts; docs/ALERTS-AND-SEVERITY.md,
// "Gravity" and "Certainty"): each gravity factor at its boundaries, on a
// small invented theatre east of the line of contact at longitude -120.5.
// Reports are evaluated one at a time, with their zones and distance to the
// line given by hand, so each value can be worked out from the built-in model:
// a report located to the metre (`precision_m: 0`) has precision weight 1 and
// its whole circle inside every zone it lies in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_FACTORS,
  F_ACT,
  F_LINE,
  F_MISSION,
  F_PLACE,
  F_PROTECTED,
  F_SEPARATION,
  F_WEAPON,
  FLOOR_HIGH,
  FLOOR_MEDIUM,
  evaluateEvent,
  evaluationScratch,
  harmPoints,
  precisionWeightOf,
  scoringContext,
  sourceIndex,
  type EventEvidence,
  type ScoringContext,
} from '../../../shared/alerts/event-evidence';
import { BUILTIN_SCORING_MODEL, type ScoringModel } from '../../../shared/alerts/scoring-model';
import { discWithinDistance } from '../../../shared/geo/disc-coverage';
import type { ReplayEvent, Zone } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { T0, at, rectZone, settlementZone } from './fixtures/build-scenario';

const MODEL = BUILTIN_SCORING_MODEL;

// The invented theatre: one zone of each kind, each a box a few km across.
const EXCLUSION = rectZone({
  id: 'wez-7',
  name: 'Exclusion Zone 7',
  kind: 'weapons-exclusion',
  box: [-120.4, -44.4, -120.2, -44.2],
  prohibited: ['mlrs', 'artillery', 'tank'],
  max_calibre_mm: 100,
});
/** A second exclusion zone over the first, in zone order after it. */
const EXCLUSION_B = rectZone({
  id: 'wez-8',
  name: 'Exclusion Zone 8',
  kind: 'weapons-exclusion',
  box: [-120.4, -44.4, -120.2, -44.2],
  prohibited: ['artillery'],
});
/** A calibre limit and no list of prohibited classes. */
const CALIBRE_LIMIT = rectZone({
  id: 'lim-1',
  name: 'Limitation Area 1',
  kind: 'weapons-exclusion',
  box: [-120.4, -44.4, -120.2, -44.2],
  max_calibre_mm: 100,
});
const DMZ = rectZone({
  id: 'dmz-3',
  name: 'Demilitarized Strip 3',
  kind: 'demilitarized-zone',
  box: [-120.5, -44.6, -120.3, -44.5],
});
const DISENGAGEMENT = rectZone({
  id: 'dea-1',
  name: 'Disengagement Area 1',
  kind: 'disengagement-area',
  box: [-120.55, -44.9, -120.45, -44.8],
});
const BUFFER = rectZone({
  id: 'buf-2',
  name: 'Buffer Zone 2',
  kind: 'buffer-zone',
  box: [-120.5, -45.1, -120.3, -45.0],
});
/** A sector is administrative: even one listing a prohibited class claims nothing. */
const SECTOR = rectZone({
  id: 'sector-east',
  name: 'Sector East',
  kind: 'sector',
  box: [-120.5, -45.5, -119.5, -43.0],
  prohibited: ['mlrs', 'artillery', 'tank', 'uav'],
});
const UAV_BAN = rectZone({
  id: 'uez-4',
  name: 'UAV Exclusion Zone 4',
  kind: 'weapons-exclusion',
  box: [-120.4, -44.4, -120.2, -44.2],
  prohibited: ['uav'],
});
const ARDELL = settlementZone({
  id: 'stl-ardell',
  name: 'Ardell',
  lat: -44.3,
  lon: -120.1,
  radius_m: 2000,
});
const PUMPING = settlementZone({
  id: 'inf-pump',
  name: 'Pumping Station 2',
  kind: 'infrastructure',
  lat: -44.35,
  lon: -120.15,
  radius_m: 500,
});
/** A hair (a centimetre) inside the buffer zone's western edge. */
const EDGE = -120.5 + 1e-7;
const ZONES: Zone[] = [
  EXCLUSION,
  EXCLUSION_B,
  CALIBRE_LIMIT,
  DMZ,
  DISENGAGEMENT,
  BUFFER,
  SECTOR,
  UAV_BAN,
  ARDELL,
  PUMPING,
];

interface Where {
  /** Ids of the zones the report lies in (as the loader finds them). */
  in?: Zone[];
  /** Distance to the line of contact in km (null: no line). */
  line?: number | null;
}

function report(extra: Partial<ScenarioEvent>): ScenarioEvent {
  return {
    id: 'r1',
    time: at(10),
    source: 'ground-sensor',
    type: 'artillery-fire',
    confidence: 0.8,
    lat: -44.3,
    lon: -120.3,
    precision_m: 0,
    ...extra,
  } as ScenarioEvent;
}

function replayOf(event: ScenarioEvent, where: Where = {}): ReplayEvent {
  return {
    seq: 0,
    at: T0,
    shownAt: T0,
    event,
    zoneIds: (where.in ?? []).map((z) => z.id),
    lineDistanceKm: where.line === undefined ? null : where.line,
    settlementId: null,
    settlementDistanceKm: null,
  };
}

/** A scratch already used for a very different report: grave fire, with harm, in two zones near the line. */
function dirtyScratch(ctx: ScoringContext): EventEvidence {
  const scratch = evaluationScratch();
  evaluateEvent(
    ctx,
    replayOf(
      report({
        type: 'mlrs-fire',
        calibre_mm: 300,
        count: 40,
        killed: 3,
        target: 'mission',
        source: 'open-source',
      }),
      { in: [EXCLUSION, DMZ], line: 1 },
    ),
    scratch,
  );
  return scratch;
}

/**
 * Evaluates a report both ways the code offers (a new object, and a reused
 * scratch) and checks they agree, so every test holds for the engine's hot
 * path too.
 */
function evaluate(
  event: Partial<ScenarioEvent>,
  where: Where = {},
  options: { model?: ScoringModel; parties?: string[] | null; zones?: Zone[] } = {},
): EventEvidence {
  const ctx = scoringContext(
    options.model ?? MODEL,
    options.zones ?? ZONES,
    options.parties ?? null,
  );
  const replay = replayOf(report(event), where);
  const fresh = evaluateEvent(ctx, replay);
  const scratch = dirtyScratch(ctx);
  const reused = evaluateEvent(ctx, replay, scratch);
  expect(reused).toBe(scratch);
  expect({ ...reused }).toEqual({ ...fresh });
  return fresh;
}

/** The gravity factors by name. */
function factors(e: EventEvidence): Record<string, number> {
  return Object.fromEntries(EVENT_FACTORS.map((f, i) => [f, e.values[i]!]));
}

/** The kind of reason each factor carries (null: none). */
function reasonKinds(e: EventEvidence): (string | null)[] {
  return e.details.map((d) => (d === null ? null : d.kind));
}

describe('act and weapon: what was reported, and with what', () => {
  it('a report scores its type’s act; a compliance observation only the model’s compliant act', () => {
    expect(evaluate({}).values[F_ACT]).toBe(24);
    const compliant = evaluate({ subtype: 'compliant', target: 'civilian' }, { in: [EXCLUSION] });
    expect(compliant.act).toBe(4);
    expect(factors(compliant)).toEqual({
      act: 4,
      weapon: 0,
      place: 0,
      separation: 0,
      line: 0,
      protected: 0,
      mission: 0,
    });
    expect(compliant.compliant).toBe(true);
  });

  it('artillery fire scores the class’s 10 points plus 0.03 a millimetre of calibre, at most 5', () => {
    expect(evaluate({}).values[F_WEAPON]).toBe(10);
    expect(evaluate({ calibre_mm: 152 }).values[F_WEAPON]).toBeCloseTo(10 + 4.56, 10);
    expect(evaluate({ calibre_mm: 200 }).values[F_WEAPON]).toBe(15);
    expect(evaluate({ weapon_class: 'small-arms', calibre_mm: 7.62 }).values[F_WEAPON]).toBeCloseTo(
      1 + 0.2286,
      10,
    );
  });

  it('a weapon class the model does not list scores its calibre alone', () => {
    const e = evaluate({ weapon_class: 'railgun' as never, calibre_mm: 100 });
    expect(e.weaponClass).toBe('railgun');
    expect(e.values[F_WEAPON]).toBeCloseTo(3, 10);
  });

  it('a clash and a strike always name their weapon, even at the impact', () => {
    expect(
      evaluate({ type: 'armed-clash', weapon_class: 'small-arms', subtype: 'impact' }).values[
        F_WEAPON
      ],
    ).toBe(1);
    expect(evaluate({ type: 'missile-strike', subtype: 'impact' }).values[F_WEAPON]).toBe(12);
  });

  it('fire reported at its impact, or a crater field, names no weapon; an explosion only when outgoing', () => {
    expect(evaluate({ subtype: 'impact' }).values[F_WEAPON]).toBe(0);
    expect(evaluate({ type: 'crater-field', weapon_class: 'artillery' }).values[F_WEAPON]).toBe(0);
    expect(evaluate({ type: 'explosion', weapon_class: 'mortar' }).values[F_WEAPON]).toBe(0);
    expect(
      evaluate({ type: 'explosion', weapon_class: 'mortar', subtype: 'outgoing' }).values[F_WEAPON],
    ).toBe(6);
  });

  it('a firing position names the weapon for any report that can, but not for works or harm reports', () => {
    expect(
      evaluate({ type: 'explosion', weapon_class: 'mortar', subtype: 'firing-position' }).values[
        F_WEAPON
      ],
    ).toBe(6);
    expect(
      evaluate({
        type: 'fortification-work',
        weapon_class: 'artillery',
        subtype: 'firing-position',
      }).values[F_WEAPON],
    ).toBe(0);
    expect(
      evaluate({ type: 'casualty-report', weapon_class: 'artillery', subtype: 'firing-position' })
        .values[F_WEAPON],
    ).toBe(0);
  });
});

describe('place of the weapon', () => {
  it('MLRS firing from inside a zone that prohibits it: 26 points and at least HIGH, named', () => {
    const e = evaluate({ type: 'mlrs-fire', calibre_mm: 122 }, { in: [EXCLUSION] });
    expect(e.values[F_PLACE]).toBe(26);
    expect(e.details[F_PLACE]).toEqual({
      zone: EXCLUSION,
      kind: 'prohibited-class',
      share: 1,
      precisionWeight: 1,
    });
    expect(reasonKinds(e)).toEqual([null, null, 'prohibited-class', null, null, null, null]);
    expect(e.floor).toBe(FLOOR_HIGH);
    expect(e.floorReason).toBe('MLRS firing from inside Exclusion Zone 7, where it is prohibited');
    expect(e.origin).toBe(true);
    expect(e.impact).toBe(false);
  });

  it('of two zones prohibiting the same gun, the first in zone order gives the reason', () => {
    const e = evaluate({ subtype: 'outgoing' }, { in: [EXCLUSION, EXCLUSION_B] });
    expect(e.values[F_PLACE]).toBe(26);
    expect(e.details[F_PLACE]!.zone).toBe(EXCLUSION);
    expect(e.floorReason).toBe(
      'Artillery firing from inside Exclusion Zone 7, where it is prohibited',
    );
  });

  it('a class the model does not label is named by its class in the reason', () => {
    const classes: Record<string, unknown> = { ...MODEL.weapons.classes };
    delete classes.tank;
    const model = {
      ...MODEL,
      weapons: { ...MODEL.weapons, classes },
    } as unknown as ScoringModel;
    const e = evaluate({ type: 'tank-fire' }, { in: [EXCLUSION] }, { model });
    expect(e.values[F_WEAPON]).toBe(0);
    expect(e.values[F_PLACE]).toBeCloseTo(26 * 0.8, 10);
    expect(e.floorReason).toBe('tank firing from inside Exclusion Zone 7, where it is prohibited');
    const inTown = evaluate({ type: 'tank-fire' }, { in: [ARDELL] }, { model });
    expect(inTown.floorReason).toBe('tank firing from inside Ardell');
    // The settlement's 26 points are not weighted by the class (0.8 here).
    expect(inTown.values[F_PLACE]).toBe(26);
  });

  it('a calibre over the zone’s limit scores 22 × place weight; at the limit, nothing', () => {
    const mortar = evaluate(
      { type: 'mortar-fire', calibre_mm: 120 },
      { in: [EXCLUSION, CALIBRE_LIMIT] },
    );
    expect(mortar.values[F_PLACE]).toBeCloseTo(22 * 0.8, 10);
    expect(mortar.details[F_PLACE]).toMatchObject({ zone: EXCLUSION, kind: 'over-max-calibre' });
    // A mortar is not a heavy weapon: no floor.
    expect(mortar.floor).toBe(0);
    expect(mortar.floorReason).toBeNull();
    expect(
      evaluate({ type: 'mortar-fire', calibre_mm: 100 }, { in: [CALIBRE_LIMIT] }).values[F_PLACE],
    ).toBe(0);
    expect(
      evaluate({ type: 'mortar-fire', calibre_mm: 100.5 }, { in: [CALIBRE_LIMIT] }).values[F_PLACE],
    ).toBeCloseTo(17.6, 10);
  });

  it('no calibre given, or no limit in the zone: no calibre breach', () => {
    expect(evaluate({ type: 'mortar-fire' }, { in: [CALIBRE_LIMIT] }).values[F_PLACE]).toBe(0);
    expect(evaluate({ type: 'mortar-fire', calibre_mm: 240 }, { in: [DMZ] }).values[F_PLACE]).toBe(
      0,
    );
    const tankNoCalibre = evaluate({ type: 'tank-fire' }, { in: [CALIBRE_LIMIT] });
    expect(tankNoCalibre.values[F_PLACE]).toBe(0);
    expect(tankNoCalibre.floor).toBe(0);
  });

  it('a heavy gun firing over the calibre limit is at least HIGH, the reason giving calibre and limit', () => {
    const e = evaluate({ type: 'tank-fire', calibre_mm: 125 }, { in: [CALIBRE_LIMIT] });
    expect(e.values[F_PLACE]).toBe(22);
    expect(e.floor).toBe(FLOOR_HIGH);
    expect(e.floorReason).toBe('125 mm firing from inside Limitation Area 1 (limit 100 mm)');
  });

  it('a heavy gun in a settlement scores 26 whatever its place weight; firing, at least HIGH', () => {
    const firing = evaluate({}, { in: [ARDELL] });
    expect(firing.values[F_PLACE]).toBe(26);
    expect(firing.details[F_PLACE]).toMatchObject({ zone: ARDELL, kind: 'heavy-in-settlement' });
    expect(firing.floor).toBe(FLOOR_HIGH);
    expect(firing.floorReason).toBe('Artillery firing from inside Ardell');
  });

  it('guns only seen in a settlement score the place but set no floor', () => {
    const seen = evaluate(
      { type: 'heavy-weapon-sighting', weapon_class: 'artillery' },
      { in: [ARDELL, EXCLUSION] },
    );
    expect(seen.values[F_PLACE]).toBe(26);
    expect(seen.floor).toBe(0);
    expect(seen.floorReason).toBeNull();
    expect(seen.origin).toBe(true);
  });

  it('guns seen in a firing position in a settlement are at least HIGH, and the reason says so', () => {
    const e = evaluate(
      { type: 'heavy-weapon-sighting', weapon_class: 'artillery', subtype: 'firing-position' },
      { in: [ARDELL] },
    );
    expect(e.floor).toBe(FLOOR_HIGH);
    expect(e.floorReason).toBe('Artillery in a firing position inside Ardell');
  });

  it('a tank column in a firing position inside a zone that bans tanks is located, and at least HIGH', () => {
    const e = evaluate(
      { type: 'vehicle-column', weapon_class: 'tank', subtype: 'firing-position' },
      { in: [EXCLUSION] },
    );
    expect(e.values[F_PLACE]).toBe(26);
    expect(e.origin).toBe(true);
    expect(e.floorReason).toBe(
      'Tank in a firing position inside Exclusion Zone 7, where it is prohibited',
    );
    const parked = evaluate({ type: 'vehicle-column', weapon_class: 'tank' }, { in: [EXCLUSION] });
    expect(parked.values[F_PLACE]).toBe(0);
    expect(parked.origin).toBe(false);
  });

  it('a mortar is not a heavy weapon: no settlement factor, no floor', () => {
    const e = evaluate({ type: 'mortar-fire' }, { in: [ARDELL] });
    expect(e.values[F_PLACE]).toBe(0);
    expect(e.floor).toBe(0);
  });

  it('an impact locates no weapon: artillery landing in a zone that prohibits it claims no place', () => {
    const e = evaluate({ subtype: 'impact' }, { in: [EXCLUSION, ARDELL] });
    expect(e.values[F_PLACE]).toBe(0);
    expect(e.floor).toBe(0);
    expect(e.origin).toBe(false);
    expect(e.impact).toBe(true);
  });

  it('a sector claims nothing, even one listing prohibited classes', () => {
    const e = evaluate({ type: 'mlrs-fire' }, { in: [SECTOR] });
    expect(factors(e)).toMatchObject({ place: 0, separation: 0 });
    expect(e.floor).toBe(0);
    expect(e.details.every((d) => d === null)).toBe(true);
  });
});

describe('a banned flight', () => {
  const uav = (extra: Partial<ScenarioEvent> = {}) => ({
    type: 'uav-overflight',
    weapon_class: 'uav' as const,
    party: 'B',
    ...extra,
  });

  it('a party’s UAV flying in a zone that bans UAVs: 14 points, not weighted by its class', () => {
    const e = evaluate(uav(), { in: [UAV_BAN] });
    expect(e.values[F_PLACE]).toBe(14);
    expect(e.details[F_PLACE]).toMatchObject({ zone: UAV_BAN, kind: 'prohibited-flight' });
  });

  it('no flight ban for an unattributed UAV, a compliance observation, or a zone with no bans', () => {
    expect(evaluate(uav({ party: undefined }), { in: [UAV_BAN] }).values[F_PLACE]).toBe(0);
    expect(evaluate(uav({ subtype: 'compliant' }), { in: [UAV_BAN] }).values[F_PLACE]).toBe(0);
    expect(evaluate(uav(), { in: [DMZ] }).values[F_PLACE]).toBe(0);
    expect(evaluate(uav({ weapon_class: 'unknown' }), { in: [UAV_BAN] }).values[F_PLACE]).toBe(0);
  });

  it('only the parties to the ceasefire are banned when the context names them', () => {
    const parties = ['A', 'B'];
    expect(evaluate(uav(), { in: [UAV_BAN] }, { parties }).values[F_PLACE]).toBe(14);
    expect(evaluate(uav({ party: 'M' }), { in: [UAV_BAN] }, { parties }).values[F_PLACE]).toBe(0);
    // Without a list, any party the report names.
    expect(evaluate(uav({ party: 'M' }), { in: [UAV_BAN] }).values[F_PLACE]).toBe(14);
  });

  it('a model with no flight points scores the ban 0', () => {
    const model = {
      ...MODEL,
      place_of_weapon: { ...MODEL.place_of_weapon, prohibited_flight: undefined },
    } as ScoringModel;
    const e = evaluate(uav(), { in: [UAV_BAN] }, { model });
    expect(e.values[F_PLACE]).toBe(0);
    expect(e.details[F_PLACE]).toBeNull();
  });
});

describe('presence and separation', () => {
  it('troops inside a demilitarized or disengagement area: 14 points of place; in a buffer zone, none', () => {
    for (const zone of [DMZ, DISENGAGEMENT]) {
      const e = evaluate({ type: 'troop-movement', count: 40 }, { in: [zone] });
      expect(e.values[F_PLACE]).toBe(14);
      expect(e.details[F_PLACE]).toMatchObject({ zone, kind: 'presence' });
      expect(e.values[F_SEPARATION]).toBe(0);
    }
    expect(evaluate({ type: 'troop-movement' }, { in: [BUFFER] }).values[F_PLACE]).toBe(0);
    expect(evaluate({ type: 'troop-movement' }, { in: [EXCLUSION] }).values[F_PLACE]).toBe(0);
  });

  it('digging in a demilitarized area counts as presence; a casualty report there does not', () => {
    expect(evaluate({ type: 'fortification-work' }, { in: [DMZ] }).values[F_PLACE]).toBe(14);
    expect(evaluate({ type: 'casualty-report', killed: 1 }, { in: [DMZ] }).values[F_PLACE]).toBe(0);
  });

  it('artillery fire in a demilitarized or disengagement area scores 12 of separation, in a buffer zone 8', () => {
    for (const zone of [DMZ, DISENGAGEMENT]) {
      const e = evaluate({}, { in: [zone] });
      expect(e.values[F_SEPARATION]).toBe(12);
      expect(e.details[F_SEPARATION]).toMatchObject({ zone, kind: 'separation' });
      expect(e.values[F_PLACE]).toBe(0);
    }
    expect(evaluate({}, { in: [BUFFER] }).values[F_SEPARATION]).toBe(8);
    expect(evaluate({ type: 'mortar-fire' }, { in: [BUFFER] }).values[F_SEPARATION]).toBeCloseTo(
      6.4,
      10,
    );
    expect(evaluate({}, { in: [EXCLUSION] }).values[F_SEPARATION]).toBe(0);
    expect(evaluate({ type: 'troop-movement' }, { in: [BUFFER] }).values[F_SEPARATION]).toBe(0);
  });

  it('only demilitarized, disengagement and buffer areas separate forces, whatever else a model lists', () => {
    const model = {
      ...MODEL,
      separation_fire: { ...MODEL.separation_fire, 'weapons-exclusion': 9, settlement: 9 },
      place_of_weapon: {
        ...MODEL.place_of_weapon,
        presence: { ...MODEL.place_of_weapon.presence, 'weapons-exclusion': 9 },
      },
    } as unknown as ScoringModel;
    const fire = evaluate({ type: 'mortar-fire' }, { in: [EXCLUSION, ARDELL] }, { model });
    expect(fire.values[F_SEPARATION]).toBe(0);
    const troops = evaluate({ type: 'troop-movement' }, { in: [EXCLUSION] }, { model });
    expect(troops.values[F_PLACE]).toBe(0);
  });

  it('a report whose circle of uncertainty lies half inside the buffer zone counts half the zone’s weight', () => {
    // A hair inside the zone's western edge, located to ±1 km: half the circle inside.
    const precisionWeight = 1 / (1 + 1000 / 20000);
    const e = evaluate({ lon: EDGE, lat: -45.05, precision_m: 1000 }, { in: [BUFFER] });
    expect(e.details[F_SEPARATION]!.share).toBeCloseTo(0.5, 6);
    expect(e.details[F_SEPARATION]!.precisionWeight).toBeCloseTo(precisionWeight, 12);
    expect(e.values[F_SEPARATION]).toBeCloseTo(8 * 0.5 * precisionWeight, 6);
    // Well inside: the whole circle, only the precision weight.
    const inside = evaluate({ lon: -120.4, lat: -45.05, precision_m: 1000 }, { in: [BUFFER] });
    expect(inside.values[F_SEPARATION]).toBeCloseTo(8 * precisionWeight, 12);
  });

  it('two zones of one report are each measured on their own circle share', () => {
    // On the buffer zone's edge, well inside a settlement around it.
    const town = settlementZone({
      id: 'stl-kerrow',
      name: 'Kerrow',
      lat: -45.05,
      lon: -120.5,
      radius_m: 5000,
    });
    const e = evaluate(
      { subtype: 'impact', lon: EDGE, lat: -45.05, precision_m: 1000 },
      { in: [BUFFER, town] },
      { zones: [...ZONES, town] },
    );
    const pw = 1 / (1 + 1000 / 20000);
    expect(e.values[F_SEPARATION]).toBeCloseTo(8 * 0.5 * pw, 6);
    expect(e.values[F_PROTECTED]).toBeCloseTo(18 * pw, 9);
    expect(e.details[F_PROTECTED]!.share).toBe(1);
  });
});

describe('fire on protected places, and at the mission', () => {
  it('an explosion landing in a settlement scores 18 × the default place weight 0.8; on infrastructure 22 × 0.8', () => {
    const town = evaluate({ type: 'explosion' }, { in: [ARDELL] });
    expect(town.values[F_PROTECTED]).toBeCloseTo(14.4, 10);
    expect(town.details[F_PROTECTED]).toMatchObject({ zone: ARDELL, kind: 'impact-in' });
    expect(town.impact).toBe(true);
    const pump = evaluate({ type: 'explosion' }, { in: [PUMPING] });
    expect(pump.values[F_PROTECTED]).toBeCloseTo(17.6, 10);
    expect(evaluate({ type: 'explosion' }, { in: [DMZ, EXCLUSION] }).values[F_PROTECTED]).toBe(0);
  });

  it('an outgoing explosion, or fire not reported at its impact, hits nothing', () => {
    const outgoing = evaluate({ type: 'explosion', subtype: 'outgoing' }, { in: [ARDELL] });
    expect(outgoing.values[F_PROTECTED]).toBe(0);
    expect(outgoing.impact).toBe(false);
    expect(outgoing.origin).toBe(true);
    expect(evaluate({ subtype: 'outgoing' }, { in: [PUMPING] }).values[F_PROTECTED]).toBe(0);
    expect(evaluate({}, { in: [PUMPING] }).values[F_PROTECTED]).toBe(0);
  });

  it('artillery reported at its impact in a settlement scores 18; strikes and craters always land', () => {
    expect(evaluate({ subtype: 'impact' }, { in: [ARDELL] }).values[F_PROTECTED]).toBe(18);
    expect(evaluate({ type: 'missile-strike' }, { in: [ARDELL] }).values[F_PROTECTED]).toBe(18);
    expect(evaluate({ type: 'crater-field' }, { in: [PUMPING] }).values[F_PROTECTED]).toBeCloseTo(
      17.6,
      10,
    );
  });

  it('a firing position is where the weapon stood, not where it hit', () => {
    for (const type of ['crater-field', 'missile-strike', 'explosion']) {
      const e = evaluate({ type, subtype: 'firing-position' }, { in: [ARDELL] });
      expect(e.values[F_PROTECTED]).toBe(0);
      expect(e.impact).toBe(false);
    }
  });

  it('a clash, a sighting or a column reported as an impact hits nothing', () => {
    for (const type of ['armed-clash', 'heavy-weapon-sighting', 'vehicle-column']) {
      const e = evaluate({ type, subtype: 'impact' }, { in: [ARDELL, PUMPING] });
      expect(e.values[F_PROTECTED]).toBe(0);
      expect(e.impact).toBe(false);
    }
  });

  it('only settlements and protected sites are hit, and only civilians or infrastructure targeted, whatever else a model lists', () => {
    const model = {
      ...MODEL,
      protected_places: {
        ...MODEL.protected_places,
        'buffer-zone': 9,
        'weapons-exclusion': 9,
        target: { ...MODEL.protected_places.target, military: 9, mission: 9 },
      },
    } as unknown as ScoringModel;
    const e = evaluate({ type: 'explosion' }, { in: [BUFFER, EXCLUSION] }, { model });
    expect(e.values[F_PROTECTED]).toBe(0);
    for (const target of ['military', 'mission'] as const)
      expect(evaluate({ target }, {}, { model }).values[F_PROTECTED]).toBe(0);
  });

  it('fire at civilians scores 14 × place weight, at infrastructure 16, without a location', () => {
    const civ = evaluate({ target: 'civilian', lat: undefined, lon: undefined });
    expect(civ.values[F_PROTECTED]).toBe(14);
    expect(civ.details[F_PROTECTED]).toEqual({
      zone: null,
      kind: 'target',
      share: 1,
      precisionWeight: 1,
    });
    expect(reasonKinds(civ)).toEqual([null, null, null, null, null, 'target', null]);
    expect(evaluate({ target: 'infrastructure' }).values[F_PROTECTED]).toBe(16);
    expect(evaluate({ type: 'mortar-fire', target: 'civilian' }).values[F_PROTECTED]).toBeCloseTo(
      11.2,
      10,
    );
    expect(evaluate({ target: 'military' }).values[F_PROTECTED]).toBe(0);
    expect(evaluate({ target: 'unknown' }).values[F_PROTECTED]).toBe(0);
  });

  it('a sighting or a column naming civilians as target claims no protected factor', () => {
    expect(
      evaluate({ type: 'heavy-weapon-sighting', target: 'civilian' }).values[F_PROTECTED],
    ).toBe(0);
    expect(evaluate({ type: 'vehicle-column', target: 'infrastructure' }).values[F_PROTECTED]).toBe(
      0,
    );
  });

  it('a target scoring less than the located impact leaves the impact as the reason', () => {
    const e = evaluate({ subtype: 'impact', target: 'civilian' }, { in: [ARDELL] });
    expect(e.values[F_PROTECTED]).toBe(18);
    expect(e.details[F_PROTECTED]).toMatchObject({ zone: ARDELL, kind: 'impact-in' });
    const higher = evaluate({ subtype: 'impact', target: 'infrastructure' }, { in: [ARDELL] });
    expect(higher.values[F_PROTECTED]).toBe(18);
    // On equal points the located impact keeps the reason.
    const model = {
      ...MODEL,
      protected_places: { ...MODEL.protected_places, settlement: 14 },
    } as ScoringModel;
    const tie = evaluate({ subtype: 'impact', target: 'civilian' }, { in: [ARDELL] }, { model });
    expect(tie.values[F_PROTECTED]).toBe(14);
    expect(tie.details[F_PROTECTED]).toMatchObject({ zone: ARDELL, kind: 'impact-in' });
  });

  it('fire, a strike or a crater field aimed at the mission: 30 points and at least HIGH', () => {
    for (const type of ['small-arms-fire', 'drone-strike', 'crater-field']) {
      const e = evaluate({ type, target: 'mission' });
      expect(e.values[F_MISSION]).toBe(30);
      expect(e.floor).toBe(FLOOR_HIGH);
      expect(e.floorReason).toBe('fire at the monitoring mission');
    }
  });

  it('troops or guns merely seen near the mission claim no attack on it', () => {
    for (const type of ['troop-movement', 'heavy-weapon-sighting', 'casualty-report']) {
      const e = evaluate({ type, target: 'mission' });
      expect(e.values[F_MISSION]).toBe(0);
      expect(e.floor).toBe(0);
    }
  });

  it('a compliant crater field aimed at the mission still counts the attack on it', () => {
    const e = evaluate({ type: 'crater-field', subtype: 'compliant', target: 'mission' });
    expect(e.values[F_MISSION]).toBe(30);
    expect(e.floor).toBe(FLOOR_HIGH);
  });

  // docs/ALERTS-AND-SEVERITY.md: "A compliant report adds only its act, harm
  // and attacks on the mission". It used to test the compliant report's own
  // rules (none), so only a crater field at the mission counted, not
  // artillery fire or a missile strike.
  it('a compliant fire report or strike aimed at the mission counts the attack on it, as a compliant crater field does', () => {
    for (const type of ['artillery-fire', 'missile-strike']) {
      const e = evaluate({ type, subtype: 'compliant', target: 'mission' });
      expect(e.values[F_MISSION]).toBe(30);
      expect(e.floor).toBe(FLOOR_HIGH);
    }
  });

  it('jamming of the mission: 16 points and at least MEDIUM; denial of access: 14', () => {
    const jam = evaluate({ type: 'jamming' });
    expect(jam.values[F_MISSION]).toBe(16);
    expect(jam.floor).toBe(FLOOR_MEDIUM);
    expect(jam.floorReason).toBe('jamming of the monitoring mission');
    const denied = evaluate({ type: 'movement-restriction' });
    expect(denied.values[F_MISSION]).toBe(14);
    expect(denied.floor).toBe(FLOOR_MEDIUM);
    expect(denied.floorReason).toBe('the mission denied access');
    const jammedPatrol = evaluate({ type: 'movement-restriction', subtype: 'jamming' });
    expect(jammedPatrol.values[F_MISSION]).toBe(16);
    expect(jammedPatrol.floorReason).toBe('jamming of the monitoring mission');
  });

  it('a restriction naming the mission counts; one naming someone else does not', () => {
    const e = evaluate({ type: 'movement-restriction', target: 'mission' });
    expect(e.values[F_MISSION]).toBe(14);
    expect(e.floor).toBe(FLOOR_MEDIUM);
    const others = evaluate({ type: 'jamming', target: 'civilian' });
    expect(others.values[F_MISSION]).toBe(0);
    expect(others.floor).toBe(0);
    expect(others.floorReason).toBeNull();
  });
});

describe('distance from the line of contact', () => {
  it('artillery fire 2.5 km from the line scores 4 × (1 − 2.5/10) = 3, with the whole point within', () => {
    const e = evaluate({}, { line: 2.5 });
    expect(e.values[F_LINE]).toBeCloseTo(3, 12);
    expect(e.details[F_LINE]).toEqual({ zone: null, kind: 'line', share: 1, precisionWeight: 1 });
    expect(reasonKinds(e)).toEqual([null, null, null, null, 'line', null, null]);
  });

  it('on the line 4 points, at 10 km and beyond nothing', () => {
    expect(evaluate({}, { line: 0 }).values[F_LINE]).toBe(4);
    expect(evaluate({}, { line: 9.99 }).values[F_LINE]).toBeCloseTo(0.004, 9);
    for (const km of [10, 12, 50]) {
      const e = evaluate({}, { line: km });
      expect(e.values[F_LINE]).toBe(0);
      expect(e.details[F_LINE]).toBeNull();
    }
  });

  it('a mortar’s line factor is weighted by its place weight 0.8', () => {
    expect(evaluate({ type: 'mortar-fire' }, { line: 5 }).values[F_LINE]).toBeCloseTo(1.6, 12);
  });

  it('a vaguely located report counts the share of its circle within 10 km, and its precision weight', () => {
    const e = evaluate({ precision_m: 20000 }, { line: 5 });
    const within = discWithinDistance(5, 20, 10);
    expect(within).toBeGreaterThan(0.2);
    expect(within).toBeLessThan(0.6);
    expect(e.values[F_LINE]).toBeCloseTo(4 * 0.5 * within * 0.5, 12);
    expect(e.details[F_LINE]).toEqual({
      zone: null,
      kind: 'line',
      share: within,
      precisionWeight: 0.5,
    });
  });

  it('only fire counts near the line, and only where the line is known', () => {
    expect(evaluate({ type: 'troop-movement' }, { line: 1 }).values[F_LINE]).toBe(0);
    expect(
      evaluate({ type: 'heavy-weapon-sighting', weapon_class: 'mlrs' }, { line: 1 }).values[F_LINE],
    ).toBe(0);
    expect(evaluate({}, { line: null }).values[F_LINE]).toBe(0);
  });

  it('a model whose line is worth nothing gives no line reason', () => {
    const model = {
      ...MODEL,
      line_of_contact: { ...MODEL.line_of_contact, max_points: 0 },
    } as ScoringModel;
    const e = evaluate({}, { line: 1 }, { model });
    expect(e.values[F_LINE]).toBe(0);
    expect(e.details).toEqual(EVENT_FACTORS.map(() => null));
  });
});

describe('a report with no place', () => {
  it('a report with a latitude but no longitude claims no zone, line, origin or impact', () => {
    for (const missing of [{ lon: undefined }, { lat: undefined }]) {
      const e = evaluate(
        { type: 'mlrs-fire', subtype: 'impact', ...missing },
        { in: [EXCLUSION, ARDELL, DMZ], line: 1 },
      );
      expect(factors(e)).toMatchObject({ place: 0, separation: 0, line: 0, protected: 0 });
      expect(e.origin).toBe(false);
      expect(e.impact).toBe(false);
      const gun = evaluate({ type: 'mlrs-fire', ...missing }, { in: [EXCLUSION] });
      expect(gun.values[F_PLACE]).toBe(0);
      expect(gun.origin).toBe(false);
      expect(gun.floor).toBe(0);
    }
  });

  it('a report that cannot locate a weapon is neither origin nor impact', () => {
    const e = evaluate({ type: 'troop-movement' }, { in: [DMZ] });
    expect(e.origin).toBe(false);
    expect(e.impact).toBe(false);
    expect(e.sustains).toBe(false);
    expect(evaluate({}).sustains).toBe(true);
  });
});

describe('harm, scale and clearing', () => {
  it('3 killed, 1 of them civilian: 10·log2(4) + 8·log2(2) = 28 points', () => {
    const e = evaluate({ type: 'casualty-report', killed: 3, civilian_killed: 1 });
    expect(e.harm).toEqual({
      killed: 3,
      civilianKilled: 1,
      injured: 0,
      civilianInjured: 0,
      points: 28,
    });
    expect(
      harmPoints(MODEL, { killed: 1, civilianKilled: 3, injured: 7, civilianInjured: 1 }),
    ).toBeCloseTo(10 + 16 + 12 + 3, 12);
  });

  it('a civilian figure with no total counts as the total too; a larger total stands', () => {
    const e = evaluate({ type: 'casualty-report', civilian_injured: 5, injured: 2 });
    expect(e.harm).toMatchObject({ injured: 5, civilianInjured: 5, killed: 0 });
    const larger = evaluate({
      type: 'casualty-report',
      civilian_injured: 1,
      injured: { low: 2, best: 4, high: 9 },
    });
    expect(larger.harm).toMatchObject({ injured: 4, civilianInjured: 1 });
    expect(evaluate({ type: 'casualty-report', casualties: 2 }).harm).toMatchObject({ killed: 2 });
    expect(evaluate({ type: 'casualty-report' }).harm).toBeNull();
  });

  it('8 rounds score 2·log2(8) = 6 points of scale, capped at 8; no count, none', () => {
    const eight = evaluate({ count: 8 });
    expect(eight.unit).toBe('rounds');
    expect(eight.count).toBe(8);
    expect(eight.scalePoints).toBe(6);
    expect(evaluate({ count: 1000 }).scalePoints).toBe(8);
    const none = evaluate({});
    expect(none.count).toBe(1);
    expect(none.scalePoints).toBe(0);
    const jam = evaluate({ type: 'jamming', count: 4 });
    expect(jam.unit).toBeNull();
    expect(jam.scalePoints).toBe(0);
  });

  it('a clearing report adds no gravity, harm, scale, floor, origin or impact, but is signed', () => {
    const e = evaluate(
      {
        type: 'mlrs-fire',
        assessment: 'clears',
        killed: 2,
        count: 6,
        target: 'mission',
      },
      { in: [EXCLUSION, DMZ], line: 1 },
    );
    expect(e.values).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(e.details).toEqual(EVENT_FACTORS.map(() => null));
    expect(e.floor).toBe(0);
    expect(e.floorReason).toBeNull();
    expect(e.harm).toBeNull();
    expect(e.unit).toBeNull();
    expect(e.scalePoints).toBe(0);
    expect(e.origin).toBe(false);
    expect(e.impact).toBe(false);
    expect(e.sustains).toBe(false);
    expect(e.act).toBe(26);
    expect(e.signature).not.toBe(0);
  });
});

describe('certainty of one report', () => {
  it('confidence 0.8 from an open source (reliability 0.6) located to ±20 km: trust 0.48, certainty 0.24', () => {
    const e = evaluate({ source: 'open-source', precision_m: 20000 });
    expect(e.confidence).toBe(0.8);
    expect(e.trust).toBeCloseTo(0.48, 12);
    expect(e.precisionWeight).toBe(0.5);
    expect(e.certainty).toBeCloseTo(0.24, 12);
    expect(e.kind).toBe(sourceIndex('open-source'));
  });

  it('a report without confidence takes the model’s 0.5; without precision, its 100 m', () => {
    const e = evaluate({ confidence: undefined, source: 'inject', precision_m: undefined });
    expect(e.confidence).toBe(0.5);
    expect(e.trust).toBe(0.25);
    expect(e.precisionWeight).toBe(precisionWeightOf(MODEL, 100));
    expect(e.precisionWeight).toBeCloseTo(1 / 1.005, 12);
  });

  it('a report’s confidence changes its certainty, never its gravity', () => {
    const places: Where[] = [
      { in: [EXCLUSION], line: 3 },
      { in: [ARDELL, BUFFER], line: 0.5 },
      { in: [DMZ] },
    ];
    const types = ['mlrs-fire', 'explosion', 'troop-movement', 'jamming', 'heavy-weapon-sighting'];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.constantFrom(...places),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30000 }),
        (type, where, c1, c2, precision) => {
          const a = evaluate(
            { type, confidence: c1, precision_m: precision, target: 'civilian' },
            where,
          );
          const b = evaluate(
            { type, confidence: c2, precision_m: precision, target: 'civilian' },
            where,
          );
          expect(b.values).toEqual(a.values);
          expect(b.details).toEqual(a.details);
          expect(b.floor).toBe(a.floor);
          expect(b.certainty / b.confidence).toBeCloseTo(a.certainty / a.confidence, 12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a vaguer location never scores a factor higher, and always lowers certainty', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15000 }),
        fc.integer({ min: 1, max: 15000 }),
        fc.constantFrom<Where>({ in: [BUFFER], line: 2 }, { in: [ARDELL], line: 6 }),
        (p, extra, where) => {
          const sharp = evaluate(
            { subtype: 'impact', precision_m: p, lat: -45.02, lon: -120.45 },
            where,
          );
          const vague = evaluate(
            { subtype: 'impact', precision_m: p + extra, lat: -45.02, lon: -120.45 },
            where,
          );
          for (let i = 0; i < EVENT_FACTORS.length; i++)
            expect(vague.values[i]!).toBeLessThanOrEqual(sharp.values[i]! + 1e-12);
          expect(vague.certainty).toBeLessThan(sharp.certainty);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the reusable evaluation', () => {
  it('a fresh scratch reads as no report at all', () => {
    const s = evaluationScratch();
    expect(s.compliant).toBe(false);
    expect(s.sustains).toBe(false);
    expect(s.origin).toBe(false);
    expect(s.impact).toBe(false);
    expect(s.groups).toEqual([]);
    expect(s.groupIds).toEqual([]);
    expect(s.values).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(s.floor).toBe(0);
    expect(s.floorReason).toBeNull();
  });

  it('is filled in place and keeps nothing of the report before', () => {
    const ctx = scoringContext(MODEL, ZONES);
    const scratch = dirtyScratch(ctx);
    const values = scratch.values;
    const out = evaluateEvent(ctx, replayOf(report({ type: 'troop-movement' })), scratch);
    expect(out).toBe(scratch);
    expect(out.values).toBe(values);
    expect(out.values).toEqual([8, 0, 0, 0, 0, 0, 0]);
    expect(out.signature).toBe(0);
    expect(out.harm).toBeNull();
  });
});

describe('source kinds and compatibility groups', () => {
  it('each source kind has its index in SOURCES; an unknown one counts as the first', () => {
    expect(sourceIndex('satellite')).toBe(0);
    expect(sourceIndex('drone')).toBe(1);
    expect(sourceIndex('inject')).toBe(5);
    expect(sourceIndex('carrier-pigeon' as never)).toBe(0);
  });

  it('a type in no group agrees only with reports of its own type', () => {
    const ctx = scoringContext(MODEL, ZONES);
    expect(ctx.groupsOf('x-flare')).toEqual(['type:x-flare']);
    expect(ctx.groupsOf('x-flare')).toBe(ctx.groupsOf('x-flare'));
    expect(ctx.groupsOf('x-smoke')).toEqual(['type:x-smoke']);
    const ids = ctx.groupIdsOf('x-flare');
    expect(ids).toHaveLength(1);
    expect(ctx.groupIdsOf('x-flare')).toBe(ids);
    expect(ctx.groupIdsOf('x-smoke')[0]).not.toBe(ids[0]);
    expect(ctx.groupsOf('heavy-weapon-sighting')).toEqual(['fire', 'presence']);
    expect(evaluate({ type: 'heavy-weapon-sighting' }).groups).toEqual(['fire', 'presence']);
  });

  it('a type listed twice in one group belongs to it once', () => {
    const model = {
      ...MODEL,
      certainty: {
        ...MODEL.certainty,
        compatibility: { fire: ['artillery-fire', 'artillery-fire'], other: ['artillery-fire'] },
      },
    } as ScoringModel;
    const ctx = scoringContext(model, ZONES);
    expect(ctx.groupsOf('artillery-fire')).toEqual(['fire', 'other']);
    expect(ctx.groupIdsOf('artillery-fire')).toEqual([1, 2]);
  });
});

describe('the claim signature', () => {
  const sig = (extra: Partial<ScenarioEvent>) => evaluate({ count: 6, ...extra }).signature;

  it('a repeat from another source, time and confidence claims the same', () => {
    expect(sig({ source: 'observer', confidence: 0.3, id: 'r2', time: at(50) })).toBe(sig({}));
  });

  it('differs with the type, subtype, weapon, target or assessment named', () => {
    const base = sig({ subtype: 'outgoing' });
    expect(sig({ subtype: 'incoming' })).not.toBe(base);
    expect(sig({ subtype: undefined })).not.toBe(base);
    expect(sig({ subtype: 'outgoing', weapon_class: 'mortar' })).not.toBe(base);
    expect(sig({ subtype: 'outgoing', target: 'civilian' })).not.toBe(
      sig({ subtype: 'outgoing', target: 'military' }),
    );
  });

  it('differs with the people counted, as a number or as a range', () => {
    expect(sig({ killed: 2 })).not.toBe(sig({ killed: 3 }));
    expect(sig({ injured: 2 })).not.toBe(sig({}));
    expect(sig({ killed: { low: 1, best: 2, high: 3 } })).not.toBe(
      sig({ killed: { low: 1, best: 2, high: 4 } }),
    );
    expect(sig({ killed: { low: 1, best: 2, high: 3 } })).not.toBe(sig({ killed: 2 }));
    expect(sig({ civilian_killed: 1 })).not.toBe(sig({ civilian_injured: 1 }));
  });

  it('differs with the place and precision, and with the count', () => {
    expect(sig({ lat: -44.31 })).not.toBe(sig({}));
    expect(sig({ precision_m: 500 })).not.toBe(sig({}));
    expect(sig({ count: 7 })).not.toBe(sig({}));
  });

  it('only reports that a repeat could count twice are signed: fire, harm, clearing', () => {
    expect(evaluate({ type: 'troop-movement', count: 30 }).signature).toBe(0);
    expect(evaluate({ type: 'casualty-report', killed: 1 }).signature).not.toBe(0);
    expect(evaluate({ type: 'troop-movement', assessment: 'clears' }).signature).not.toBe(0);
  });
});
