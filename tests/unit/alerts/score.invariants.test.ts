// Invariants 1–5 of docs/ALERTS-AND-SEVERITY.md, held against the built-in model
// over thousands of generated events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreAlertEvents } from '../../../shared/alerts/alert-score';
import { BUILTIN_SCORING_MODEL as MODEL } from '../../../shared/alerts/scoring-model';
import type { ReplayEvent, Zone } from '../../../shared/scenario/loaded-scenario';
import { SOURCES, WEAPON_CLASSES, type ScenarioEvent } from '../../../shared/scenario/schema';
import { eventArb, eventsArb } from './fixtures/arbitraries';
import { buildScenario, rectZone } from './fixtures/build-scenario';
import { ZONES } from './fixtures/line-incidents';

const ZONES_BY_ID = new Map<string, Zone>(ZONES.map((z) => [z.id, z]));
const RUNS = { numRuns: 2000 };

function replayOf(events: ScenarioEvent[]): ReplayEvent[] {
  return buildScenario(events, ZONES).events as ReplayEvent[];
}

function score(events: readonly ReplayEvent[], zones: ReadonlyMap<string, Zone> = ZONES_BY_ID) {
  return scoreAlertEvents(MODEL, zones, events);
}

/** One zone that prohibits everything: the worst place an event can be (zone id `all`). */
function worstPlace() {
  const worst = rectZone({
    id: 'all',
    name: 'Everything prohibited',
    kind: 'demilitarized-zone',
    box: [0, 0, 1, 1],
    prohibited: [...WEAPON_CLASSES],
    max_calibre_mm: 1,
  });
  return new Map([[worst.id, worst]]);
}

describe('invariant 1: a new source kind never lowers the score', () => {
  it('holds for any added event from a kind not yet in the alert', () => {
    fc.assert(
      fc.property(eventsArb(1, 6), eventArb(), fc.nat(), (events, extra, pick) => {
        const present = new Set(events.map((e) => e.source));
        const missing = SOURCES.filter((s) => !present.has(s));
        fc.pre(missing.length > 0);
        const added = {
          ...extra,
          id: 'x-new',
          source: missing[pick % missing.length]!,
        } as ScenarioEvent;
        const all = replayOf([...events, added]);
        const before = all.filter((e) => e.event.id !== 'x-new');
        expect(score(all).score).toBeGreaterThanOrEqual(score(before).score);
      }),
      RUNS,
    );
  });
});

describe('invariant 2: raising confidence, casualties, count or calibre never lowers the score', () => {
  const raise = fc.record({
    index: fc.nat(),
    field: fc.constantFrom('confidence', 'casualties', 'count', 'calibre_mm'),
    amount: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  it('holds for each field raised on any event of the alert', () => {
    fc.assert(
      fc.property(eventsArb(1, 6), raise, (events, { index, field, amount }) => {
        const i = index % events.length;
        const original = events[i]!;
        const raised: ScenarioEvent = { ...original };
        if (field === 'confidence') {
          const c = original.confidence ?? MODEL.confidence.default;
          raised.confidence = c + (1 - c) * amount;
        } else if (field === 'casualties') {
          const c = original.casualties ?? 0;
          const add = Math.round(amount * 100);
          raised.casualties =
            typeof c === 'number'
              ? c + add
              : { low: c.low, best: c.best + add, high: c.high + add };
        } else if (field === 'count') {
          raised.count = (original.count ?? 1) + Math.round(amount * 50);
        } else {
          fc.pre(original.calibre_mm !== undefined);
          raised.calibre_mm = original.calibre_mm! + amount * 200;
        }
        const base = score(replayOf(events)).score;
        const after = score(replayOf(events.map((e, j) => (j === i ? raised : e)))).score;
        expect(after).toBeGreaterThanOrEqual(base);
      }),
      RUNS,
    );
  });
});

describe('invariant 3: zone rules and the need for corroboration', () => {
  it('scores an event inside a zone prohibiting its weapon class above the same event outside every zone', () => {
    fc.assert(
      fc.property(eventArb(), fc.constantFrom(...WEAPON_CLASSES), (raw, weapon) => {
        const event = { ...raw, id: 'e-1', weapon_class: weapon } as ScenarioEvent;
        const [outside] = replayOf([event]) as [ReplayEvent];
        const zone = rectZone({
          id: 'wez',
          name: 'Exclusion',
          kind: 'weapons-exclusion',
          box: [0, 0, 1, 1],
          prohibited: [weapon],
        });
        const zones = new Map([[zone.id, zone]]);
        const inside: ReplayEvent = { ...outside, zoneIds: ['wez'] };
        const plain: ReplayEvent = { ...outside, zoneIds: [] };
        expect(score([inside], zones).score).toBeGreaterThan(score([plain], zones).score);
      }),
      RUNS,
    );
  });

  it('never lets one event reach 100, whatever its attributes and zones', () => {
    const zones = worstPlace();
    fc.assert(
      fc.property(eventArb(), fc.boolean(), (raw, inZone) => {
        const [one] = replayOf([{ ...raw, id: 'e-1' } as ScenarioEvent]) as [ReplayEvent];
        const event: ReplayEvent = {
          ...one,
          zoneIds: inZone ? ['all'] : one.zoneIds,
          settlementDistanceKm: 0,
          lineDistanceKm: 0,
        };
        expect(score([event], inZone ? zones : ZONES_BY_ID).score).toBeLessThan(100);
      }),
      RUNS,
    );
  });
});

describe('invariant 4: a lone weak low-confidence detection is at most low', () => {
  it('holds for thermal-hotspot and uav-overflight below confidence 0.4, in the worst place', () => {
    const zones = worstPlace();
    fc.assert(
      fc.property(
        eventArb(),
        fc.constantFrom('thermal-hotspot', 'uav-overflight'),
        fc.double({ min: 0, max: 0.3999, noNaN: true }),
        (raw, type, confidence) => {
          const [one] = replayOf([{ ...raw, id: 'e-1', type, confidence } as ScenarioEvent]) as [
            ReplayEvent,
          ];
          const event: ReplayEvent = {
            ...one,
            zoneIds: ['all'],
            settlementDistanceKm: 0,
            lineDistanceKm: 0,
          };
          const result = score([event], zones);
          expect(['low', 'info']).toContain(result.severity);
        },
      ),
      RUNS,
    );
  });
});

describe('invariant 5: contributions add up, and a clamp is its own line', () => {
  it('shows lines summing to the score (exactly, to the tenth) with a clamp line when clamped', () => {
    fc.assert(
      fc.property(eventsArb(1, 12), (events) => {
        const result = score(replayOf(events));
        const sum = result.lines.reduce((s, l) => s + l.contribution, 0);
        expect(Math.abs(sum - result.score)).toBeLessThan(1e-6);
        const clamped = result.unclamped > 100 || result.unclamped < 0;
        expect(result.lines.some((l) => l.factor === 'clamp')).toBe(clamped);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Math.round(result.score * 10)).toBeCloseTo(result.score * 10, 9);
      }),
      RUNS,
    );
  });

  it('reaches the clamp on a heavily corroborated incident', () => {
    const base = {
      time: '2026-03-01T05:00:00.000Z',
      type: 'mlrs-fire',
      lat: -43.75,
      lon: -120.15,
      weapon_class: 'mlrs',
      calibre_mm: 300,
      count: 40,
      confidence: 1,
      casualties: 50,
    } as const;
    const events = (['satellite', 'drone', 'ground-sensor', 'observer'] as const).map(
      (source, i) => ({ ...base, id: `e-${i}`, source }) as ScenarioEvent,
    );
    const result = score(replayOf(events));
    expect(result.unclamped).toBeGreaterThan(100);
    expect(result.score).toBe(100);
    const clamp = result.lines.find((l) => l.factor === 'clamp');
    expect(clamp?.contribution).toBeCloseTo(
      100 -
        result.lines.filter((l) => l.factor !== 'clamp').reduce((s, l) => s + l.contribution, 0),
      6,
    );
  });
});
