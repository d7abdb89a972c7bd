import { describe, expect, test } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  buildExportBundle,
  createKeyFile,
  keyIdOf,
  signerFromKeyFile,
  verifyLogBundle,
} from '../../../shared/audit';
import { EXERCISE, buildLog } from './log-fixture';
import fc from 'fast-check';

describe('key files', () => {
  test('a key file signs bundles that verify against its public key', async () => {
    const made = await createKeyFile();
    const file = JSON.parse(made.text) as Record<string, string>;
    expect(file).toMatchObject({
      format: 'truceline-key',
      alg: 'Ed25519',
      key_id: made.keyId,
      public_key: made.publicKeyBase64,
    });
    expect(keyIdOf(base64ToBytes(made.publicKeyBase64)!)).toBe(made.keyId);
    const signer = await signerFromKeyFile(made.text);
    const bundle = await buildExportBundle({
      exercise: EXERCISE,
      entries: (await buildLog()).entries(),
      signer,
    });
    const result = await verifyLogBundle(bundle, { expectedPublicKey: made.publicKeyBase64 });
    expect(result.line).toMatch(new RegExp(`^OK 8 entries, head [0-9a-f]{64}, key ${made.keyId}$`));
  });

  test('a key file whose public key is not its private key is refused', async () => {
    const a = JSON.parse((await createKeyFile()).text) as Record<string, string>;
    const b = JSON.parse((await createKeyFile()).text) as Record<string, string>;
    const mixed = { ...a, public_key: b.public_key, key_id: b.key_id };
    await expect(signerFromKeyFile(JSON.stringify(mixed), 'k.json')).rejects.toThrow(
      'k.json: the private key does not belong to public_key',
    );
    await expect(signerFromKeyFile('{', 'k.json')).rejects.toThrow(/k.json: not JSON/);
    await expect(signerFromKeyFile('{"format":"x"}', 'k.json')).rejects.toThrow(
      /k.json: not a truceline key file \(format/,
    );
    await expect(
      signerFromKeyFile(JSON.stringify({ ...a, key_id: '0000000000000000' }), 'k.json'),
    ).rejects.toThrow(/key_id does not match/);
  });
});

describe('base64', () => {
  test('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  test('refuses anything but canonical padded standard base64', () => {
    for (const bad of ['abc', 'ab==cd==', 'ab-_', 'YQ', 'YR==', 'Y===', '====', 'YQ=\n'])
      expect(base64ToBytes(bad)).toBeNull();
    expect(base64ToBytes('')).toEqual(new Uint8Array());
  });
});
