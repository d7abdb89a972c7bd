// A generated scenario written to a temporary folder and loaded, for the
// tests that need a long exercise (the skips): one setup, shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { writeGeneratedScenario } from '../../../shared/node/scenario/write-generated';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';

/**
 * Registers the suite's beforeAll/afterAll that write, load and remove a
 * generated scenario; the returned function reads it inside a test.
 */
export function useGeneratedScenario(options: {
  events: number;
  seed: number;
  hours: number;
}): () => LoadedScenario {
  let dir = '';
  let scenario: LoadedScenario | null = null;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truceline-generated-'));
    await writeGeneratedScenario(dir, options);
    const loaded = await loadScenarioFromPath(dir);
    if (!loaded.ok || loaded.kind !== 'scenario')
      throw new Error('generated scenario did not load');
    scenario = loaded.scenario;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => {
    if (scenario === null) throw new Error('the generated scenario is read inside a test');
    return scenario;
  };
}
