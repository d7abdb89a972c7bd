// verifyLogBundle's results field by field (status, where, reason, line) for
// the cases a reader sees least often: values shown as "missing" or cut at 37
// characters, null where an object belongs, a signature of the wrong length or
// over content with no canonical form, and the auditor's key given with a
// trailing newline or of the wrong length.
import { beforeAll, describe, expect, test } from 'vitest';
import { verifyLogBundle, verifyLogText } from '../../../shared/audit/verify';
import { bytesToBase64 } from '../../../shared/audit/base64';
import type { ExportBundle, LogSigner } from '../../../shared/audit';
import { copy, newSigner, signedBundle } from './log-fixture';

let signer: LogSigner;
let good: ExportBundle;

beforeAll(async () => {
  signer = await newSigner();
  good = await signedBundle(signer);
});

function edited(change: (bundle: Record<string, unknown>) => void): Record<string, unknown> {
  const bundle = copy(good) as unknown as Record<string, unknown>;
  change(bundle);
  return bundle;
}

describe('INVALID results', () => {
  test('name where they failed: the format', async () => {
    expect(await verifyLogBundle(edited((b) => delete b.format))).toEqual({
      status: 'INVALID',
      where: 'format',
      reason: 'not a Truceline log: format is missing, expected "truceline-log"',
      line: 'INVALID: not a Truceline log: format is missing, expected "truceline-log"',
    });
  });

  test('cut a long value at 37 characters and show one of 40 in full', async () => {
    const long = await verifyLogBundle(edited((b) => (b.format = 'f'.repeat(50))));
    expect(long.reason).toBe(
      `not a Truceline log: format is "${'f'.repeat(36)}…, expected "truceline-log"`,
    );
    const forty = await verifyLogBundle(edited((b) => (b.format = 'g'.repeat(38))));
    expect(forty.reason).toBe(
      `not a Truceline log: format is "${'g'.repeat(38)}", expected "truceline-log"`,
    );
  });

  test('null is not an object', async () => {
    expect((await verifyLogBundle(null)).line).toBe(
      'INVALID: not a Truceline log: the file is not a JSON object',
    );
  });

  test('an input that is neither text nor bytes is not read as a malformed text', async () => {
    await expect(verifyLogText(42 as unknown as string)).rejects.toThrow(TypeError);
  });
});

describe('TAMPERED results', () => {
  test('a chain failure is reported where "seq"', async () => {
    const result = await verifyLogBundle(
      edited((b) => ((b.entries as Record<string, unknown>[])[1]!.actor = 'someone else')),
    );
    expect(result.where).toBe('seq');
    expect(result.seq).toBe(2);
    expect(result.line).toBe(
      'TAMPERED seq 2: its hash does not match its content: the entry was altered',
    );
  });

  test('a null head is missing, where "head"', async () => {
    const result = await verifyLogBundle(edited((b) => (b.head = null)));
    expect(result).toMatchObject({
      status: 'TAMPERED',
      where: 'head',
      reason: 'the head is missing',
      line: 'TAMPERED head: the head is missing',
    });
  });

  test('a signature that is not an object, where "signature"', async () => {
    const result = await verifyLogBundle(edited((b) => (b.signature = 'signed')));
    expect(result).toMatchObject({
      status: 'TAMPERED',
      where: 'signature',
      reason: 'the signature is not an object',
      line: 'TAMPERED signature: the signature is not an object',
    });
  });

  test('a signature value of 63 bytes', async () => {
    const result = await verifyLogBundle(
      edited(
        (b) => ((b.signature as Record<string, unknown>).value = bytesToBase64(new Uint8Array(63))),
      ),
    );
    expect(result.line).toBe('TAMPERED signature: value is 63 bytes, an Ed25519 signature is 64');
  });

  test('signed content with no canonical form cannot be checked', async () => {
    const result = await verifyLogBundle(
      edited((b) => ((b.exercise as Record<string, unknown>).title = Number.NaN)),
    );
    expect(result.line).toBe(
      'TAMPERED signature: it cannot be checked (the number NaN is not allowed in JSON)',
    );
  });

  test('an expected key of the wrong length is refused', async () => {
    const result = await verifyLogBundle(good, {
      expectedPublicKey: bytesToBase64(new Uint8Array(31)),
    });
    expect(result.line).toBe(
      'TAMPERED signature: the expected public key given is not base64 of a 32-byte key',
    );
  });
});

describe('UNSIGNED and OK results', () => {
  test('an unsigned log says why it proves less', async () => {
    const result = await verifyLogBundle(edited((b) => delete b.signature));
    expect(result.status).toBe('UNSIGNED');
    expect(result.reason).toBe(
      'the chain is intact but the log is not signed, so nothing ties it to an installation',
    );
  });

  test('an expected key read from a file with its trailing newline matches', async () => {
    const result = await verifyLogBundle(good, {
      expectedPublicKey: `${signer.publicKeyBase64}\n`,
    });
    expect(result.status).toBe('OK');
    expect(result.reason).toBe('');
  });
});
