// Invariants 1–10 of docs/ALERTS-AND-SEVERITY.md (version 2), each held as a
// fast-check property over random reports and zones against the built-in
// model, with one named example each. Strict comparisons are made on the
// exact measures (before the one rounding), as the contract's "strictly"
// means; a precision change of a metre cannot move a rounded tenth.
// Invariant 11 (ranking) is in rank.invariants.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_FACTORS,
  evaluateEvent,
  scoringContext,
} from '../../../shared/alerts/event-evidence';
import {
  BUILTIN_SCORING_MODEL as MODEL,
  HEAVY_WEAPONS,
  modelBounds,
} from '../../../shared/alerts/scoring-model';
import { severityRank, type Severity } from '../../../shared/alerts/bands';
import type { Zone } from '../../../shared/scenario/loaded-scenario';
import {
  EVENT_TYPES,
  SOURCES,
  TARGETS,
  WEAPON_CLASSES,
  type ScenarioEvent,
  type Source,
  type WeaponClass,
} from '../../../shared/scenario/schema';
import { SUBTYPES, eventArb, eventsArb } from './fixtures/arbitraries';
import { T0, rectZone, settlementZone } from './fixtures/build-scenario';
import { alertOf, replays, scoreEvents } from './fixtures/score-helpers';

const RUNS = { numRuns: 1500 };
const LAT = -43.75;
const LON = -120.15;
const BOX: [number, number, number, number] = [-120.3, -43.9, -120.0, -43.6];
const atLeast = (severity: Severity, band: Severity) =>
  severityRank(severity) <= severityRank(band);

const ONE_ZONE = (over: Partial<Parameters<typeof rectZone>[0]> = {}): Zone[] => [
  rectZone({ id: 'z', name: 'Zone', kind: 'weapons-exclusion', box: BOX, ...over }),
];

/** A report at the zones' centre, with the given fields. */
function report(fields: Partial<ScenarioEvent>, id = 'r-1'): ScenarioEvent {
  return {
    id,
    time: new Date(T0 + 60_000).toISOString(),
    source: 'drone',
    type: 'explosion',
    lat: LAT,
    lon: LON,
    ...fields,
  } as ScenarioEvent;
}

/** The claims a repeat must copy (invariant 1). */
const CLAIMS = [
  'type',
  'subtype',
  'weapon_class',
  'calibre_mm',
  'count',
  'casualties',
  'killed',
  'injured',
  'civilian_killed',
  'civilian_injured',
  'target',
  'lat',
  'lon',
  'precision_m',
  'assessment',
  'refers_to',
] as const;

describe('invariant 1: a repeat from another source kind changes no gravity and lowers no certainty', () => {
  it('holds for a repeat of any report of any alert, at any time and confidence', () => {
    fc.assert(
      fc.property(
        eventsArb(1, 8, 120),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 120 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        (events, pick, kind, minute, confidence) => {
          const original = events[pick % events.length]!;
          const others = SOURCES.filter((s) => s !== original.source);
          const repeat: ScenarioEvent = {
            id: 'z-repeat',
            time: new Date(T0 + minute * 60_000).toISOString(),
            source: others[kind % others.length]!,
          } as ScenarioEvent;
          for (const field of CLAIMS) {
            if (original[field] !== undefined)
              (repeat as Record<string, unknown>)[field] = original[field];
          }
          if (confidence !== undefined) repeat.confidence = confidence;
          const before = replays(events);
          // The repeat joins last, after every report of the alert.
          const after = [...before, { ...replays([repeat])[0]!, seq: before.length }];
          const a = alertOf(before);
          const b = alertOf(after);
          expect(b.exact).toBe(a.exact);
          expect(b.measures.gravity).toBe(a.measures.gravity);
          expect(b.exactCertainty).toBeGreaterThanOrEqual(a.exactCertainty);
        },
      ),
      RUNS,
    );
  });

  it('example: MLRS fire reported by a ground sensor, then the same by a drone and a patrol', () => {
    const fire = {
      type: 'mlrs-fire',
      weapon_class: 'mlrs',
      calibre_mm: 122,
      count: 40,
      confidence: 0.7,
    } as const;
    const one = scoreEvents([report({ ...fire, source: 'ground-sensor' })]);
    const three = scoreEvents([
      report({ ...fire, source: 'ground-sensor' }, 'a'),
      report({ ...fire, source: 'drone', time: new Date(T0 + 9 * 60_000).toISOString() }, 'b'),
      report({ ...fire, source: 'observer', time: new Date(T0 + 30 * 60_000).toISOString() }, 'c'),
    ]);
    expect(three.measures.gravity).toBe(one.measures.gravity);
    expect(three.measures.certainty).toBeGreaterThan(one.measures.certainty);
  });
});

describe('invariant 2: more harm, rounds or calibre never lowers gravity; more killed is strictly graver', () => {
  const raise = fc.record({
    index: fc.nat(),
    field: fc.constantFrom(
      'killed',
      'injured',
      'civilian_killed',
      'civilian_injured',
      'count',
      'calibre_mm',
    ),
    amount: fc.integer({ min: 1, max: 120 }),
  });
  it('holds for each figure raised on any report of the alert', () => {
    const given = (e: ScenarioEvent) =>
      e.casualties !== undefined ||
      e.killed !== undefined ||
      e.injured !== undefined ||
      e.civilian_killed !== undefined ||
      e.civilian_injured !== undefined;
    fc.assert(
      fc.property(eventsArb(1, 6, 120), raise, (events, { index, field, amount }) => {
        const i = index % events.length;
        const e = events[i]!;
        const harmField = field !== 'count' && field !== 'calibre_mm';
        // A report that gave no figure is not a harm report: giving it one makes
        // it one, and the alert may then weigh it above another (the contract's rule).
        fc.pre(!harmField || given(e));
        const raised: ScenarioEvent = { ...e };
        const bump = (c: ScenarioEvent['killed']) =>
          c === undefined
            ? amount
            : typeof c === 'number'
              ? c + amount
              : { low: c.low, best: c.best + amount, high: c.high + amount };
        if (field === 'count') raised.count = (e.count ?? 1) + amount;
        else if (field === 'calibre_mm') raised.calibre_mm = (e.calibre_mm ?? 1) + amount;
        else if (field === 'killed') {
          if (e.casualties !== undefined) raised.casualties = bump(e.casualties);
          else raised.killed = bump(e.killed);
        } else if (field === 'injured') raised.injured = bump(e.injured);
        else {
          raised[field] = bump(raised[field]);
          // The total rises with its civilian part, so the report stays valid.
          const total =
            field === 'civilian_killed'
              ? e.casualties !== undefined
                ? 'casualties'
                : 'killed'
              : 'injured';
          if (raised[total] !== undefined) raised[total] = bump(raised[total]);
        }
        // Raised into an exact repeat of another report, it is that report's repeat (invariant 1).
        const claims = (x: ScenarioEvent) => JSON.stringify(CLAIMS.map((c) => x[c] ?? null));
        fc.pre(!events.some((x, j) => j !== i && claims(x) === claims(raised)));
        const before = alertOf(replays(events));
        const after = alertOf(replays(events.map((x, j) => (j === i ? raised : x))));
        expect(after.exact).toBeGreaterThanOrEqual(before.exact);
        expect(after.measures.gravity).toBeGreaterThanOrEqual(before.measures.gravity);
      }),
      RUNS,
    );
  });

  it('scores one more killed strictly higher, all else equal, up to and beyond 100 killed', () => {
    fc.assert(
      fc.property(
        eventArb(60),
        fc.integer({ min: 0, max: 150 }),
        fc.boolean(),
        (raw, killed, civilians) => {
          fc.pre(raw.assessment !== 'clears');
          const base = {
            ...raw,
            id: 'k',
            casualties: undefined,
            civilian_killed: undefined,
            civilian_injured: undefined,
          } as ScenarioEvent;
          const at = (k: number) =>
            alertOf(
              replays([
                { ...base, killed: k, ...(civilians ? { civilian_killed: Math.min(k, 1) } : {}) },
              ]),
            ).exact;
          const lower = at(killed);
          fc.pre(lower < 100);
          expect(at(killed + 1)).toBeGreaterThan(lower);
        },
      ),
      RUNS,
    );
  });

  it('example: 5 and 21 killed earn different harm points, and 21 ranks higher', () => {
    const five = scoreEvents([report({ type: 'artillery-fire', source: 'observer', killed: 5 })]);
    const many = scoreEvents([report({ type: 'artillery-fire', source: 'observer', killed: 21 })]);
    const harm = (a: typeof five) => a.factors.find((f) => f.factor === 'harm')!.contribution;
    expect(harm(many)).toBeGreaterThan(harm(five) + 10);
    expect(many.measures.gravity).toBeGreaterThan(five.measures.gravity);
  });
});

describe('invariant 3: a prohibited weapon is judged where the weapon was', () => {
  /** A report that locates the weapon (firing point), per the contract's rules. */
  const firingPoint = fc
    .record({
      type: fc.constantFrom(
        'artillery-fire',
        'mlrs-fire',
        'mortar-fire',
        'tank-fire',
        'small-arms-fire',
        'heavy-weapon-sighting',
        'explosion',
      ),
      position: fc.boolean(),
      weapon: fc.constantFrom(...WEAPON_CLASSES),
    })
    .map(({ type, position, weapon }) => ({
      type,
      weapon_class: weapon,
      subtype: position ? 'firing-position' : type === 'explosion' ? 'outgoing' : undefined,
    }));
  it('scores a firing point inside a zone prohibiting its class above the same outside every zone, and an impact there without the factor', () => {
    fc.assert(
      fc.property(eventArb(60), firingPoint, (raw, fp) => {
        fc.pre(raw.assessment !== 'clears');
        const event = { ...raw, ...fp, id: 'p', lat: LAT, lon: LON } as ScenarioEvent;
        if (fp.subtype === undefined) delete event.subtype;
        const zones = ONE_ZONE({ prohibited: [fp.weapon_class] });
        const inside = alertOf(replays([event], zones), zones);
        const outside = alertOf(replays([event], []), []);
        if (outside.exact < 100) expect(inside.exact).toBeGreaterThan(outside.exact);
        expect(inside.factors.some((f) => f.factor === 'place')).toBe(true);
        const impact = { ...event, subtype: 'impact' } as ScenarioEvent;
        const hit = alertOf(replays([impact], zones), zones);
        expect(hit.factors.some((f) => f.factor === 'place')).toBe(false);
        expect(hit.evidence.bestEvent[EVENT_FACTORS.indexOf('place')]).toBeNull();
      }),
      RUNS,
    );
  });

  it('example: 152 mm artillery firing from inside an exclusion zone, and its rounds landing in one', () => {
    const zones = ONE_ZONE({ prohibited: ['artillery'] });
    const origin = alertOf(
      replays([report({ type: 'artillery-fire', subtype: 'outgoing', calibre_mm: 152 })], zones),
      zones,
    );
    const impact = alertOf(
      replays([report({ type: 'artillery-fire', subtype: 'impact', calibre_mm: 152 })], zones),
      zones,
    );
    expect(origin.factors.find((f) => f.factor === 'place')!.label).toBe(
      'Artillery firing from inside Zone (prohibited there)',
    );
    expect(impact.factors.map((f) => f.factor)).not.toContain('place');
    expect(origin.measures.gravity).toBeGreaterThan(impact.measures.gravity);
  });
});

describe('invariant 4: a civilian killed makes an alert at least high; five make it critical', () => {
  it('holds whatever else the alert holds and however many sources reported it', () => {
    fc.assert(
      fc.property(
        eventsArb(0, 5, 120),
        eventArb(120),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (others, raw, civilians, more) => {
          fc.pre(raw.assessment !== 'clears');
          const harm: ScenarioEvent = {
            ...raw,
            id: 'h',
            casualties: undefined,
            injured: undefined,
            civilian_injured: undefined,
            killed: civilians + more,
            civilian_killed: civilians,
            confidence: 1,
            source: 'observer',
          } as ScenarioEvent;
          // No other report gives harm figures: the alert's figures are these.
          const rest = others.map(
            (e) =>
              ({
                ...e,
                casualties: undefined,
                killed: undefined,
                civilian_killed: undefined,
                injured: undefined,
                civilian_injured: undefined,
              }) as ScenarioEvent,
          );
          const a = alertOf(replays([...rest, harm]));
          expect(atLeast(a.measures.severity, civilians >= 5 ? 'critical' : 'high')).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('example: one patrol report of one civilian killed, from a lone casualty report', () => {
    const a = scoreEvents([
      report({ type: 'casualty-report', source: 'observer', civilian_killed: 1 }),
    ]);
    expect(a.measures.severity).toBe('high');
    expect(a.factors.find((f) => f.factor === 'floor')!.label).toBe(
      'At least HIGH: 1 civilian killed',
    );
    const five = scoreEvents([
      report({
        type: 'casualty-report',
        source: 'open-source',
        confidence: 0.2,
        civilian_killed: 5,
      }),
    ]);
    expect(five.measures.severity).toBe('critical');
  });
});

describe('invariant 5: fire at the mission is at least high; jamming or denial of access at least medium', () => {
  const fireTypes = EVENT_TYPES.filter((t) =>
    ['fire', 'clash', 'explosion', 'strike', 'impact'].includes(MODEL.event_types[t]?.role ?? ''),
  );
  it('holds for any fire or strike aimed at the mission and any jamming or restriction', () => {
    fc.assert(
      fc.property(
        eventsArb(0, 4, 120),
        eventArb(120),
        fc.oneof(
          fc
            .constantFrom(...fireTypes)
            .map((type) => ({ type, target: 'mission' as const, band: 'high' as const })),
          fc
            .constantFrom('jamming', 'movement-restriction')
            .map((type) => ({ type, band: 'medium' as const })),
        ),
        (others, raw, attack) => {
          fc.pre(raw.assessment !== 'clears' && raw.subtype !== 'compliant');
          const event = {
            ...raw,
            id: 'm',
            type: attack.type,
            target: 'target' in attack ? attack.target : undefined,
          } as ScenarioEvent;
          if (event.target === undefined) delete event.target;
          const a = alertOf(replays([...others, event]));
          expect(atLeast(a.measures.severity, attack.band)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('example: small-arms fire at a monitoring patrol, and a jammed mission drone', () => {
    expect(
      scoreEvents([report({ type: 'small-arms-fire', source: 'observer', target: 'mission' })])
        .measures.severity,
    ).toBe('high');
    expect(scoreEvents([report({ type: 'jamming', source: 'drone' })]).measures.severity).toBe(
      'medium',
    );
    // Jamming aimed at someone else is not an attack on the mission.
    expect(
      scoreEvents([report({ type: 'jamming', source: 'drone', target: 'military' })]).measures
        .severity,
    ).toBe('info');
  });
});

describe('invariant 6: heavy weapons firing from a settlement or prohibiting zone rank above small-arms fire', () => {
  const town = settlementZone({ id: 'town', name: 'Town', lat: LAT, lon: LON, radius_m: 3000 });
  const smallArmsAlert = fc.array(
    fc.record({
      source: fc.constantFrom(...SOURCES),
      minute: fc.integer({ min: 0, max: 600 }),
      count: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
      calibre: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
      subtype: fc.option(fc.constantFrom(...SUBTYPES), { nil: undefined }),
      target: fc.option(fc.constantFrom(...TARGETS.filter((t) => t !== 'mission')), {
        nil: undefined,
      }),
      precision: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      dLat: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
    }),
    { minLength: 1, maxLength: 12 },
  );
  it('keeps every small-arms alert without casualties below high, and the heavy one at least high', () => {
    const prohibitAll = ONE_ZONE({
      kind: 'demilitarized-zone',
      prohibited: [...WEAPON_CLASSES],
      max_calibre_mm: 1,
    });
    const worst = [
      ...prohibitAll,
      town,
      rectZone({ id: 'plant', name: 'Plant', kind: 'infrastructure', box: BOX }),
    ];
    fc.assert(
      fc.property(
        smallArmsAlert,
        eventArb(60),
        fc.constantFrom(...HEAVY_WEAPONS),
        fc.boolean(),
        (shots, raw, weapon, inTown) => {
          fc.pre(raw.assessment !== 'clears');
          const small = shots.map(
            (s, i) =>
              ({
                id: `s-${i}`,
                time: new Date(T0 + s.minute * 60_000).toISOString(),
                source: s.source,
                type: 'small-arms-fire',
                weapon_class: 'small-arms',
                lat: LAT + s.dLat,
                lon: LON,
                confidence: s.confidence,
                ...(s.count !== undefined ? { count: s.count } : {}),
                ...(s.calibre !== undefined ? { calibre_mm: s.calibre } : {}),
                ...(s.subtype !== undefined ? { subtype: s.subtype } : {}),
                ...(s.target !== undefined ? { target: s.target } : {}),
                ...(s.precision !== undefined ? { precision_m: s.precision } : {}),
              }) as ScenarioEvent,
          );
          const smallAlert = alertOf(replays(small, worst), worst);
          const zones = inTown ? [town] : ONE_ZONE({ prohibited: [weapon as WeaponClass] });
          const heavy = {
            ...raw,
            id: 'h',
            type: 'heavy-weapon-sighting',
            subtype: 'firing-position',
            weapon_class: weapon,
            lat: LAT,
            lon: LON,
          } as ScenarioEvent;
          const heavyAlert = alertOf(replays([heavy], zones), zones);
          expect(atLeast(heavyAlert.measures.severity, 'high')).toBe(true);
          expect(smallAlert.measures.gravity).toBeLessThan(60);
          expect(heavyAlert.measures.gravity).toBeGreaterThan(smallAlert.measures.gravity);
        },
      ),
      RUNS,
    );
  });

  it('is guaranteed by the model: its small-arms bound is below 60', () => {
    expect(modelBounds(MODEL).smallArms).toBeLessThan(60);
  });

  it('example: six 152 mm howitzers firing from inside a town rank above three small-arms clusters seen by three kinds', () => {
    const howitzers = alertOf(
      replays(
        [
          report({
            type: 'artillery-fire',
            subtype: 'outgoing',
            calibre_mm: 152,
            count: 6,
            source: 'ground-sensor',
            confidence: 0.8,
          }),
        ],
        [town],
      ),
      [town],
    );
    const cluster = scoreEvents(
      (['drone', 'ground-sensor', 'observer'] as Source[]).map((source, i) =>
        report(
          {
            type: 'small-arms-fire',
            source,
            count: 200,
            confidence: 0.9,
            time: new Date(T0 + i * 20 * 60_000).toISOString(),
          },
          `c-${i}`,
        ),
      ),
    );
    expect(howitzers.measures.severity).toBe('critical');
    expect(howitzers.measures.gravity).toBeGreaterThan(cluster.measures.gravity);
  });
});

describe('invariant 7: a vaguer location scores its zone and distance factors strictly lower', () => {
  const zoneArb = fc.constantFrom<Zone[]>(
    ONE_ZONE({ kind: 'demilitarized-zone', prohibited: [...WEAPON_CLASSES], max_calibre_mm: 50 }),
    ONE_ZONE({ kind: 'disengagement-area' }),
    ONE_ZONE({ kind: 'buffer-zone', prohibited: ['artillery', 'mortar'] }),
    [settlementZone({ id: 't', name: 'Town', lat: LAT, lon: LON, radius_m: 4000 })],
    [
      settlementZone({
        id: 'p',
        name: 'Plant',
        lat: LAT,
        lon: LON,
        radius_m: 800,
        kind: 'infrastructure',
      }),
    ],
    [
      rectZone({
        id: 'strip',
        name: 'Strip',
        kind: 'demilitarized-zone',
        box: [-120.16, -44.5, -120.14, -43.0],
      }),
    ],
  );
  it('holds for every zone, distance and report', () => {
    fc.assert(
      fc.property(
        eventArb(60),
        zoneArb,
        fc.integer({ min: 1, max: 40_000 }),
        fc.integer({ min: 1, max: 40_000 }),
        fc.double({ min: -0.004, max: 0.004, noNaN: true }),
        (raw, zones, p, more, dLat) => {
          const base = { ...raw, id: 'q', lat: LAT + dLat, lon: LON } as ScenarioEvent;
          const ctx = scoringContext(MODEL, zones);
          const [at] = replays([{ ...base, precision_m: p }], zones);
          fc.pre(at!.zoneIds.length > 0);
          const precise = evaluateEvent(ctx, at!);
          const vague = evaluateEvent(ctx, {
            ...at!,
            event: { ...at!.event, precision_m: p + more },
          });
          for (const factor of ['place', 'separation', 'line', 'protected'] as const) {
            const i = EVENT_FACTORS.indexOf(factor);
            const detail = precise.details[i];
            if (precise.values[i]! === 0) expect(vague.values[i]!).toBe(0);
            else if (detail && detail.kind !== 'target')
              expect(vague.values[i]!).toBeLessThan(precise.values[i]!);
          }
        },
      ),
      RUNS,
    );
  });

  it('example: an explosion heard 8–20 km away is not scored as fully inside a 3 km strip', () => {
    const strip = [
      rectZone({
        id: 'strip',
        name: 'Demilitarized strip',
        kind: 'demilitarized-zone',
        box: [-120.17, -44.5, -120.13, -43.0],
      }),
    ];
    const heard = alertOf(
      replays([report({ type: 'explosion', source: 'observer', precision_m: 6000 })], strip),
      strip,
    );
    const seen = alertOf(
      replays([report({ type: 'explosion', source: 'observer', precision_m: 50 })], strip),
      strip,
    );
    const separation = (a: typeof heard) => a.factors.find((f) => f.factor === 'separation')!;
    expect(separation(heard).contribution).toBeLessThan(separation(seen).contribution * 0.5);
    expect(separation(heard).label).toMatch(/\(±6 km: \d+% of the circle inside\)$/);
  });
});

describe('invariant 8: agreement raises certainty; disagreement does not; clearing clears', () => {
  const ctx = scoringContext(MODEL, []);
  const plain = (events: ScenarioEvent[]) =>
    events.map((e) => ({ ...e, assessment: undefined, refers_to: undefined }) as ScenarioEvent);
  it('a compatible report from a new independent kind strictly raises certainty; an incompatible one never does', () => {
    fc.assert(
      fc.property(eventsArb(1, 6, 120), eventArb(120), fc.nat(), (raw, extraRaw, pick) => {
        const events = plain(raw);
        const before = alertOf(replays(events));
        const lead = { act: before.evidence.leadAct, groups: before.evidence.leadGroups };
        const present = new Set(events.map((e) => e.source));
        const fresh = SOURCES.filter(
          (s) => !present.has(s) && MODEL.certainty.sources[s].independent,
        );
        fc.pre(fresh.length > 0);
        const extra = {
          ...plain([extraRaw as ScenarioEvent])[0]!,
          id: 'z-new',
          source: fresh[pick % fresh.length]!,
        } as ScenarioEvent;
        const item = evaluateEvent(ctx, replays([extra])[0]!);
        // It must not become what the alert is about (its lead): at most as grave an act.
        fc.pre(item.act <= lead.act);
        const after = alertOf([
          ...replays(events),
          { ...replays([extra])[0]!, seq: events.length },
        ]);
        const compatible = item.groups.some((g) => lead.groups.includes(g));
        if (compatible) expect(after.exactCertainty).toBeGreaterThan(before.exactCertainty);
        else expect(after.exactCertainty).toBeLessThanOrEqual(before.exactCertainty);
      }),
      RUNS,
    );
  });

  it('a clearing report sets the alert cleared (certainty 0) and never raises its gravity', () => {
    fc.assert(
      fc.property(eventsArb(1, 6, 120), eventArb(120), (raw, clearRaw) => {
        const events = plain(raw);
        const before = alertOf(replays(events));
        const clearing = {
          ...clearRaw,
          id: 'z-clear',
          assessment: 'clears',
          refers_to: events[0]!.id,
        } as ScenarioEvent;
        const after = alertOf([
          ...replays(events),
          { ...replays([clearing])[0]!, seq: events.length },
        ]);
        expect(after.measures.certaintyBand).toBe('cleared');
        expect(after.measures.certainty).toBe(0);
        expect(after.exact).toBeLessThanOrEqual(before.exact);
      }),
      RUNS,
    );
  });

  it('example: a drone, then a ground sensor, then an unrelated column report', () => {
    const drone = report({ type: 'artillery-fire', source: 'drone', confidence: 0.6 }, 'a');
    const sensor = report(
      { type: 'artillery-fire', source: 'ground-sensor', confidence: 0.5 },
      'b',
    );
    const column = report({ type: 'vehicle-column', source: 'satellite', confidence: 0.9 }, 'c');
    const one = scoreEvents([drone]).exactCertainty;
    const two = scoreEvents([drone, sensor]).exactCertainty;
    const three = scoreEvents([drone, sensor, column]).exactCertainty;
    expect(two).toBeGreaterThan(one);
    expect(three).toBe(two);
  });
});

describe('invariant 9: lone weak detections stay low and unconfirmed; compliance is info', () => {
  const worst = [
    ...ONE_ZONE({ kind: 'demilitarized-zone', prohibited: [...WEAPON_CLASSES], max_calibre_mm: 1 }),
    settlementZone({ id: 't', name: 'Town', lat: LAT, lon: LON, radius_m: 5000 }),
  ];
  it('a lone thermal hotspot or UAV overflight below confidence 0.4 is at most low and possible, anywhere', () => {
    fc.assert(
      fc.property(
        eventArb(60),
        fc.constantFrom('thermal-hotspot', 'uav-overflight'),
        fc.double({ min: 0, max: 0.3999, noNaN: true }),
        (raw, type, confidence) => {
          const event = {
            ...raw,
            id: 'w',
            type,
            confidence,
            lat: LAT,
            lon: LON,
            assessment: undefined,
            refers_to: undefined,
            casualties: undefined,
            killed: undefined,
            injured: undefined,
            civilian_killed: undefined,
            civilian_injured: undefined,
          } as ScenarioEvent;
          const a = alertOf(replays([event], worst), worst);
          expect(a.measures.gravity).toBeLessThan(40);
          expect(a.measures.certainty).toBeLessThan(0.6);
        },
      ),
      RUNS,
    );
  });

  it('a lone compliance observation is info', () => {
    fc.assert(
      fc.property(eventArb(60), (raw) => {
        const type = raw.type;
        fc.pre(MODEL.event_types[type as keyof typeof MODEL.event_types]?.role !== 'mission');
        const event = {
          ...raw,
          id: 'c',
          subtype: 'compliant',
          lat: LAT,
          lon: LON,
          target: undefined,
          casualties: undefined,
          killed: undefined,
          injured: undefined,
          civilian_killed: undefined,
          civilian_injured: undefined,
        } as ScenarioEvent;
        expect(alertOf(replays([event], worst), worst).measures.severity).toBe('info');
      }),
      RUNS,
    );
  });

  it('example: a crop-fire hotspot at 0.3, and howitzers seen at their declared storage site', () => {
    const hotspot = scoreEvents([
      report({ type: 'thermal-hotspot', source: 'satellite', confidence: 0.3, count: 3 }),
    ]);
    expect(hotspot.measures.severity).toBe('info');
    expect(hotspot.measures.certaintyBand).toBe('unconfirmed');
    const stored = alertOf(
      replays(
        [
          report({
            type: 'heavy-weapon-sighting',
            subtype: 'compliant',
            weapon_class: 'artillery',
            calibre_mm: 152,
            count: 12,
          }),
        ],
        worst,
      ),
      worst,
    );
    expect(stored.measures.severity).toBe('info');
    expect(stored.factors.map((f) => f.label)).toEqual([
      'Compliance observation: heavy weapon sighting reported by drone',
    ]);
  });
});

describe('invariant 10: the contributions shown sum to the measures', () => {
  it('gravity lines sum to the gravity (a clamp and a floor are lines of their own); certainty lines to its points', () => {
    fc.assert(
      fc.property(eventsArb(1, 12, 180), (events) => {
        const a = alertOf(replays(events));
        const sum = a.factors.reduce((s, f) => s + f.contribution, 0);
        expect(Math.abs(sum - a.measures.gravity)).toBeLessThan(0.5);
        expect(Math.abs(sum - a.measures.gravity)).toBeLessThan(1e-9);
        expect(a.factors.some((f) => f.factor === 'clamp')).toBe(a.gravity.floored > 100);
        expect(a.factors.some((f) => f.factor === 'floor')).toBe(a.gravity.floored > a.gravity.sum);
        const points = a.certaintyFactors.reduce((s, f) => s + f.contribution, 0);
        expect(Math.abs(points - a.measures.certainty * 100)).toBeLessThan(1e-9);
        for (const f of [...a.factors, ...a.certaintyFactors])
          expect(f.reason.startsWith(f.label)).toBe(true);
      }),
      RUNS,
    );
  });

  it('example: a report at confidence 0.002 rounds to certainty 0.00, and its lines to 0 points', () => {
    const a = scoreEvents([report({ source: 'satellite', confidence: 0.00201 })]);
    expect(a.measures.certainty).toBe(0);
    expect(a.certaintyFactors.reduce((s, f) => s + f.contribution, 0)).toBe(0);
  });

  it('example: a clamped alert shows its clamp', () => {
    const a = scoreEvents([
      report({
        type: 'missile-strike',
        source: 'observer',
        killed: 200,
        civilian_killed: 150,
        target: 'civilian',
        count: 40,
      }),
    ]);
    expect(a.measures.gravity).toBe(100);
    const clamp = a.factors.find((f) => f.factor === 'clamp')!;
    expect(clamp.contribution).toBeLessThan(0);
    expect(a.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(100, 9);
  });
});
