import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, test } from 'vitest';
import {
  deleteScenario,
  getScenario,
  getSetting,
  listScenarios,
  openTrucelineDatabase,
  saveScenario,
  setSetting,
  type StoredScenario,
} from '../../../renderer/src/storage';

const scenario = (hash: string, imported: string): StoredScenario => ({
  hash,
  scenario_id: `s-${hash}`,
  title: `Scenario ${hash}`,
  classification: 'EXERCISE',
  span: { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' },
  counts: { events: 120, zones: 4, feeds: 3 },
  files: [{ path: 'scenario.json', bytes: new TextEncoder().encode('{"id":"x"}') }],
  imported,
});

test('scenarios keep their bytes; listing leaves them out, newest first; settings round-trip', async () => {
  const name = `records-${process.pid}`;
  const db = await openTrucelineDatabase(name);
  expect(db.persistence).toBe('unsupported'); // Node has no navigator.storage
  await saveScenario(db, scenario('h1', '2026-11-26T10:00:00.000Z'));
  await saveScenario(db, scenario('h2', '2026-11-26T11:00:00.000Z'));
  expect((await listScenarios(db)).map((s) => s.hash)).toEqual(['h2', 'h1']);
  expect(await listScenarios(db)).not.toHaveProperty('0.files');
  const stored = await getScenario(db, 'h1');
  expect(new TextDecoder().decode(stored!.files[0]!.bytes as Uint8Array)).toBe('{"id":"x"}');
  // Files imported now are kept as Blobs (stored by reference, read on demand).
  const blobbed = { ...scenario('h3', '2026-11-26T12:00:00.000Z') };
  blobbed.files = [{ path: 'feeds/a.ndjson', bytes: new Blob(['{"id":"e1"}\n']) }];
  await saveScenario(db, blobbed);
  const back = (await getScenario(db, 'h3'))!.files[0]!.bytes;
  expect(back).toBeInstanceOf(Blob);
  expect(await (back as Blob).text()).toBe('{"id":"e1"}\n');
  await deleteScenario(db, 'h1');
  expect(await getScenario(db, 'h1')).toBeUndefined();
  expect(await getSetting(db, 'actor', 'operator-1')).toBe('operator-1');
  await setSetting(db, 'actor', 'duty officer');
  expect(await getSetting(db, 'actor', 'operator-1')).toBe('duty officer');
  db.close();
  await Dexie.delete(name);
});
