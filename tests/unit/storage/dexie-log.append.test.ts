import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import {
  commitThenApply,
  readLogEntries,
  sealBatch,
  verifyLogBundle,
  type EntryDraft,
} from '../../../shared/audit';
import {
  DexieAuditLog,
  StorageFailure,
  exportExerciseLog,
  getOrCreateInstallationKey,
  openTrucelineDatabase,
  readStoredLog,
  saveExercise,
  type TrucelineDatabase,
} from '../../../renderer/src/storage';

const note = (text: string): EntryDraft => ({
  exercise_time: null,
  actor: 'operator-1',
  role: 'operator',
  kind: 'note',
  data: { text },
});
const opened: TrucelineDatabase[] = [];
let counter = 0;
async function freshDb(): Promise<TrucelineDatabase> {
  const db = await openTrucelineDatabase(`test-log-${process.pid}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('DexieAuditLog on IndexedDB (fake-indexeddb)', () => {
  test('appends, reads back and resumes after reopening the database', async () => {
    const db = await freshDb();
    const log = await DexieAuditLog.open(db, 'ex-1');
    expect(log.head()).toEqual({ seq: 0, hash: '0'.repeat(64) });
    await log.append([note('one')]);
    await log.append([note('two'), note('three')]);
    await log.close();

    db.close();
    await db.open();
    const resumed = await DexieAuditLog.open(db, 'ex-1');
    expect(resumed.head().seq).toBe(3);
    const [four] = await resumed.append([note('four')]);
    expect(four).toMatchObject({ seq: 4, prev_hash: (await readStoredLog(db, 'ex-1'))[2]!.hash });
    const entries = await resumed.readEntries();
    expect(entries.map((e) => e.data.text)).toEqual(['one', 'two', 'three', 'four']);
    expect(readLogEntries(entries)).toHaveLength(4);
    await resumed.close();
  });

  test('logs of different exercises do not mix', async () => {
    const db = await freshDb();
    const a = await DexieAuditLog.open(db, 'a');
    const b = await DexieAuditLog.open(db, 'b');
    await a.append([note('a1'), note('a2')]);
    await b.append([note('b1')]);
    expect((await a.readEntries()).map((e) => e.data.text)).toEqual(['a1', 'a2']);
    expect((await b.readEntries()).map((e) => e.seq)).toEqual([1]);
  });

  test('the unique [exercise_id+seq] index refuses a forked chain', async () => {
    const db = await freshDb();
    // Two writers on one exercise: possible only without Web Locks (as in Node).
    const first = await DexieAuditLog.open(db, 'ex');
    const second = await DexieAuditLog.open(db, 'ex');
    await first.append([note('from the first window')]);
    const rejected = second.append([note('from the second window')]);
    await expect(rejected).rejects.toBeInstanceOf(StorageFailure);
    await expect(rejected).rejects.toMatchObject({ kind: 'conflict' });
    // Even a raw write of a second seq 1 that skips the writer's head check is refused by the index.
    const [fork] = sealBatch([note('forged seq 1')], null, 'ex');
    await expect(db.log.add(fork!)).rejects.toMatchObject({ name: 'ConstraintError' });
    const stored = await readStoredLog(db, 'ex');
    expect(stored.map((e) => e.data.text)).toEqual(['from the first window']);
  });

  test('a batch is all or nothing, and an interrupted append leaves the log valid and the action unapplied', async () => {
    const db = await freshDb();
    const log = await DexieAuditLog.open(db, 'ex');
    await log.append([note('one'), note('two')]);
    // A real interruption inside the write transaction, before it commits.
    const interrupt = (_key: unknown, entry: { seq: number }) => {
      if (entry.seq === 5) throw new Error('power cut');
    };
    db.log.hook('creating', interrupt);
    let applied = false;
    await expect(
      commitThenApply(log, [note('three'), note('four'), note('five'), note('six')], () => {
        applied = true;
      }),
    ).rejects.toMatchObject({
      name: 'StorageFailure',
      kind: 'write-failed',
      message: expect.stringContaining('power cut'),
    });
    db.log.hook('creating').unsubscribe(interrupt);
    expect(applied).toBe(false);
    expect(log.head().seq).toBe(2);
    expect((await readStoredLog(db, 'ex')).map((e) => e.seq)).toEqual([1, 2]);
    // The writer carries on from the committed head.
    await log.append([note('three')]);
    expect((await readStoredLog(db, 'ex')).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  test('a bad draft in a batch writes nothing', async () => {
    const db = await freshDb();
    const log = await DexieAuditLog.open(db, 'ex');
    await expect(
      log.append([note('ok'), { ...note('x'), role: 'nobody' as 'operator' }]),
    ).rejects.toThrow(/entry seq 2: draft\.role/);
    expect(await db.log.count()).toBe(0);
  });

  test('property: concurrent appends from one writer form one chain', async () => {
    const db = await freshDb();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
        async (batches) => {
          const id = `p-${n++}`;
          const log = await DexieAuditLog.open(db, id);
          await Promise.all(batches.map((texts) => log.append(texts.map(note))));
          const stored = await readStoredLog(db, id);
          expect(stored.map((e) => e.data.text)).toEqual(batches.flat());
          await log.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  test('an exercise exported with the installation key verifies OK', async () => {
    const db = await freshDb();
    await saveExercise(db, {
      id: 'ex-9',
      title: 'Drill',
      classification: 'EXERCISE',
      scenario_id: 's',
      scenario_hash: 'h',
      scoring_hash: 'h',
      protocol_hash: 'h',
      created: '2026-11-26T10:00:00.000Z',
      app_version: '0.1.0',
      status: 'active',
      updated: '2026-11-26T10:00:00.000Z',
    });
    const log = await DexieAuditLog.open(db, 'ex-9');
    await log.append([note('a'), note('b')]);
    const key = await getOrCreateInstallationKey(db);
    const bundle = await exportExerciseLog(db, 'ex-9', key);
    const result = await verifyLogBundle(JSON.stringify(bundle));
    expect(result.line).toBe(`OK 2 entries, head ${log.head().hash}, key ${key.keyId}`);
  });
});
