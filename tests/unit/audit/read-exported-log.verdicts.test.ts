// Which exported logs readExportedLog hands on (OK, UNSIGNED) and which it
// refuses, with the one line it refuses them with.
import { beforeAll, describe, expect, test } from 'vitest';
import { ExportedLogRefused, readExportedLog } from '../../../shared/audit/read-exported-log';
import type { ExportBundle } from '../../../shared/audit';
import { copy, newSigner, signedBundle } from './log-fixture';

let good: ExportBundle;

beforeAll(async () => {
  good = await signedBundle(await newSigner());
});

async function refusal(text: string): Promise<ExportedLogRefused> {
  const error: unknown = await readExportedLog(text).then(
    () => new Error('expected ExportedLogRefused'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExportedLogRefused);
  expect((error as Error).name).toBe('ExportedLogRefused');
  return error as ExportedLogRefused;
}

describe('readExportedLog verdicts', () => {
  test('a signed, intact log is read', async () => {
    const { result, bundle } = await readExportedLog(JSON.stringify(good));
    expect(result.status).toBe('OK');
    expect(bundle).toEqual(good);
  });

  test('a tampered log is refused with its result line', async () => {
    const bundle = copy(good);
    bundle.head.count = 99;
    const error = await refusal(JSON.stringify(bundle));
    expect(error.message).toBe('TAMPERED head: count is 99 but the log holds 8 entries');
    expect(error.result.status).toBe('TAMPERED');
  });

  test('an unsigned log that verifies but does not fit this version is refused, saying so', async () => {
    const bundle = copy(good) as Partial<ExportBundle>;
    delete bundle.signature;
    bundle.exercise!.classification = 'LIVE';
    const error = await refusal(JSON.stringify(bundle));
    expect(error.message).toBe(
      'the log verifies (UNSIGNED) but this version cannot read it: exercise.classification: must begin with EXERCISE',
    );
    expect(error.result.status).toBe('UNSIGNED');
  });
});
