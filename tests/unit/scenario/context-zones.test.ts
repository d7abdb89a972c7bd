// Zone kinds `context` (drawn, never scored) and `infrastructure` (a protected
// site) of docs/SCENARIO-FORMAT.md section 8: they load, context holds no
// event, a protected site does, and a malformed one is refused with its reason.
import { describe, expect, it } from 'vitest';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import { errorsOf, loaded, manifest, ndjson } from './package-fixture';

const square = (lon: number, lat: number, d: number) => [
  [
    [lon - d, lat - d],
    [lon + d, lat - d],
    [lon + d, lat + d],
    [lon - d, lat + d],
    [lon - d, lat - d],
  ],
];

function zones(extra: Record<string, unknown>[] = []) {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'loc', name: 'Line of contact', kind: 'line-of-contact' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [-121.5, -44],
            [-120.5, -44],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { id: 'coast', name: 'Island (coast)', kind: 'context', context: 'coast' },
        geometry: { type: 'Polygon', coordinates: square(-121, -44, 1) },
      },
      {
        type: 'Feature',
        properties: { id: 'river', name: 'River', kind: 'context', context: 'river' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [-121, -43],
            [-121, -45],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { id: 'dam', name: 'Dam', kind: 'infrastructure', radius_m: 900 },
        geometry: { type: 'Point', coordinates: [-121, -43.98] },
      },
      ...extra,
    ],
  };
}

function reader(zoneDoc: unknown) {
  return createMemoryReader(
    {
      'scenario.json': JSON.stringify(
        manifest({
          start: '2027-03-01T00:00:00Z',
          end: '2027-03-02T00:00:00Z',
          timezone: 'Etc/GMT+8',
          sensors: [{ id: 'S1', kind: 'ground-sensor', lat: -44, lon: -121 }],
          feeds: ['feeds/a.ndjson'],
        }),
      ),
      'zones.geojson': JSON.stringify(zoneDoc),
      'feeds/a.ndjson': ndjson([
        {
          id: 'at-dam',
          time: '2027-03-01T04:00:00Z',
          source: 'ground-sensor',
          type: 'explosion',
          lat: -43.981,
          lon: -121,
        },
      ]),
    },
    'pkg',
  );
}

describe('context and infrastructure zones', () => {
  it('load; an event on the island is in the protected site, never "in" the coast or a river', async () => {
    const outcome = await loaded(reader(zones()));
    expect(outcome.warnings).toEqual([]);
    const [event] = outcome.scenario.events;
    expect(event!.zoneIds).toEqual(['dam']);
    expect(outcome.scenario.zones.map((z) => [z.id, z.kind, z.context])).toEqual([
      ['loc', 'line-of-contact', undefined],
      ['coast', 'context', 'coast'],
      ['river', 'context', 'river'],
      ['dam', 'infrastructure', undefined],
    ]);
  });

  it('refuses a context zone that does not say what it draws, and context on another kind', async () => {
    const errors = await errorsOf(
      reader(
        zones([
          {
            type: 'Feature',
            properties: { id: 'road', name: 'Road', kind: 'context' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [-121, -44],
                [-120, -44],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { id: 'sec', name: 'Sector', kind: 'sector', context: 'road' },
            geometry: { type: 'Polygon', coordinates: square(-121, -44, 0.5) },
          },
        ]),
      ),
    );
    expect(errors).toEqual([
      'zones.geojson:/features/4/properties/context: a context zone needs context: one of coast, river, road, rail, border, lake',
      'zones.geojson:/features/5/properties/context: is only for zones of kind context, not sector, got "road"',
    ]);
  });

  it('refuses a protected site given as a Point without a radius, naming it a protected site', async () => {
    const errors = await errorsOf(
      reader(
        zones([
          {
            type: 'Feature',
            properties: { id: 'hospital', name: 'Hospital', kind: 'infrastructure' },
            geometry: { type: 'Point', coordinates: [-121, -44] },
          },
        ]),
      ),
    );
    expect(errors).toEqual([
      'zones.geojson:/features/4/properties/radius_m: a protected site given as a Point needs radius_m (metres)',
    ]);
  });
});
