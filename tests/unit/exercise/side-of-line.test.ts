// The side of the line a firing point lies on (shared/exercise/side-of-line.ts),
// on the bundled line-72h's geography: the ground sensors' unattributed
// reports of outgoing fire are placed on the side of the party the drones
// later name, and an impact in a town on the town's side.
import { beforeAll, describe, expect, it } from 'vitest';
import { partyOnSide } from '../../../shared/exercise/side-of-line';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import type { LoadedScenario, Zone } from '../../../shared/scenario/loaded-scenario';
import { ZONES } from './hand-scenario';

let scenario: LoadedScenario;
beforeAll(async () => {
  const outcome = await loadScenarioFromPath('sample-feeds/line-72h');
  if (!outcome.ok || outcome.kind !== 'scenario') throw new Error('line-72h did not load');
  scenario = outcome.scenario;
});

function sideOf(eventId: string): string | null {
  const e = scenario.events.find((r) => r.event.id === eventId)!.event;
  return partyOnSide(e.lon!, e.lat!, scenario.zones);
}

describe('side of the line of contact', () => {
  it('places unattributed outgoing fire on the side of the party that fired', () => {
    // The drones name B for Kerrow and the MLRS, A for the tank.
    expect(sideOf('GND-KER-ORIGIN-1')).toBe('B');
    expect(sideOf('GND-S2-MLRS-1')).toBe('B');
    expect(sideOf('GND-S1-TANK-1')).toBe('A');
  });

  it('places the impact in Kerrow on the other side from its gun', () => {
    expect(sideOf('GND-KER-IMPACT-1')).toBe('A');
  });

  it('cannot tell without a line of contact', () => {
    const noLine = scenario.zones.filter((z) => z.kind !== 'line-of-contact');
    expect(partyOnSide(-119.65, -44.17, noLine)).toBeNull();
  });
});

describe('side of the line, on a hand-made line', () => {
  // The line runs north-south at longitude -120.5; settlements are points.
  const settlement = (id: string, lon: number, lat: number, party: string): Zone => ({
    id,
    name: id,
    kind: 'settlement',
    controlled_by: party,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    bbox: [lon, lat, lon, lat],
  });
  const zones: Zone[] = [
    ZONES[0]!,
    settlement('east-town', -120.3, -44.25, 'B'),
    settlement('near-village', -120.7, -44.2, 'C'),
    settlement('far-town', -120.95, -44.6, 'A'),
  ];

  it('takes the nearest settlement on the same side, not a nearer one across the line', () => {
    expect(partyOnSide(-120.65, -44.25, zones)).toBe('C');
    expect(partyOnSide(-120.95, -44.65, zones)).toBe('A');
    expect(partyOnSide(-120.35, -44.3, zones)).toBe('B');
  });

  it('answers from a new zone list, not the lines of the last one asked', () => {
    const moved: Zone[] = [
      {
        ...ZONES[0]!,
        geometry: {
          type: 'LineString',
          coordinates: [
            [-120.68, -45],
            [-120.68, -44],
          ],
        },
        bbox: [-120.68, -45, -120.68, -44],
      },
      ...zones.slice(1),
    ];
    expect(partyOnSide(-120.65, -44.25, zones)).toBe('C');
    // The line now runs between the point and the village: the point is on the east town's side.
    expect(partyOnSide(-120.65, -44.25, moved)).toBe('B');
  });
});
