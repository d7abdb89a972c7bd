import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { sensorFootprints } from '../../../renderer/src/map/sensor-footprints';

const scene = (lon: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, -44],
      [lon + 0.3, -44],
      [lon + 0.3, -43.3],
      [lon, -43.3],
      [lon, -44],
    ],
  ],
});
const window = (footprint?: Polygon, area?: string) => ({
  from: '2027-03-08T10:00:00Z',
  to: '2027-03-08T10:01:00Z',
  ...(footprint ? { footprint } : {}),
  ...(area ? { area } : {}),
});

describe('sensorFootprints', () => {
  it('outlines each tasked scene once, with every area and sensor that images it', () => {
    const footprints = sensorFootprints([
      { id: 'OPT-1', coverage: [window(scene(-121), 'NAI-1'), window(scene(-121), 'NAI-1')] },
      { id: 'OPT-2', coverage: [window(scene(-121), 'NAI-1 north'), window(scene(-120), 'NAI-2')] },
    ]);
    expect(footprints.map((f) => [f.key, f.areas, f.sensors])).toEqual([
      ['scene-1', ['NAI-1', 'NAI-1 north'], ['OPT-1', 'OPT-2']],
      ['scene-2', ['NAI-2'], ['OPT-2']],
    ]);
  });

  it('draws nothing for sensors that cover only their range circle', () => {
    expect(
      sensorFootprints([{ id: 'ACOUSTIC-01', coverage: [window()] }, { id: 'CAM-01' }]),
    ).toEqual([]);
  });
});
