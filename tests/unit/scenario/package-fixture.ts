// Builds small in-memory scenario packages for the loader tests.
import { createMemoryReader, type PackageReader } from '../../../shared/scenario/package-reader';
import { expect } from 'vitest';
import {
  checkScenario,
  loadFeed,
  loadScenario,
  type LoadOptions,
} from '../../../shared/scenario/load-scenario';
import { formatDiagnostic } from '../../../shared/scenario/diagnostics';

export const ZONES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'loc', name: 'Line of contact', kind: 'line-of-contact' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-121.0, -44.5],
          [-121.0, -43.5],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { id: 'buffer', name: 'Buffer', kind: 'buffer-zone' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-121.1, -44.5],
            [-120.9, -44.5],
            [-120.9, -43.5],
            [-121.1, -43.5],
            [-121.1, -44.5],
          ],
        ],
      },
    },
  ],
};

export function manifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'truceline-scenario',
    version: 1,
    id: 'test-scenario',
    title: 'Test scenario',
    classification: 'EXERCISE',
    start: '2026-03-01T00:00:00Z',
    end: '2026-03-02T00:00:00Z',
    parties: [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'B', name: 'Party B', role: 'party' },
    ],
    zones: 'zones.geojson',
    sensors: [{ id: 'S1', kind: 'ground-sensor', lat: -44.0, lon: -121.0 }],
    feeds: ['feeds/a.ndjson'],
    ...overrides,
  };
}

/** A valid event; fields can be overridden or removed (value undefined). */
export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: 'e1',
    time: '2026-03-01T04:12:00Z',
    source: 'ground-sensor',
    type: 'explosion',
    lat: -44.0,
    lon: -120.95,
    ...overrides,
  };
  for (const [k, v] of Object.entries(base)) if (v === undefined) delete base[k];
  return base;
}

export const ndjson = (events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

/** A folder package with the given feed files (path → text). */
export function folder(
  feeds: Record<string, string | Uint8Array>,
  manifestOverrides: Record<string, unknown> = {},
): PackageReader {
  return createMemoryReader(
    {
      'scenario.json': JSON.stringify(
        manifest({ feeds: Object.keys(feeds), ...manifestOverrides }),
        null,
        2,
      ),
      'zones.geojson': JSON.stringify(ZONES),
      ...feeds,
    },
    'pkg',
  );
}

/**
 * Loads and returns the formatted errors (empty when the scenario loaded).
 * Every case also holds `checkScenario` (what `validate` runs) to the same
 * errors, warnings and hash as `loadScenario`.
 */
export async function errorsOf(
  reader: PackageReader,
  options: LoadOptions = {},
): Promise<string[]> {
  const outcome = await loadScenario(reader, options);
  const errors = outcome.ok ? [] : outcome.errors.map(formatDiagnostic);
  const checked = await checkScenario(reader, options);
  expect(checked.ok).toBe(outcome.ok);
  expect(checked.warnings.map(formatDiagnostic)).toEqual(outcome.warnings.map(formatDiagnostic));
  if (!outcome.ok || !checked.ok) {
    expect(checked.ok ? [] : checked.errors.map(formatDiagnostic)).toEqual(errors);
  } else {
    expect(checked.scenario.hash).toBe(outcome.scenario.hash);
    expect(checked.scenario.tally.count).toBe(outcome.scenario.events.length);
  }
  return errors;
}

/** Loads one feed file on its own and returns the formatted errors. */
export async function feedErrorsOf(name: string, content: string | Uint8Array): Promise<string[]> {
  const outcome = await loadFeed(createMemoryReader({ [name]: content }), name);
  return outcome.ok ? [] : outcome.errors.map(formatDiagnostic);
}

/** Loads a package that must be valid (and checks it to the same hash). */
export async function loaded(reader: PackageReader, options: LoadOptions = {}) {
  const outcome = await loadScenario(reader, options);
  if (!outcome.ok) throw new Error(outcome.errors.map(formatDiagnostic).join('\n'));
  const checked = await checkScenario(reader, options);
  expect(checked.ok && checked.scenario.hash).toBe(outcome.scenario.hash);
  return outcome;
}
