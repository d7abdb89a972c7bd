// Verification of an export bundle: the six ordered checks of docs/AUDIT-LOG.md
// "Verification", stopping at the first failure, with the exact result lines.
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
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Verifies an export bundle (its JSON text or the parsed value) and says OK, UNSIGNED, TAMPERED or INVALID. */
export async function verifyLogBundle(
  input: string | unknown,
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  let bundle: unknown = input;
  if (typeof input === 'string') {
    try {
      bundle = JSON.parse(input);
    } catch (error) {
      return invalid(`not JSON (${(error as Error).message})`);
    }
  }
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
  const signature = bundle.signature;
  if (signature === undefined || signature === null) {
    return {
      status: 'UNSIGNED',
      reason:
        'the chain is intact but the log is not signed, so nothing ties it to an installation',
      count: n,
      finalHash,
      line: `UNSIGNED ${n} entries, head ${finalHash}`,
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
  };
}
