// The ground the sensors are tasked to cover, as the map outlines it: each
// distinct scene of a coverage window's `footprint` (docs/SCENARIO-FORMAT.md
// section 8) once, with the areas it was tasked on and the sensors that image
// it. A satellite passing over the same area of interest twice a day images
// the same scene: drawn twice, its outline would only darken.
import type { Polygon } from 'geojson';
import type { Sensor } from '../../../shared/scenario/schema';

export interface SensorFootprint {
  /** Stable id of the scene on this map. */
  key: string;
  polygon: Polygon;
  /** Names of the areas of interest it was tasked on, first seen first. */
  areas: string[];
  /** Sensors that image it, first seen first. */
  sensors: string[];
}

/** Positions rounded to about 1 m, so a scene written twice compares equal. */
function sceneKey(polygon: Polygon): string {
  return polygon.coordinates
    .map((ring) => ring.map(([lon, lat]) => `${lon!.toFixed(5)},${lat!.toFixed(5)}`).join(' '))
    .join('|');
}

/** Every distinct footprint of the sensors' coverage windows, in the order first met. */
export function sensorFootprints(
  sensors: readonly Pick<Sensor, 'id' | 'coverage'>[],
): SensorFootprint[] {
  const byScene = new Map<string, SensorFootprint>();
  for (const sensor of sensors) {
    for (const window of sensor.coverage ?? []) {
      if (!window.footprint) continue;
      const scene = sceneKey(window.footprint);
      let f = byScene.get(scene);
      if (!f) {
        f = { key: `scene-${byScene.size + 1}`, polygon: window.footprint, areas: [], sensors: [] };
        byScene.set(scene, f);
      }
      if (window.area !== undefined && !f.areas.includes(window.area)) f.areas.push(window.area);
      if (!f.sensors.includes(sensor.id)) f.sensors.push(sensor.id);
    }
  }
  return [...byScene.values()];
}
