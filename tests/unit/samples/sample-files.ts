// Reads a sample package straight from its files, independently of the
// scenario loader, so the samples are checked against the format itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCsvRecords } from '../../../shared/ucdp/split-csv-records';

export const SAMPLES = ['line-72h', 'quick-demo', 'drone-line-48h'] as const;
export type SampleId = (typeof SAMPLES)[number];

export const sampleDir = (id: SampleId) => join('sample-feeds', id);

export interface RawEvent {
  file: string;
  line: number;
  value: Record<string, unknown>;
}

export function readJson<T = Record<string, unknown>>(id: SampleId, path: string): T {
  return JSON.parse(readFileSync(join(sampleDir(id), path), 'utf8')) as T;
}

// docs/SCENARIO-FORMAT.md section 5 aliases, as a reader of the format would apply them.
const MSEL_ALIASES: Record<string, string> = {
  'inject #': 'id',
  'scenario time': 'time',
  description: 'summary',
  'expected player action': 'expected_action',
  from: 'x-from',
  to: 'x-to',
  method: 'x-inject-kind',
};

/** Every event of the sample's feeds with the file and line it came from. */
export function readEvents(id: SampleId): RawEvent[] {
  const manifest = readJson<{ feeds: string[] }>(id, 'scenario.json');
  const events: RawEvent[] = [];
  for (const feed of manifest.feeds) {
    const text = readFileSync(join(sampleDir(id), feed), 'utf8');
    if (feed.endsWith('.ndjson')) {
      text
        .split('\n')
        .forEach(
          (line, i) => line && events.push({ file: feed, line: i + 1, value: JSON.parse(line) }),
        );
    } else {
      const [header, ...rows] = splitCsvRecords(text);
      const columns = header!.fields.map((h) => MSEL_ALIASES[h.toLowerCase()] ?? h);
      for (const row of rows) {
        const value: Record<string, unknown> = {};
        row.fields.forEach((cell, i) => {
          if (cell !== '') value[columns[i]!] = cell;
        });
        if (value.source === undefined && value.type === undefined) {
          value.source = 'inject';
          value.type = 'inject';
        }
        events.push({ file: feed, line: row.line, value });
      }
    }
  }
  return events;
}

export interface SensorRecord {
  id: string;
  kind: string;
  lat: number;
  lon: number;
  /** Absent for imaging satellites: they see only their scenes. */
  range_km?: number;
  /** Per window; an imaging pass names the area it was tasked on and its scene (format section 8). */
  coverage: {
    from: string;
    to: string;
    area?: string;
    footprint?: { type: 'Polygon'; coordinates: [number, number][][] };
  }[];
}

/** The imaging passes of a sensor: the windows that carry a footprint. */
export const passesOf = (s: SensorRecord) =>
  s.coverage.filter((w) => w.footprint !== undefined) as (SensorRecord['coverage'][number] & {
    area: string;
    footprint: { type: 'Polygon'; coordinates: [number, number][][] };
  })[];

/** True when (lon, lat) lies inside the ring (ray casting). */
export function inRing(ring: readonly (readonly [number, number])[], lon: number, lat: number) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Great-circle distance in km between two lat/lon points. */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
