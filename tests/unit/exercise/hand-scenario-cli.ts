// The hand-made scenario as a file for the CLI, and the CLI itself as a child
// process: shared by the tests that drive `truceline` end to end on real files.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZONES, handEvents } from './hand-scenario';

/** Runs `truceline <args>` as `npm run truceline` does, from the repository root. */
export function truceline(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', ...args],
    { encoding: 'utf8' },
  );
}

/** Writes the hand-made scenario as one `*.scenario.json` in `dir`; returns its path. */
export function writeHandScenarioFile(
  dir: string,
  name: string,
  events = handEvents(),
  extra: Record<string, unknown> = {},
): string {
  const manifest = {
    format: 'truceline-scenario',
    version: 1,
    id: 'hand-made',
    title: 'Hand-made CLI scenario',
    classification: 'EXERCISE',
    start: '2026-03-01T00:00:00Z',
    end: '2026-03-02T00:00:00Z',
    parties: [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'B', name: 'Party B', role: 'party' },
      { id: 'MM', name: 'Monitoring Mission', role: 'monitor' },
    ],
    zones: {
      type: 'FeatureCollection',
      features: ZONES.map(({ geometry, bbox: _bbox, ...properties }) => ({
        type: 'Feature',
        properties,
        geometry,
      })),
    },
    feeds: [events],
    ...extra,
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return path;
}
