// SCENARIO-FORMAT.md section 8: the version-2 event fields and zone kinds load,
// validate with exact `file:line: field: message` errors in every load mode
// (load, check, check in threads), take part in the content hash, and every
// version-1 scenario keeps loading.
import { describe, expect, it } from 'vitest';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import { BUILTIN_SCORING_MODEL } from '../../../shared/alerts/scoring-model';
import {
  errorsOf,
  event,
  feedErrorsOf,
  folder,
  loaded,
  manifest,
  ndjson,
  ZONES,
} from './package-fixture';

const ok = (id: string, more: Record<string, unknown> = {}) => event({ id, ...more });
const at = (minute: number) => `2026-03-01T04:${String(minute).padStart(2, '0')}:00Z`;

describe('version-2 event fields', () => {
  it('load as fields of the event, not unknown extras, in a version-1 or version-2 manifest', async () => {
    const feed = ndjson([
      ok('a', { time: at(10), killed: { low: 6, best: 8, high: 12 }, civilian_killed: 8 }),
      ok('b', {
        time: at(20),
        injured: 3,
        civilian_injured: { low: 0, best: 1, high: 2 },
        target: 'civilian',
        assessment: 'confirms',
        refers_to: 'a',
        incident: 'INC-1',
      }),
    ]);
    for (const version of [1, 2]) {
      const outcome = await loaded(folder({ 'feeds/a.ndjson': feed }, { version }));
      expect(outcome.warnings).toEqual([]);
      const [a, b] = outcome.scenario.events.map((r) => r.event);
      expect(a).toMatchObject({ killed: { low: 6, best: 8, high: 12 }, civilian_killed: 8 });
      expect(b).toMatchObject({ assessment: 'confirms', refers_to: 'a', incident: 'INC-1' });
      expect(b!.extra).toBeUndefined();
    }
  });

  it('take part in the content hash', async () => {
    const hash = async (more: Record<string, unknown>) =>
      (await loaded(folder({ 'feeds/a.ndjson': ndjson([ok('a', more)]) }))).scenario.hash;
    const plain = await hash({});
    const hashes = await Promise.all([
      hash({ killed: 1 }),
      hash({ civilian_killed: 1 }),
      hash({ target: 'mission' }),
      hash({ assessment: 'inconclusive' }),
      hash({ incident: 'X' }),
    ]);
    expect(new Set([plain, ...hashes]).size).toBe(6);
  });

  it('reports a refers_to naming no event, at the referring line', async () => {
    const feed = ndjson([ok('a', { time: at(1) }), ok('b', { time: at(2), refers_to: 'nope' })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:2: refers_to: unknown event "nope"',
    ]);
  });

  it('reports a refers_to that is not earlier in replay order, across feeds', async () => {
    const early = ndjson([ok('a', { time: at(1), refers_to: 'z' })]);
    const late = ndjson([ok('z', { time: at(5) })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': early, 'feeds/b.ndjson': late }))).toEqual([
      'feeds/a.ndjson:1: refers_to: "z" (feeds/b.ndjson:1) is not earlier in replay order: it is shown at 2026-03-01T04:05:00.000Z, this event at 2026-03-01T04:01:00.000Z',
    ]);
  });

  it('orders equal times by id: an event may refer to a same-time event of smaller id only', async () => {
    const same = ndjson([
      ok('a', { time: at(3) }),
      ok('b', { time: at(3), refers_to: 'a' }),
      ok('c', { time: at(3), refers_to: 'd' }),
      ok('d', { time: at(3) }),
    ]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': same }))).toEqual([
      'feeds/a.ndjson:3: refers_to: "d" (feeds/a.ndjson:4) is not earlier in replay order: it is shown at 2026-03-01T04:03:00.000Z, this event at 2026-03-01T04:03:00.000Z',
    ]);
  });

  it('uses `reported` for replay order: a late report cannot be referred to before it is shown', async () => {
    const feed = ndjson([
      ok('a', { time: at(1), reported: at(30) }),
      ok('b', { time: at(10), refers_to: 'a' }),
    ]);
    const [error] = await errorsOf(folder({ 'feeds/a.ndjson': feed }));
    expect(error).toMatch(/^feeds\/a\.ndjson:2: refers_to: "a" .* is not earlier in replay order/);
  });

  it('checks refers_to for form only in a feed checked on its own', async () => {
    const feed = ndjson([ok('a', { refers_to: 'nope' })]);
    expect(await feedErrorsOf('lone.ndjson', feed)).toEqual([]);
    expect(await feedErrorsOf('lone.ndjson', ndjson([ok('a', { refers_to: 7 })]))).toEqual([
      'lone.ndjson:1: refers_to: must be the id of an earlier event (a string of 1 to 128 characters), got 7',
    ]);
  });

  it('refuses an event that refers to itself', async () => {
    expect(
      await errorsOf(folder({ 'feeds/a.ndjson': ndjson([ok('a', { refers_to: 'a' })]) })),
    ).toEqual(['feeds/a.ndjson:1: refers_to: an event cannot refer to itself, got "a"']);
  });

  it('refuses civilian figures above the totals, naming the fields as written', async () => {
    const feed = ndjson([
      ok('a', { killed: 3, civilian_killed: 4 }),
      ok('b', {
        casualties: { low: 1, best: 2, high: 3 },
        civilian_killed: { low: 0, best: 2, high: 5 },
      }),
      ok('c', { injured: 2, civilian_injured: { low: 1, best: 3, high: 3 } }),
      ok('d', { killed: 3, civilian_killed: 3, injured: 1, civilian_injured: 1 }),
    ]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:1: civilian_killed: is more than killed (3), got 4',
      'feeds/a.ndjson:2: civilian_killed: high is more than casualties high (3), got {"low":0,"best":2,"high":5}',
      'feeds/a.ndjson:3: civilian_injured: best is more than injured (2), got {"low":1,"best":3,"high":3}',
    ]);
  });

  it('refuses casualties and killed together', async () => {
    const feed = ndjson([ok('a', { casualties: 2, killed: 2 })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:1: casualties: cannot be given together with killed (casualties is read as killed), got 2',
    ]);
  });

  it('refuses unknown targets and assessments, and ill-formed harm figures', async () => {
    const feed = ndjson([
      ok('a', { target: 'school' }),
      ok('b', { assessment: 'maybe' }),
      ok('c', { killed: { low: 3, best: 1, high: 2 } }),
      ok('d', { injured: -1 }),
    ]);
    const errors = await errorsOf(folder({ 'feeds/a.ndjson': feed }));
    expect(errors[0]).toBe(
      'feeds/a.ndjson:1: target: must be one of mission, civilian, infrastructure, military, unknown, got "school"',
    );
    expect(errors[1]).toBe(
      'feeds/a.ndjson:2: assessment: must be one of confirms, clears, inconclusive, got "maybe"',
    );
    expect(errors[2]).toMatch(/^feeds\/a\.ndjson:3: killed: .*low <= best <= high/);
    expect(errors[3]).toMatch(/^feeds\/a\.ndjson:4: injured: must be a whole number >= 0/);
  });
});

describe('version-2 zones and manifest', () => {
  const withZones = (features: unknown[]) =>
    createMemoryReader(
      {
        'scenario.json': JSON.stringify(manifest({ version: 2 })),
        'zones.geojson': JSON.stringify({ ...ZONES, features: [...ZONES.features, ...features] }),
        'feeds/a.ndjson': ndjson([ok('a')]),
      },
      'pkg',
    );

  it('reads infrastructure (polygon or point with radius), context zones and settlement prohibitions', async () => {
    const outcome = await loaded(
      withZones([
        {
          type: 'Feature',
          properties: { id: 'dam', name: 'Dam', kind: 'infrastructure', radius_m: 500 },
          geometry: { type: 'Point', coordinates: [-120.95, -44.0] },
        },
        {
          type: 'Feature',
          properties: { id: 'river', name: 'River', kind: 'context', context: 'river' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [-121.5, -44.3],
              [-120.5, -44.2],
            ],
          },
        },
        {
          type: 'Feature',
          properties: {
            id: 'town',
            name: 'Town',
            kind: 'settlement',
            radius_m: 3000,
            prohibited: ['artillery'],
            max_calibre_mm: 100,
          },
          geometry: { type: 'Point', coordinates: [-120.95, -44.0] },
        },
      ]),
    );
    const event = outcome.scenario.events[0]!;
    // The protected site and the town contain the event; context is never a place an event is in.
    expect(event.zoneIds).toEqual(['buffer', 'dam', 'town']);
  });

  it('refuses a context zone without its kind and an infrastructure point without radius', async () => {
    const errors = await errorsOf(
      withZones([
        {
          type: 'Feature',
          properties: { id: 'x', name: 'X', kind: 'context' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [-121.5, -44.3],
              [-120.5, -44.2],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { id: 'p', name: 'Plant', kind: 'infrastructure' },
          geometry: { type: 'Point', coordinates: [-120.95, -44.0] },
        },
      ]),
    );
    expect(errors).toEqual([
      'zones.geojson:/features/2/properties/context: a context zone needs context: one of coast, river, road, rail, border, lake',
      'zones.geojson:/features/3/properties/radius_m: a protected site given as a Point needs radius_m (metres)',
    ]);
  });

  it('refuses a manifest version other than 1 or 2', async () => {
    const errors = await errorsOf(folder({ 'feeds/a.ndjson': ndjson([ok('a')]) }, { version: 3 }));
    expect(errors).toEqual(['scenario.json:/version: must be 1 or 2, got 3']);
  });

  it('refuses a scenario carrying a version-1 scoring model, saying how to convert it', async () => {
    const v1 = { format: 'truceline-scoring', version: 1, id: 'old', title: 'Old' };
    const errors = await errorsOf(folder({ 'feeds/a.ndjson': ndjson([ok('a')]) }, { scoring: v1 }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^scenario\.json:\/scoring\/version: version 1 of the scoring model is no longer read\. .*gravity.*certainty.*To convert.*"version": 2/,
    );
  });

  it('accepts a scenario carrying a version-2 scoring model', async () => {
    await loaded(
      folder({ 'feeds/a.ndjson': ndjson([ok('a')]) }, { scoring: BUILTIN_SCORING_MODEL }),
    );
  });
});

describe('version-1 scenarios', () => {
  it('keep loading, with casualties as given', async () => {
    for (const path of ['tests/fixtures/scenarios/small', 'sample-feeds/quick-demo']) {
      const { loadScenarioFromPath } = await import('../../../shared/node/scenario/load-path');
      const outcome = await loadScenarioFromPath(path);
      expect(outcome.ok).toBe(true);
    }
    const outcome = await loaded(
      folder({ 'feeds/a.ndjson': ndjson([ok('a', { casualties: 2 })]) }),
    );
    expect(outcome.scenario.events[0]!.event.casualties).toBe(2);
  });
});
