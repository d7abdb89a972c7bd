import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lowercase hex SHA-256 of the RFC 8785 (JCS) canonical JSON of a document. */
export function jcsSha256(document: unknown): string {
  const canonical = canonicalize(document);
  if (canonical === undefined) throw new Error('cannot hash a document that has no JSON form');
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
