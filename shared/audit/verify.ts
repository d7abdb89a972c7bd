// Verification of an export bundle: the six ordered checks of docs/AUDIT-LOG.md
// "Verification", stopping at the first failure, with the exact result lines.
import {
  StrictJsonError,
  describeStrictJsonError,
  parseStrictJson,
  parseStrictJsonBytes,
} from '../json/strict-json';
import { base64ToBytes } from './base64';
import { BUNDLE_FORMAT, BUNDLE_VERSION, signedPayloadBytes } from './bundle';
import { findChainFailure } from './chain';
import { keyIdOf, verifySignature } from './signing';

export type VerificationStatus = 'OK' | 'UNSIGNED' | 'TAMPERED' | 'INVALID';

/** The outcome of verifyLogBundle; `line` is the exact result line of docs/AUDIT-LOG.md. */
export interface VerificationResult {
  status: VerificationStatus;
  line: string;
  /** 1-based position in `entries` of the first entry that failed (TAMPERED seq). */
  seq?: number;
  /** Which part failed. */
  where?: 'format' | 'seq' | 'head' | 'signature';
  /** Why, in a few words ('' for OK). */
  reason: string;
  keyId?: string;
  count?: number;
  finalHash?: string;
  /** Top-level members the format does not define: outside the chain and the signature, so ignored. */
  ignoredMembers?: string[];
}

export interface VerifyOptions {
  /** The auditor's trusted public key: base64 of the raw 32 bytes, as in `signature.public_key`. */
  expectedPublicKey?: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(reason: string): VerificationResult {
  return { status: 'INVALID', where: 'format', reason, line: `INVALID: ${reason}` };
}

function tamperedHead(reason: string, count: number): VerificationResult {
  return { status: 'TAMPERED', where: 'head', reason, count, line: `TAMPERED head: ${reason}` };
}

function tamperedSignature(reason: string, count: number, finalHash: string): VerificationResult {
  return {
    status: 'TAMPERED',
    where: 'signature',
    reason,
    count,
    finalHash,
    line: `TAMPERED signature: ${reason}`,
  };
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  // undefined for a function or symbol, whatever the type says.
  const text = (JSON.stringify(value) as string | undefined) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** An exported log read and verified: the verdict, and the parsed value (undefined when the text is not strict JSON). */
export interface VerifiedLogText {
  result: VerificationResult;
  value: unknown;
}

/**
 * Reads an exported log's bytes (or text) with the strict I-JSON reader and
 * verifies it: duplicate member names, bytes that are not UTF-8, lone
 * surrogates and the like make it INVALID, naming where and why. Returns
 * the parsed value too, so a caller that goes on to use the log reads
 * exactly what was verified.
 */
export async function verifyLogText(
  input: string | Uint8Array,
  options: VerifyOptions = {},
): Promise<VerifiedLogText> {
  let value: unknown;
  try {
    value = typeof input === 'string' ? parseStrictJson(input) : parseStrictJsonBytes(input);
  } catch (error) {
    if (error instanceof StrictJsonError) {
      return { result: invalid(describeStrictJsonError(error)), value: undefined };
    }
    throw error;
  }
  return { result: await verifyLogBundle(value, options), value };
}

/** The top-level members of a bundle that docs/AUDIT-LOG.md does not define. */
export function unknownBundleMembers(bundle: Record<string, unknown>): string[] {
  return Object.keys(bundle).filter((name) => !BUNDLE_MEMBERS.has(name));
}

const BUNDLE_MEMBERS = new Set(['format', 'version', 'exercise', 'entries', 'head', 'signature']);

/**
 * Verifies an export bundle and says OK, UNSIGNED, TAMPERED or INVALID. Given
 * bytes or text, it reads them strictly (see verifyLogText); given a value,
 * it checks that value.
 */
export async function verifyLogBundle(
  input: string | Uint8Array | unknown,
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    return (await verifyLogText(input, options)).result;
  }
  const bundle = input;
  // 1. format and version are known.
  if (!isPlainObject(bundle)) return invalid('not a Truceline log: the file is not a JSON object');
  if (bundle.format !== BUNDLE_FORMAT) {
    return invalid(
      `not a Truceline log: format is ${show(bundle.format)}, expected "${BUNDLE_FORMAT}"`,
    );
  }
  if (bundle.version !== BUNDLE_VERSION) {
    return invalid(
      `log version ${show(bundle.version)} is not known (this verifier reads version 1)`,
    );
  }
  if (!isPlainObject(bundle.exercise)) return invalid('the log has no "exercise" object');
  const entries = bundle.entries;
  if (!Array.isArray(entries)) return invalid('the log has no "entries" list');
  if (entries.length === 0) return invalid('the log has no entries');
  for (let i = 0; i < entries.length; i++) {
    if (!isPlainObject(entries[i])) return invalid(`entries[${i}] is not an object`);
  }
  const n = entries.length;

  // 2-4. seq, prev_hash links, hashes.
  const failure = findChainFailure(entries as Record<string, unknown>[]);
  if (failure) {
    return {
      status: 'TAMPERED',
      where: 'seq',
      seq: failure.position,
      reason: failure.reason,
      count: n,
      line: `TAMPERED seq ${failure.position}: ${failure.reason}`,
    };
  }
  const finalHash = (entries[n - 1] as Record<string, unknown>).hash as string;

  // 5. head.
  const head = bundle.head;
  if (!isPlainObject(head)) return tamperedHead('the head is missing', n);
  if (head.count !== n)
    return tamperedHead(`count is ${show(head.count)} but the log holds ${n} entries`, n);
  if (head.last_seq !== n)
    return tamperedHead(`last_seq is ${show(head.last_seq)} but the last entry is seq ${n}`, n);
  if (head.final_hash !== finalHash) {
    return tamperedHead(`final_hash is not the hash of the last entry (seq ${n})`, n);
  }

  // 6. signature.
  // Additive members from elsewhere do not make a log invalid (docs/AUDIT-LOG.md: a
  // verifier that knows only that page verifies every log); they are named.
  const ignored = unknownBundleMembers(bundle);
  const ignoredMembers = ignored.length > 0 ? { ignoredMembers: ignored } : {};
  const signature = bundle.signature;
  if (signature === undefined || signature === null) {
    return {
      status: 'UNSIGNED',
      reason:
        'the chain is intact but the log is not signed, so nothing ties it to an installation',
      count: n,
      finalHash,
      line: `UNSIGNED ${n} entries, head ${finalHash}`,
      ...ignoredMembers,
    };
  }
  if (!isPlainObject(signature))
    return tamperedSignature('the signature is not an object', n, finalHash);
  if (signature.alg !== 'Ed25519') {
    return tamperedSignature(`alg is ${show(signature.alg)}, expected "Ed25519"`, n, finalHash);
  }
  const publicKey =
    typeof signature.public_key === 'string' ? base64ToBytes(signature.public_key) : null;
  if (!publicKey) return tamperedSignature('public_key is not valid base64', n, finalHash);
  if (publicKey.length !== 32) {
    return tamperedSignature(
      `public_key is ${publicKey.length} bytes, an Ed25519 key is 32`,
      n,
      finalHash,
    );
  }
  const keyId = keyIdOf(publicKey);
  if (signature.key_id !== keyId) {
    return tamperedSignature(
      `key_id ${show(signature.key_id)} does not match public_key (${keyId})`,
      n,
      finalHash,
    );
  }
  const value = typeof signature.value === 'string' ? base64ToBytes(signature.value) : null;
  if (!value) return tamperedSignature('value is not valid base64', n, finalHash);
  if (value.length !== 64) {
    return tamperedSignature(
      `value is ${value.length} bytes, an Ed25519 signature is 64`,
      n,
      finalHash,
    );
  }
  let good: boolean;
  try {
    good = await verifySignature(publicKey, value, signedPayloadBytes(bundle.exercise, head));
  } catch (error) {
    return tamperedSignature(`it cannot be checked (${(error as Error).message})`, n, finalHash);
  }
  if (!good) {
    return tamperedSignature(
      `it does not verify with key ${keyId}: the exercise details or head were altered after signing`,
      n,
      finalHash,
    );
  }
  if (options.expectedPublicKey !== undefined) {
    const expected = base64ToBytes(options.expectedPublicKey.trim());
    if (!expected || expected.length !== 32) {
      return tamperedSignature(
        'the expected public key given is not base64 of a 32-byte key',
        n,
        finalHash,
      );
    }
    const expectedId = keyIdOf(expected);
    if (expectedId !== keyId) {
      return tamperedSignature(
        `signed by key ${keyId}, not by the expected key ${expectedId}`,
        n,
        finalHash,
      );
    }
  }
  return {
    status: 'OK',
    reason: '',
    keyId,
    count: n,
    finalHash,
    line: `OK ${n} entries, head ${finalHash}, key ${keyId}`,
    ...ignoredMembers,
  };
}
