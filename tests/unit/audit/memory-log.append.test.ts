import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EntryError,
  GENESIS_HASH,
  LogChainError,
  MemoryAuditLog,
  commitThenApply,
  readLogEntries,
  sealEntry,
  type EntryDraft,
} from '../../../shared/audit';
import { DRAFTS, EXERCISE, buildLog, copy, steppingClock } from './log-fixture';

const note = (text: string): EntryDraft => ({
  exercise_time: null,
  actor: 'operator-1',
  role: 'operator',
  kind: 'note',
  data: { text },
});

describe('sealing', () => {
  test('the first entry links to 64 zeros and the hash covers everything but itself', () => {
    const entry = sealEntry(note('hello'), {
      seq: 1,
      exerciseId: 'x',
      prevHash: GENESIS_HASH,
      wallTime: '2026-11-26T10:00:00.000Z',
    });
    // The literal, not the constant: the export format fixes genesis as 64 zeros.
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(entry.prev_hash).toBe('0'.repeat(64));
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = sealEntry(note('hello'), {
      seq: 1,
      exerciseId: 'x',
      prevHash: GENESIS_HASH,
      wallTime: '2026-11-26T10:00:00.000Z',
    });
    expect(again.hash).toBe(entry.hash);
    const other = sealEntry(note('hello!'), {
      seq: 1,
      exerciseId: 'x',
      prevHash: GENESIS_HASH,
      wallTime: '2026-11-26T10:00:00.000Z',
    });
    expect(other.hash).not.toBe(entry.hash);
  });

  test('bad drafts and positions are refused, naming the field', () => {
    const pos = { seq: 3, exerciseId: 'x', prevHash: GENESIS_HASH };
    expect(() => sealEntry({ ...note('a'), role: 'boss' as 'operator' }, pos)).toThrow(
      /entry seq 3: draft\.role/,
    );
    expect(() => sealEntry({ ...note('a'), extra: 1 } as EntryDraft, pos)).toThrow(EntryError);
    expect(() => sealEntry({ ...note('a'), data: { n: Number.NaN } }, pos)).toThrow(
      /entry seq 3 \(note\): data: the number NaN/,
    );
    expect(() => sealEntry(note('a'), { ...pos, prevHash: 'abc' })).toThrow(/prev_hash must be 64/);
    expect(() => sealEntry(note('a'), { ...pos, wallTime: '2026-11-26 10:00' })).toThrow(
      /wall_time/,
    );
  });

  test("the stored data is detached from the caller's object", () => {
    const data = { text: 'original', nested: { a: 1 } };
    const entry = sealEntry(
      { ...note(''), data },
      { seq: 1, exerciseId: 'x', prevHash: GENESIS_HASH },
    );
    data.nested.a = 2;
    expect(entry.data).toEqual({ text: 'original', nested: { a: 1 } });
  });
});

describe('MemoryAuditLog', () => {
  test('appends a chain that the reader accepts, and resumes from it', async () => {
    const log = await buildLog();
    expect(log.entries().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(readLogEntries(copy(log.entries()))).toHaveLength(8);
    const resumed = new MemoryAuditLog(EXERCISE.id, { entries: copy(log.entries()) });
    expect(resumed.head()).toEqual(log.head());
    const [next] = await resumed.append([note('after resume')]);
    expect(next!.seq).toBe(9);
    expect(next!.prev_hash).toBe(log.head().hash);
  });

  test('refuses to resume from a broken chain or another exercise', async () => {
    const entries = copy((await buildLog()).entries());
    entries[2]!.actor = 'someone else';
    expect(() => new MemoryAuditLog(EXERCISE.id, { entries })).toThrow(LogChainError);
    expect(() => new MemoryAuditLog(EXERCISE.id, { entries })).toThrow(
      /log entry 3: its hash does not match/,
    );
    const good = copy((await buildLog()).entries());
    expect(() => new MemoryAuditLog('another', { entries: good })).toThrow(
      /belongs to exercise "ex-0001"/,
    );
  });

  test('a batch is all or nothing', async () => {
    const log = new MemoryAuditLog('x', { now: steppingClock() });
    await log.append([note('one')]);
    const before = log.head();
    await expect(
      log.append([note('two'), { ...note('three'), role: 'nobody' as 'operator' }, note('four')]),
    ).rejects.toThrow(/entry seq 3: draft\.role/);
    expect(log.head()).toEqual(before);
    expect(log.entries()).toHaveLength(1);
  });

  test('an append interrupted before commit leaves the log valid and the action not applied', async () => {
    const log = new MemoryAuditLog('x');
    await log.append([note('one')]);
    let applied = false;
    await expect(
      commitThenApply(
        log,
        [note('two'), { ...note('bad'), data: { v: Number.POSITIVE_INFINITY } }],
        () => {
          applied = true;
        },
      ),
    ).rejects.toThrow(EntryError);
    expect(applied).toBe(false);
    expect(readLogEntries(copy(log.entries()))).toHaveLength(1);
    expect(await commitThenApply(log, [note('two')], (entries) => entries[0]!.seq)).toBe(2);
  });

  test('property: any sequence of batches yields seq 1..n and a chain the reader accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        async (batches) => {
          const log = new MemoryAuditLog('p');
          await Promise.all(batches.map((texts) => log.append(texts.map(note))));
          const n = batches.flat().length;
          expect(log.entries().map((e) => e.seq)).toEqual(
            Array.from({ length: n }, (_, i) => i + 1),
          );
          expect(readLogEntries(copy(log.entries()))).toHaveLength(n);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('the fixture drafts are all valid drafts', () => {
    expect(DRAFTS.length).toBeGreaterThan(5);
  });
});
