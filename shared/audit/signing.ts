// Ed25519 through WebCrypto (Node and Chromium alike): installation keys,
// key ids, signing and verifying, and the key file of `truceline keygen`.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './base64';

z.config({ jitless: true });

const ED25519 = { name: 'Ed25519' } as const;

// Types taken from the global WebCrypto so this file compiles against both
// Node's and the DOM's declarations (shared/ may import neither directly).
type Subtle = NonNullable<typeof globalThis.crypto>['subtle'];
/** A WebCrypto key, in Node or the browser. */
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;
/** A WebCrypto key pair, in Node or the browser. */
export interface WebCryptoKeyPair {
  publicKey: WebCryptoKey;
  privateKey: WebCryptoKey;
}

/** Whatever signs export bundles: an installation key, a key file, an ephemeral key. */
export interface LogSigner {
  keyId: string;
  publicKeyBase64: string;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

/** Raised for a key that cannot be used; the message says why. */
export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

function subtle(): Subtle {
  // Typed as always there, but absent in older Node and in a page that is not a
  // secure context (crypto.subtle is then undefined).
  const webCrypto = (globalThis as { crypto?: { subtle?: Subtle } }).crypto;
  const s = webCrypto?.subtle;
  if (!s) throw new SigningKeyError('WebCrypto is not available here (a secure context is needed)');
  return s;
}

/** A new Ed25519 key pair whose private key cannot be exported. */
export async function generateSigningKey(): Promise<WebCryptoKeyPair> {
  return (await subtle().generateKey(ED25519, false, ['sign', 'verify'])) as WebCryptoKeyPair;
}

/** The 32 raw bytes of an Ed25519 public key. */
export async function exportPublicKeyRaw(publicKey: WebCryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('raw', publicKey));
}

/** Base64 (RFC 4648 section 4, padded) of the raw public key, as in `signature.public_key`. */
export async function exportPublicKeyBase64(publicKey: WebCryptoKey): Promise<string> {
  return bytesToBase64(await exportPublicKeyRaw(publicKey));
}

/** Key id: the first 16 hex characters of SHA-256 of the raw public key. */
export function keyIdOf(publicKeyRaw: Uint8Array): string {
  return bytesToHex(sha256(publicKeyRaw)).slice(0, 16);
}

/** Ed25519 signature (64 bytes) of bytes. */
export async function signBytes(privateKey: WebCryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(ED25519, privateKey, bytes as Uint8Array<ArrayBuffer>));
}

/** True when signature is a valid Ed25519 signature of bytes by the raw 32-byte public key. */
export async function verifySignature(
  publicKeyRaw: Uint8Array,
  signature: Uint8Array,
  bytes: Uint8Array,
): Promise<boolean> {
  const key = await subtle().importKey(
    'raw',
    publicKeyRaw as Uint8Array<ArrayBuffer>,
    ED25519,
    false,
    ['verify'],
  );
  return subtle().verify(
    ED25519,
    key,
    signature as Uint8Array<ArrayBuffer>,
    bytes as Uint8Array<ArrayBuffer>,
  );
}

/** A LogSigner over a key pair (the private key may be non-extractable). */
export async function signerFromKeyPair(pair: WebCryptoKeyPair): Promise<LogSigner> {
  const raw = await exportPublicKeyRaw(pair.publicKey);
  return {
    keyId: keyIdOf(raw),
    publicKeyBase64: bytesToBase64(raw),
    sign: (bytes) => signBytes(pair.privateKey, bytes),
  };
}

/** The key file written by `truceline keygen` (holds a private key: keep it 0600). */
export const KeyFile = z.strictObject({
  format: z.literal('truceline-key'),
  version: z.literal(1),
  alg: z.literal('Ed25519'),
  key_id: z.string().regex(/^[0-9a-f]{16}$/),
  public_key: z.string(),
  private_key_pkcs8: z.string(),
  created: z.string(),
});
export type KeyFile = z.infer<typeof KeyFile>;

/** Makes a new key and the JSON text of its key file. */
export async function createKeyFile(now = new Date()): Promise<{
  text: string;
  keyId: string;
  publicKeyBase64: string;
}> {
  // Extractable only here, where writing it to a file is the point.
  const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as WebCryptoKeyPair;
  const raw = await exportPublicKeyRaw(pair.publicKey);
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  const file: KeyFile = {
    format: 'truceline-key',
    version: 1,
    alg: 'Ed25519',
    key_id: keyIdOf(raw),
    public_key: bytesToBase64(raw),
    private_key_pkcs8: bytesToBase64(pkcs8),
    created: now.toISOString(),
  };
  return {
    text: `${JSON.stringify(file, null, 2)}\n`,
    keyId: file.key_id,
    publicKeyBase64: file.public_key,
  };
}

function base64UrlToBytes(text: string): Uint8Array | null {
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(std + '='.repeat((4 - (std.length % 4)) % 4));
}

/** A LogSigner from key file text; checks that the private and public keys belong together. */
export async function signerFromKeyFile(text: string, where = 'key file'): Promise<LogSigner> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SigningKeyError(`${where}: not JSON (${(error as Error).message})`);
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SigningKeyError(
      `${where}: not a truceline key file (${issue.path.join('.') || 'file'}: ${issue.message})`,
    );
  }
  const file = parsed.data;
  const pkcs8 = base64ToBytes(file.private_key_pkcs8);
  const publicRaw = base64ToBytes(file.public_key);
  if (!pkcs8) throw new SigningKeyError(`${where}: private_key_pkcs8 is not valid base64`);
  if (!publicRaw || publicRaw.length !== 32) {
    throw new SigningKeyError(`${where}: public_key is not the base64 of a 32-byte key`);
  }
  if (keyIdOf(publicRaw) !== file.key_id) {
    throw new SigningKeyError(`${where}: key_id does not match public_key`);
  }
  let jwk: { x?: string };
  try {
    const probe = await subtle().importKey(
      'pkcs8',
      pkcs8 as Uint8Array<ArrayBuffer>,
      ED25519,
      true,
      ['sign'],
    );
    jwk = (await subtle().exportKey('jwk', probe)) as { x?: string };
  } catch (error) {
    throw new SigningKeyError(
      `${where}: private_key_pkcs8 is not an Ed25519 key (${(error as Error).message})`,
    );
  }
  const derived = jwk.x ? base64UrlToBytes(jwk.x) : null;
  if (!derived || bytesToBase64(derived) !== file.public_key) {
    throw new SigningKeyError(`${where}: the private key does not belong to public_key`);
  }
  const privateKey = await subtle().importKey(
    'pkcs8',
    pkcs8 as Uint8Array<ArrayBuffer>,
    ED25519,
    false,
    ['sign'],
  );
  return {
    keyId: file.key_id,
    publicKeyBase64: file.public_key,
    sign: (bytes) => signBytes(privateKey, bytes),
  };
}
