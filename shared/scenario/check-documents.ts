// Checks of the JSON documents of a package (manifest, zones, sensors), with
// problems reported as `<file>:<json-pointer>: <message>`.
import type { Geometry } from 'geojson';
import type { z } from 'zod';
import { geometryBBox } from '../geo/bbox';
import type { DiagnosticLog } from './diagnostics';
import { jsonPointer, showValue } from './diagnostics';
import { explainIssue } from './explain-issue';
import type { Zone } from './loaded-scenario';
import { parseIsoTime } from './check-event';
import {
  manifestSchema,
  sensorSchema,
  zonePropertiesSchema,
  type Party,
  type ScenarioManifest,
  type Sensor,
} from './schema';

type Path = readonly PropertyKey[];

export function reportIssues(
  log: DiagnosticLog,
  file: string,
  base: Path,
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
): void {
  const seen = new Set<string>();
  for (const issue of issues) {
    const pointer = jsonPointer([...base, ...issue.path]);
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    log.error({ file, pointer: pointer, message: explainIssue(issue, root, false) });
  }
}

/** The manifest, or null after reporting why it cannot be used. */
export function checkManifest(
  value: unknown,
  file: string,
  log: DiagnosticLog,
): ScenarioManifest | null {
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    reportIssues(log, file, [], result.error.issues, value);
    return null;
  }
  const manifest = result.data;
  const start = parseIsoTime(manifest.start);
  const end = parseIsoTime(manifest.end);
  if (!(end > start)) {
    log.error({
      file,
      pointer: '/end',
      message: `must be after start (${manifest.start}), got ${showValue(manifest.end)}`,
    });
  }
  if (manifest.timezone !== undefined && !isTimeZone(manifest.timezone)) {
    log.error({
      file,
      pointer: '/timezone',
      message: `must be an IANA time zone name such as Pacific/Auckland or Etc/GMT+8, got ${showValue(manifest.timezone)}`,
    });
  }
  const ids = new Map<string, number>();
  manifest.parties.forEach((party: Party, i: number) => {
    const first = ids.get(party.id);
    if (first !== undefined) {
      log.error({
        file,
        pointer: `/parties/${i}/id`,
        message: `duplicate party id "${party.id}" (first at /parties/${first}/id)`,
      });
    } else ids.set(party.id, i);
  });
  return log.failed ? null : manifest;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Problems with one position: [lon, lat] numbers in range. */
function positionProblem(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2)
    return `must be a position [lon, lat], got ${showValue(p)}`;
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    return `longitude must be a number between -180 and 180, got ${showValue(lon)}`;
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    return `latitude must be a number between -90 and 90, got ${showValue(lat)}`;
  }
  return null;
}

/** Checks coordinates nested `depth` levels of arrays above positions. */
function checkCoordinates(
  coords: unknown,
  shape: 'position' | 'line' | 'ring',
  path: Path,
  report: (path: Path, message: string) => void,
): void {
  if (shape === 'position') {
    const problem = positionProblem(coords);
    if (problem) report(path, problem);
    return;
  }
  if (!Array.isArray(coords)) {
    report(path, `must be a list of positions, got ${showValue(coords)}`);
    return;
  }
  const min = shape === 'ring' ? 4 : 2;
  if (coords.length < min) {
    report(
      path,
      `a ${shape === 'ring' ? 'polygon ring' : 'line'} needs at least ${min} positions, got ${coords.length}`,
    );
    return;
  }
  for (let i = 0; i < coords.length; i++) {
    const problem = positionProblem(coords[i]);
    if (problem) {
      report([...path, i], problem);
      return;
    }
  }
  if (shape === 'ring') {
    const first = coords[0] as number[];
    const last = coords[coords.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      report(path, 'polygon ring is not closed: its first and last positions differ');
    }
  }
}

function checkList(
  value: unknown,
  path: Path,
  report: (path: Path, message: string) => void,
  each: (item: unknown, path: Path) => void,
  what: string,
): void {
  if (!Array.isArray(value) || value.length === 0) {
    report(path, `must be a non-empty list of ${what}, got ${showValue(value)}`);
    return;
  }
  value.forEach((item, i) => each(item, [...path, i]));
}

const AREA_TYPES = ['Polygon', 'MultiPolygon'];
const LINE_TYPES = ['LineString', 'MultiLineString'];

function checkGeometry(
  geometry: unknown,
  kind: string,
  radius: unknown,
  path: Path,
  report: (path: Path, message: string) => void,
): void {
  if (geometry === null || typeof geometry !== 'object' || Array.isArray(geometry)) {
    report(path, `must be a GeoJSON geometry object, got ${showValue(geometry)}`);
    return;
  }
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const allowed =
    kind === 'line-of-contact'
      ? LINE_TYPES
      : kind === 'settlement' || kind === 'infrastructure'
        ? [...AREA_TYPES, 'Point']
        : kind === 'context'
          ? [...LINE_TYPES, ...AREA_TYPES]
          : AREA_TYPES;
  if (typeof g.type !== 'string' || !allowed.includes(g.type)) {
    report(
      [...path, 'type'],
      `a ${kind} zone must be ${allowed.join(' or ')}, got ${showValue(g.type)}`,
    );
    return;
  }
  const coords = [...path, 'coordinates'];
  const ring = (c: unknown, p: Path) => checkCoordinates(c, 'ring', p, report);
  const line = (c: unknown, p: Path) => checkCoordinates(c, 'line', p, report);
  switch (g.type) {
    case 'Point':
      checkCoordinates(g.coordinates, 'position', coords, report);
      if (radius === undefined) {
        report(
          [...path.slice(0, -1), 'properties', 'radius_m'],
          `a ${kind === 'infrastructure' ? 'protected site' : 'settlement'} given as a Point needs radius_m (metres)`,
        );
      }
      break;
    case 'LineString':
      line(g.coordinates, coords);
      break;
    case 'MultiLineString':
      checkList(g.coordinates, coords, report, line, 'lines');
      break;
    case 'Polygon':
      checkList(g.coordinates, coords, report, ring, 'rings');
      break;
    case 'MultiPolygon':
      checkList(
        g.coordinates,
        coords,
        report,
        (polygon, p) => checkList(polygon, p, report, ring, 'rings'),
        'polygons',
      );
      break;
  }
}

/** The zones of a FeatureCollection, or null after reporting its problems. */
export function checkZones(
  value: unknown,
  file: string,
  base: Path,
  partyIds: ReadonlySet<string>,
  log: DiagnosticLog,
): Zone[] | null {
  const errorsBefore = log.errors.length;
  const report = (path: Path, message: string) =>
    log.error({ file, pointer: jsonPointer([...base, ...path]), message });
  // The document comes from a file: anything at all until checked.
  const fc = value as { type?: unknown; features?: unknown } | null | undefined;
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection') {
    report(['type'], `zones must be a GeoJSON FeatureCollection, got type ${showValue(fc?.type)}`);
    return null;
  }
  if (!Array.isArray(fc.features)) {
    report(['features'], `must be a list of features, got ${showValue(fc.features)}`);
    return null;
  }
  const zones: Zone[] = [];
  const ids = new Map<string, number>();
  fc.features.forEach((feature: unknown, i: number) => {
    const at: Path = ['features', i];
    const f = feature as
      { type?: unknown; properties?: unknown; geometry?: unknown } | null | undefined;
    if (f === null || typeof f !== 'object' || f.type !== 'Feature') {
      report([...at, 'type'], `must be a GeoJSON Feature, got ${showValue(f?.type ?? f)}`);
      return;
    }
    const props = zonePropertiesSchema.safeParse(f.properties ?? {});
    if (!props.success) {
      reportIssues(
        log,
        file,
        [...base, ...at, 'properties'],
        props.error.issues,
        f.properties ?? {},
      );
      return;
    }
    const p = props.data;
    const first = ids.get(p.id);
    if (first !== undefined) {
      report(
        [...at, 'properties', 'id'],
        `duplicate zone id "${p.id}" (first at /features/${first})`,
      );
    } else ids.set(p.id, i);
    if (p.controlled_by !== undefined && !partyIds.has(p.controlled_by)) {
      report(
        [...at, 'properties', 'controlled_by'],
        `unknown party "${p.controlled_by}" (parties: ${[...partyIds].join(', ')})`,
      );
    }
    const before = log.errors.length;
    checkGeometry(f.geometry, p.kind, p.radius_m, [...at, 'geometry'], report);
    if (log.errors.length === before) {
      const geometry = f.geometry as Geometry;
      zones.push({ ...p, kind: p.kind, geometry, bbox: geometryBBox(geometry) });
    }
  });
  return log.errors.length > errorsBefore ? null : zones;
}

/** The sensors list, or null after reporting its problems. */
export function checkSensors(
  value: unknown,
  file: string,
  base: Path,
  log: DiagnosticLog,
): Sensor[] | null {
  const errorsBefore = log.errors.length;
  if (!Array.isArray(value)) {
    log.error({
      file,
      pointer: jsonPointer(base),
      message: `sensors must be a list, got ${showValue(value)}`,
    });
    return null;
  }
  const sensors: Sensor[] = [];
  const ids = new Map<string, number>();
  value.forEach((item, i) => {
    const result = sensorSchema.safeParse(item);
    if (!result.success) {
      reportIssues(log, file, [...base, i], result.error.issues, item);
      return;
    }
    const first = ids.get(result.data.id);
    if (first !== undefined) {
      log.error({
        file,
        pointer: jsonPointer([...base, i, 'id']),
        message: `duplicate sensor id "${result.data.id}" (first at ${jsonPointer([...base, first])})`,
      });
    } else ids.set(result.data.id, i);
    sensors.push(result.data);
  });
  return log.errors.length > errorsBefore ? null : sensors;
}
