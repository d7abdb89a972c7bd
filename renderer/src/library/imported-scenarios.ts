// Imported scenarios persist in IndexedDB as the files they were imported
// from, so they load through the same validation every time.
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { getAppDatabase } from '../app/app-database';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../storage';
import type { PackedFile } from './scenario-load-messages';

function feedCount(files: ReadonlyMap<string, Uint8Array>): number {
  for (const [path, bytes] of files) {
    if (path !== 'scenario.json' && !path.endsWith('.scenario.json')) continue;
    try {
      const manifest = JSON.parse(new TextDecoder().decode(bytes)) as { feeds?: unknown };
      if (Array.isArray(manifest.feeds)) return manifest.feeds.length;
    } catch {
      return 0;
    }
  }
  return 0;
}

/** Stores an imported scenario's files (`packed`: the same, as Blobs) under its content hash. */
export async function rememberImportedScenario(
  scenario: LoadedScenario,
  files: ReadonlyMap<string, Uint8Array>,
  packed: readonly PackedFile[],
): Promise<void> {
  const db = await getAppDatabase();
  await saveScenario(db, {
    hash: scenario.hash,
    scenario_id: scenario.id,
    title: scenario.title,
    classification: scenario.classification,
    span: {
      start: new Date(scenario.start).toISOString(),
      end: new Date(scenario.end).toISOString(),
    },
    counts: {
      events: scenario.events.length,
      zones: scenario.zones.length,
      feeds: feedCount(files),
    },
    files: packed.map(({ path, blob }) => ({ path, bytes: blob })),
    imported: new Date().toISOString(),
  });
}

export interface StoredScenarioListing {
  hash: string;
  title: string;
}

/** Imported scenarios kept on this installation, newest first. */
export async function listImportedScenarios(): Promise<StoredScenarioListing[]> {
  const db = await getAppDatabase();
  return (await listScenarios(db)).map((s) => ({ hash: s.hash, title: s.title }));
}

/** The files of a stored scenario, ready to load again. */
export async function importedScenarioFiles(hash: string): Promise<[string, Uint8Array][]> {
  const db = await getAppDatabase();
  const stored = await getScenario(db, hash);
  if (!stored) throw new Error(`scenario ${hash.slice(0, 12)}… is no longer stored`);
  return Promise.all(
    stored.files.map(async (f): Promise<[string, Uint8Array]> => [
      f.path,
      f.bytes instanceof Blob ? new Uint8Array(await f.bytes.arrayBuffer()) : f.bytes,
    ]),
  );
}

export async function forgetImportedScenario(hash: string): Promise<void> {
  await deleteScenario(await getAppDatabase(), hash);
}
