import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { MemoryAuditLog, readLogEntries, type EntryDraft } from '../../../shared/audit';
import {
  DexieAuditLog,
  SCHEMA_VERSION,
  STORES_V1,
  TrucelineDatabase,
  listExercises,
} from '../../../renderer/src/storage';

const note = (text: string): EntryDraft => ({
  exercise_time: null,
  actor: 'o',
  role: 'operator',
  kind: 'note',
  data: { text },
});

test('upgrading a v1 database to the current schema keeps every log entry', async () => {
  const name = `upgrade-${process.pid}`;
  // A database as version 1 of the app left it.
  const v1 = new Dexie(name);
  v1.version(1).stores(STORES_V1);
  await v1.open();
  const memory = new MemoryAuditLog('ex-old');
  await memory.append(Array.from({ length: 500 }, (_, i) => note(`entry ${i + 1}`)));
  const other = new MemoryAuditLog('ex-other');
  await other.append([note('x'), note('y')]);
  await v1.table('log').bulkAdd([...memory.entries(), ...other.entries()]);
  await v1
    .table('exercises')
    .add({ id: 'ex-old', title: 'Old drill', created: '2026-01-01T00:00:00.000Z' });
  v1.close();

  const db = new TrucelineDatabase(name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  expect(await db.log.count()).toBe(502);
  const log = await DexieAuditLog.open(db, 'ex-old');
  const entries = await log.readEntries();
  expect(entries).toEqual(memory.entries());
  expect(readLogEntries(entries)).toHaveLength(500);
  // The new index works on the old rows, and the upgrade filled the new field.
  expect(
    await db.log
      .where('[exercise_id+alert_id]')
      .between(['ex-old', Dexie.minKey], ['ex-old', Dexie.maxKey])
      .count(),
  ).toBe(0);
  expect((await listExercises(db))[0]).toMatchObject({
    id: 'ex-old',
    updated: '2026-01-01T00:00:00.000Z',
  });
  // And it keeps appending where v1 stopped.
  const [next] = await log.append([note('after upgrade')]);
  expect(next!.seq).toBe(501);
  db.close();
  await Dexie.delete(name);
});
