// SCENARIO-FORMAT.md section 8, the manifest, sensor and zone additions of
// version 2: the local hour of the daily report, per-window sensor footprints
// (the swath a satellite pass images) and settlement population. Each loads
// as a defined field, is refused with an error at its JSON pointer, and takes
// part in the content hash.
import { describe, expect, it } from 'vitest';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import { errorsOf, event, loaded, manifest, ndjson, ZONES } from './package-fixture';

const FEED = { 'feeds/a.ndjson': ndjson([event({ id: 'a' })]) };

/** A package whose manifest, sensors and zones can be replaced. */
function pkg(
  more: Record<string, unknown> = {},
  zones: unknown = ZONES,
): ReturnType<typeof createMemoryReader> {
  return createMemoryReader(
    {
      'scenario.json': JSON.stringify(
        manifest({ version: 2, feeds: Object.keys(FEED), ...more }),
        null,
        2,
      ),
      'zones.geojson': JSON.stringify(zones),
      ...FEED,
    },
    'pkg',
  );
}

const SCENE = [
  [-121.1, -44.3],
  [-120.9, -44.3],
  [-120.9, -43.7],
  [-121.1, -43.7],
  [-121.1, -44.3],
];

function satellite(window: Record<string, unknown>): Record<string, unknown>[] {
  return [
    {
      id: 'SAR-1',
      kind: 'satellite',
      lat: -44,
      lon: -121,
      coverage: [{ from: '2026-03-01T04:00:00Z', to: '2026-03-01T04:10:00Z', ...window }],
    },
  ];
}

const footprint = (ring: unknown[] = SCENE) => ({ type: 'Polygon', coordinates: [ring] });

function withSettlement(properties: Record<string, unknown>) {
  return {
    ...ZONES,
    features: [
      ...ZONES.features,
      {
        type: 'Feature',
        properties: { id: 'town', name: 'Town', kind: 'settlement', radius_m: 1500, ...properties },
        geometry: { type: 'Point', coordinates: [-121.05, -44] },
      },
    ],
  };
}

describe('daily_report_hour', () => {
  it('loads as the scenario’s daily report hour, local to its time zone', async () => {
    const outcome = await loaded(pkg({ timezone: 'Etc/GMT+8', daily_report_hour: 9 }));
    expect(outcome.warnings).toEqual([]);
    expect(outcome.scenario.dailyReportHour).toBe(9);
    expect((await loaded(pkg())).scenario.dailyReportHour).toBeUndefined();
  });

  it.each([
    [24, '24'],
    [-1, '-1'],
    [7.5, '7.5'],
    ['07', '"07"'],
  ])('refuses %j at its pointer', async (hour, shown) => {
    expect(await errorsOf(pkg({ daily_report_hour: hour }))).toEqual([
      `scenario.json:/daily_report_hour: must be a whole number of hours from 0 to 23 (local time), got ${shown}`,
    ]);
  });
});

describe('sensor footprints', () => {
  it('load per coverage window, with the name of the area imaged', async () => {
    const outcome = await loaded(
      pkg({ sensors: satellite({ footprint: footprint(), area: 'NAI-1 North' }) }),
    );
    expect(outcome.warnings).toEqual([]);
    expect(outcome.scenario.sensors[0]!.coverage![0]).toEqual({
      from: '2026-03-01T04:00:00Z',
      to: '2026-03-01T04:10:00Z',
      footprint: footprint(),
      area: 'NAI-1 North',
    });
  });

  it('refuses a footprint that is not a closed Polygon, at the exact pointer', async () => {
    const at = 'scenario.json:/sensors/0/coverage/0/footprint';
    const open = SCENE.slice(0, 4).concat([[-121.2, -44.3]]);
    expect(await errorsOf(pkg({ sensors: satellite({ footprint: footprint(open) }) }))).toEqual([
      `${at}/coordinates/0: polygon ring is not closed: its first and last positions differ, got [[-121.1,-44.3],[-120.9,-44.3],[-120.9,-43.7],[-121.1,-43…`,
    ]);
    expect(
      await errorsOf(pkg({ sensors: satellite({ footprint: footprint(SCENE.slice(0, 3)) }) })),
    ).toEqual([
      `${at}/coordinates/0: a polygon ring needs at least 4 positions, got [[-121.1,-44.3],[-120.9,-44.3],[-120.9,-43.7]]`,
    ]);
    const far = SCENE.map((p, i) => (i === 2 ? [200, -43.7] : p));
    expect(await errorsOf(pkg({ sensors: satellite({ footprint: footprint(far) }) }))).toEqual([
      `${at}/coordinates/0/2/0: longitude must be a number between -180 and 180, got 200`,
    ]);
    expect(
      await errorsOf(
        pkg({ sensors: satellite({ footprint: { type: 'Point', coordinates: [-121, -44] } }) }),
      ),
    ).toEqual([
      `${at}/type: must be exactly "Polygon", got "Point"`,
      `${at}/coordinates/0: must be a list, got a number`,
      `${at}/coordinates/1: must be a list, got a number`,
    ]);
    expect(await errorsOf(pkg({ sensors: satellite({ area: '' }) }))).toEqual([
      'scenario.json:/sensors/0/coverage/0/area: must be a non-empty string naming the area covered, got ""',
    ]);
  });
});

describe('settlement population', () => {
  it('loads on a settlement as a defined property', async () => {
    const outcome = await loaded(pkg({}, withSettlement({ population: 12_400 })));
    expect(outcome.warnings).toEqual([]);
    expect(outcome.scenario.zones.find((z) => z.id === 'town')?.population).toBe(12_400);
  });

  it('refuses a population that is not a whole number, or on a zone that is not a settlement', async () => {
    expect(await errorsOf(pkg({}, withSettlement({ population: 12.5 })))).toEqual([
      'zones.geojson:/features/2/properties/population: must be a whole number of people (0 or more), got 12.5',
    ]);
    const buffer = {
      ...ZONES,
      features: ZONES.features.map((f) =>
        f.properties.id === 'buffer'
          ? { ...f, properties: { ...f.properties, population: 900 } }
          : f,
      ),
    };
    expect(await errorsOf(pkg({}, buffer))).toEqual([
      'zones.geojson:/features/1/properties/population: is only for zones of kind settlement, not buffer-zone, got 900',
    ]);
  });
});

describe('the version-2 additions', () => {
  it('each take part in the content hash', async () => {
    const hash = async (more: Record<string, unknown>, zones: unknown = withSettlement({})) =>
      (await loaded(pkg(more, zones))).scenario.hash;
    const hashes = [
      await hash({}),
      await hash({ daily_report_hour: 9 }),
      await hash({ daily_report_hour: 10 }),
      await hash({ sensors: satellite({}) }),
      await hash({ sensors: satellite({ footprint: footprint() }) }),
      await hash({ sensors: satellite({ footprint: footprint(), area: 'NAI-1' }) }),
      await hash({}, withSettlement({ population: 1000 })),
      await hash({}, withSettlement({ population: 1001 })),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
