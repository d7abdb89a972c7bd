// Key files and keys at their edges: each refusal of a key file word for
// word, a public key whose base64url form holds both "-" and "_", and the
// error when WebCrypto is missing (a page that is not a secure context).
import { afterEach, describe, expect, test, vi } from 'vitest';
import { base64ToBytes } from '../../../shared/audit/base64';
import {
  SigningKeyError,
  createKeyFile,
  exportPublicKeyBase64,
  generateSigningKey,
  keyIdOf,
  signerFromKeyFile,
  signerFromKeyPair,
} from '../../../shared/audit/signing';

// PKCS#8 of the Ed25519 seed 0…01; its public key in base64url is
// TLWr9q15-_Wrv…, with both characters that differ from standard base64.
const SEED_ONE_PKCS8 = 'MC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB';
const SEED_ONE_PUBLIC = 'TLWr9q15+/WrvMr8wmnYXNJlHtS4hbWGnyQa7fCluik=';

function keyFile(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'truceline-key',
    version: 1,
    alg: 'Ed25519',
    key_id: keyIdOf(base64ToBytes(SEED_ONE_PUBLIC)!),
    public_key: SEED_ONE_PUBLIC,
    private_key_pkcs8: SEED_ONE_PKCS8,
    created: '2026-11-26T10:00:00.000Z',
    ...overrides,
  });
}

async function refusal(text: string, where?: string): Promise<string> {
  const error: unknown = await signerFromKeyFile(text, where).then(
    () => new Error('expected a SigningKeyError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SigningKeyError);
  expect((error as Error).name).toBe('SigningKeyError');
  return (error as Error).message;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('key files', () => {
  test('a key whose base64url public key holds "-" and "_" is read', async () => {
    const signer = await signerFromKeyFile(keyFile());
    expect(signer.publicKeyBase64).toBe(SEED_ONE_PUBLIC);
  });

  test('a refusal names the key file when no name is given', async () => {
    expect(await refusal('5')).toBe(
      'key file: not a truceline key file (file: Invalid input: expected object, received number)',
    );
  });

  test('a private key that is not base64', async () => {
    expect(await refusal(keyFile({ private_key_pkcs8: 'not base64' }), 'k.json')).toBe(
      'k.json: private_key_pkcs8 is not valid base64',
    );
  });

  test.each([
    ['not base64', 'not base64'],
    ['31 bytes', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=='],
  ])('a public key that is %s', async (_, publicKey) => {
    expect(await refusal(keyFile({ public_key: publicKey }), 'k.json')).toBe(
      'k.json: public_key is not the base64 of a 32-byte key',
    );
  });

  test('a private key that is base64 but no Ed25519 key', async () => {
    expect(await refusal(keyFile({ private_key_pkcs8: 'AAAA' }), 'k.json')).toMatch(
      /^k\.json: private_key_pkcs8 is not an Ed25519 key \(.+\)$/,
    );
  });

  test('the public key of a key pair in base64 is the one its signer names', async () => {
    const pair = await generateSigningKey();
    expect(await exportPublicKeyBase64(pair.publicKey)).toBe(
      (await signerFromKeyPair(pair)).publicKeyBase64,
    );
  });
});

describe('without WebCrypto', () => {
  test.each([
    ['no crypto object', undefined],
    ['crypto without subtle', {}],
  ])('%s: a SigningKeyError says a secure context is needed', async (_, crypto) => {
    vi.stubGlobal('crypto', crypto);
    const error: unknown = await createKeyFile().then(
      () => new Error('expected a SigningKeyError'),
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).toBe(
      'WebCrypto is not available here (a secure context is needed)',
    );
  });
});
