// readExportBundle and buildExportBundle name where a bundle does not fit and
// why, in one line: the member path as written in JSON (entries[1].actor), the
// entry's 1-based position and seq, and the rule it breaks. The CLI prints
// these lines; here they are checked in-process.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  BundleError,
  buildExportBundle,
  readExportBundle,
  type ExportBundle,
} from '../../../shared/audit/bundle';
import { bytesToBase64 } from '../../../shared/audit/base64';
import type { LogEntry } from '../../../shared/audit/entry';
import { EXERCISE, buildLog, copy, newSigner, signedBundle } from './log-fixture';

let good: ExportBundle;
let sealed: LogEntry[];

beforeAll(async () => {
  good = await signedBundle(await newSigner());
  sealed = (await buildLog()).entries() as LogEntry[];
});

function edited(change: (bundle: Record<string, unknown>) => void): Record<string, unknown> {
  const bundle = copy(good) as unknown as Record<string, unknown>;
  change(bundle);
  return bundle;
}

function entryList(bundle: Record<string, unknown>): unknown[] {
  return bundle.entries as unknown[];
}

function refusal(run: () => unknown): BundleError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return error as BundleError;
  }
  throw new Error('expected a BundleError');
}

async function buildRefusal(run: () => Promise<unknown>): Promise<string> {
  const error: unknown = await run().then(
    () => new Error('expected a BundleError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BundleError);
  expect((error as Error).name).toBe('BundleError');
  return (error as Error).message;
}

describe('readExportBundle', () => {
  test('reads a well-formed signed bundle', () => {
    expect(readExportBundle(copy(good))).toEqual(good);
  });

  test.each<[string, (bundle: Record<string, unknown>) => void, string]>([
    [
      'a field of an entry, with its position and seq',
      (b) => ((entryList(b)[1] as Record<string, unknown>).actor = 5),
      'entries[1].actor (entry 2, seq 2): Invalid input: expected string, received number',
    ],
    [
      'an entry whose seq is not a number: its position only',
      (b) => ((entryList(b)[2] as Record<string, unknown>).seq = 'three'),
      'entries[2].seq (entry 3): Invalid input: expected number, received string',
    ],
    [
      'an entry that is null',
      (b) => (entryList(b)[1] = null),
      'entries[1] (entry 2): Invalid input: expected object, received null',
    ],
    [
      'entries that are not a list',
      (b) => (b.entries = 'none'),
      'entries: Invalid input: expected array, received string',
    ],
    [
      'a member of the head',
      (b) => ((b.head as Record<string, unknown>).count = -1),
      'head.count: Too small: expected number to be >=0',
    ],
    [
      'a public key of 31 bytes',
      (b) =>
        ((b.signature as Record<string, unknown>).public_key = bytesToBase64(new Uint8Array(31))),
      'signature.public_key: must be base64 of 32 bytes',
    ],
    [
      'a public key that is not base64',
      (b) => ((b.signature as Record<string, unknown>).public_key = 'not base64!'),
      'signature.public_key: must be base64 of 32 bytes',
    ],
    [
      'a signature value of 63 bytes',
      (b) => ((b.signature as Record<string, unknown>).value = bytesToBase64(new Uint8Array(63))),
      'signature.value: must be base64 of 64 bytes',
    ],
    [
      'a signature value that is not base64',
      (b) => ((b.signature as Record<string, unknown>).value = '%%%%'),
      'signature.value: must be base64 of 64 bytes',
    ],
  ])('names %s', (_, change, message) => {
    const error = refusal(() => readExportBundle(edited(change)));
    expect(error.name).toBe('BundleError');
    expect(error.message).toBe(message);
  });

  test('names the log itself when the value is not an object', () => {
    expect(refusal(() => readExportBundle(7)).message).toBe(
      'the log: Invalid input: expected object, received number',
    );
  });
});

describe('buildExportBundle', () => {
  test('refuses exercise details that break the schema, naming the field', async () => {
    expect(
      await buildRefusal(() =>
        buildExportBundle({ exercise: { ...EXERCISE, classification: 'LIVE' }, entries: sealed }),
      ),
    ).toBe('exercise.classification: must begin with EXERCISE');
  });

  test('refuses an empty log', async () => {
    expect(await buildRefusal(() => buildExportBundle({ exercise: EXERCISE, entries: [] }))).toBe(
      'entries: a log has at least one entry',
    );
  });

  test('refuses a broken chain, naming the entry by its index', async () => {
    const entries = copy(sealed);
    entries.splice(1, 1);
    expect(await buildRefusal(() => buildExportBundle({ exercise: EXERCISE, entries }))).toBe(
      'entries[1]: seq 3 where 2 was expected: an entry is missing before it',
    );
  });

  test('refuses entries of another exercise', async () => {
    expect(
      await buildRefusal(() =>
        buildExportBundle({ exercise: { ...EXERCISE, id: 'ex-0002' }, entries: sealed }),
      ),
    ).toBe('entries: seq 1 belongs to exercise "ex-0001", not "ex-0002"');
  });
});
