// The chain checks' verdicts word for word: which check failed, at which
// 1-based position, and the reason a reader sees; and readLogEntries' located
// errors for input that is not a list of well-formed entries.
import { beforeAll, describe, expect, test } from 'vitest';
import { LogChainError, findChainFailure, readLogEntries } from '../../../shared/audit/chain';
import type { LogEntry } from '../../../shared/audit/entry';
import { buildLog, copy } from './log-fixture';

let sealed: LogEntry[];

beforeAll(async () => {
  sealed = (await buildLog()).entries() as LogEntry[];
});

function seqs(...values: unknown[]): Record<string, unknown>[] {
  return values.map((seq) => ({ seq }));
}

function entries(): Record<string, unknown>[] {
  return copy(sealed) as unknown as Record<string, unknown>[];
}

function chainError(raw: unknown): LogChainError {
  try {
    readLogEntries(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(LogChainError);
    return error as LogChainError;
  }
  throw new Error('expected a LogChainError');
}

describe('seq failures', () => {
  test.each<[string, unknown[], number, string]>([
    ['a missing seq', [1, undefined], 2, 'seq is undefined, not a whole number'],
    ['a fractional seq', [1.5], 1, 'seq is 1.5, not a whole number'],
    ['a seq written as text', [1, '2'], 2, 'seq is "2", not a whole number'],
    [
      'a long text seq, cut at 37 characters',
      [1, 'x'.repeat(50)],
      2,
      `seq is "${'x'.repeat(36)}…, not a whole number`,
    ],
    [
      'a text seq of exactly 40 characters, in full',
      [1, 'y'.repeat(38)],
      2,
      `seq is "${'y'.repeat(38)}", not a whole number`,
    ],
    ['one entry missing', [1, 3], 2, 'seq 3 where 2 was expected: an entry is missing before it'],
    ['two entries missing', [1, 4], 2, 'seq 4 where 2 was expected: entries are missing before it'],
    ['a repeated seq', [1, 2, 2], 3, 'seq 2 repeats the entry before it'],
    [
      'an entry moved back',
      [1, 2, 1],
      3,
      'seq 1 where 3 was expected: entries are out of order or inserted',
    ],
  ])('%s', (_, values, position, reason) => {
    expect(findChainFailure(seqs(...values))).toEqual({ position, check: 'seq', reason });
  });
});

describe('link and hash failures', () => {
  test('a broken link names check prev_hash', () => {
    const list = entries();
    list[2]!.prev_hash = '1'.repeat(64);
    expect(findChainFailure(list)).toEqual({
      position: 3,
      check: 'prev_hash',
      reason:
        'prev_hash does not match the hash of seq 2: an entry was changed, removed, inserted or moved',
    });
  });

  test('an altered entry names check hash', () => {
    const list = entries();
    (list[1]!.data as Record<string, unknown>).speed = 61;
    expect(findChainFailure(list)).toEqual({
      position: 2,
      check: 'hash',
      reason: 'its hash does not match its content: the entry was altered',
    });
  });

  test('content with no canonical form names check hash and why', () => {
    const list = entries();
    (list[0]!.data as Record<string, unknown>).bad = Number.NaN;
    expect(findChainFailure(list)).toEqual({
      position: 1,
      check: 'hash',
      reason: 'its content is not valid JSON for hashing: the number NaN is not allowed in JSON',
    });
  });
});

describe('readLogEntries', () => {
  test('refuses what is not a list', () => {
    for (const raw of [{}, 'log']) {
      const error = chainError(raw);
      expect(error.name).toBe('LogChainError');
      expect(error.position).toBe(0);
      expect(error.message).toBe('log entry 0: the log is not a list of entries');
    }
  });

  test('names the entry and the field that does not fit the schema', () => {
    const list = entries();
    list[1]!.actor = 5;
    expect(chainError(list).message).toBe(
      'log entry 2: actor: Invalid input: expected string, received number',
    );
  });

  test('names the entry itself when it is not an object', () => {
    const list: unknown[] = entries();
    list[2] = 7;
    expect(chainError(list).message).toBe(
      'log entry 3: entry: Invalid input: expected object, received number',
    );
  });

  test('names the chain failure of well-formed entries', () => {
    const list = entries();
    list.splice(1, 1);
    const error = chainError(list);
    expect(error.position).toBe(2);
    expect(error.message).toBe(
      'log entry 2: seq 3 where 2 was expected: an entry is missing before it',
    );
  });

  test('reads an intact log', () => {
    expect(readLogEntries(entries())).toHaveLength(sealed.length);
  });
});
