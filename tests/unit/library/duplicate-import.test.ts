// The same scenario (same content hash) imported again, under any folder name or next to the
// bundled sample it copies, is not listed or stored twice: the import says where it already is.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAppDatabase } from '../../../renderer/src/app/app-database';
import { importPickedFiles } from '../../../renderer/src/library/library-actions';
import { findCardWithHash } from '../../../renderer/src/library/library-duplicates';
import { createLibraryStore, type LibraryCard } from '../../../renderer/src/library/library-store';
import { runScenarioLoad } from '../../../renderer/src/library/run-scenario-load';
import { summariseScenario } from '../../../renderer/src/library/scenario-summary';
import { pickedFileFromBlob } from '../../../renderer/src/platform/picked-file';
import type { PickedFile } from '../../../renderer/src/platform';
import { listImportedScenarios } from '../../../renderer/src/library/imported-scenarios';

const FIXTURE = 'tests/fixtures/scenarios/small';

/** The fixture folder as a folder pick gives it, under the folder name `as`. */
function pickFolder(dir: string, as: string): PickedFile[] {
  const out: PickedFile[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.push(
          pickedFileFromBlob(new Blob([readFileSync(full)]), `${as}/${relative(dir, full)}`),
        );
    }
  };
  walk(dir);
  return out;
}

async function clearStoredScenarios() {
  await (await getAppDatabase()).scenarios.clear();
}

describe('importing a scenario that is already in the library', () => {
  it('the second import of the same content, under another folder name, adds no card and stores nothing again', async () => {
    await clearStoredScenarios();
    const store = createLibraryStore();
    await importPickedFiles(store, pickFolder(FIXTURE, 'small'));
    const first = store.getState().importResult;
    expect(first?.status).toBe('scenario-added');
    const [card] = store.getState().cards;
    const storedBefore = await (await getAppDatabase()).scenarios.toArray();
    expect(storedBefore).toHaveLength(1);

    await importPickedFiles(store, pickFolder(FIXTURE, 'small-copy'));
    expect(store.getState().importResult).toEqual({
      status: 'already-in-library',
      name: 'small-copy',
      cardKey: card!.key,
      title: card!.state.status === 'ready' ? card!.state.summary.title : '',
    });
    expect(store.getState().cards.map((c) => c.key)).toEqual([card!.key]);
    // Not rewritten either: the stored record is the first one, import time included.
    expect(await (await getAppDatabase()).scenarios.toArray()).toEqual(storedBefore);
  });

  it('a copy of a bundled sample points to the bundled card and is not stored', async () => {
    await clearStoredScenarios();
    const store = createLibraryStore();
    const files = pickFolder(FIXTURE, 'small');
    const loaded = await runScenarioLoad(
      {
        mode: 'scenario',
        name: 'small',
        files: await Promise.all(
          files.map(async (f): Promise<[string, Uint8Array]> => [
            f.relativePath.replace(/^small\//, ''),
            await f.bytes(),
          ]),
        ),
      },
      () => undefined,
    );
    if (!loaded.ok || loaded.mode !== 'scenario') throw new Error('the fixture does not load');
    store.upsertCard({
      key: 'bundled:small',
      origin: { kind: 'bundled', sampleId: 'small' },
      label: 'small',
      state: {
        status: 'ready',
        scenario: loaded.scenario,
        summary: summariseScenario(loaded.scenario),
        warnings: [],
      },
    });

    await importPickedFiles(store, files);
    expect(store.getState().importResult).toMatchObject({
      status: 'already-in-library',
      cardKey: 'bundled:small',
      title: loaded.scenario.title,
    });
    expect(store.getState().cards.map((c) => c.key)).toEqual(['bundled:small']);
    expect(await listImportedScenarios()).toEqual([]);
  });
});

describe('findCardWithHash', () => {
  const card = (key: string, state: LibraryCard['state']): LibraryCard => ({
    key,
    origin: { kind: 'imported', key },
    label: key,
    state,
  });

  it('finds an imported card still loading under the hash, and ignores a card that failed', () => {
    const loading = card('imported:abc', {
      status: 'loading',
      progress: { label: '', value: null },
    });
    const failed = card('imported:def', { status: 'failed', errors: [], warnings: [] });
    expect(findCardWithHash([failed, loading], 'abc')).toBe(loading);
    expect(findCardWithHash([failed, loading], 'def')).toBeUndefined();
    expect(findCardWithHash([], 'abc')).toBeUndefined();
  });
});
