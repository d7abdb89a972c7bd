import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { getAppDatabase } from '../../../renderer/src/app/app-database';
import {
  importedScenarioFiles,
  listImportedScenarios,
} from '../../../renderer/src/library/imported-scenarios';
import { saveScenario, type StoredScenario } from '../../../renderer/src/storage';

const stored = (hash: string, bytes: Blob | Uint8Array): StoredScenario => ({
  hash,
  scenario_id: `s-${hash}`,
  title: `Scenario ${hash}`,
  classification: 'EXERCISE',
  span: { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' },
  counts: { events: 1, zones: 0, feeds: 1 },
  files: [{ path: 'feeds/a.ndjson', bytes }],
  imported: `2026-11-26T1${hash.length}:00:00.000Z`,
});

it('gives back the bytes of imported scenarios stored as Blobs and of those stored as bytes by earlier versions', async () => {
  const db = await getAppDatabase();
  const line = '{"id":"e1"}\n';
  await saveScenario(db, stored('blob', new Blob([line])));
  await saveScenario(db, stored('older', new TextEncoder().encode(line)));
  expect((await listImportedScenarios()).map((s) => s.hash).sort()).toEqual(['blob', 'older']);
  for (const hash of ['blob', 'older']) {
    const [[path, bytes]] = (await importedScenarioFiles(hash)) as [[string, Uint8Array]];
    expect(path).toBe('feeds/a.ndjson');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe(line);
  }
  await expect(importedScenarioFiles('gone')).rejects.toThrow('is no longer stored');
});
