// The room's join code (docs/ROOMS.md, "Joining"): 128 bits of secret from
// the platform's random source, written in RFC 4648 base32 so it can be read
// aloud and typed. Whoever holds it may ask to join; the host still approves
// every seat and fixes its role.

/** Bytes of secret in a join code: 128 bits, above the 100 the room promises. */
export const JOIN_SECRET_BYTES = 16;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Characters of base32 that carry JOIN_SECRET_BYTES (the last 2 bits are zero). */
const CODE_CHARS = Math.ceil((JOIN_SECRET_BYTES * 8) / 5);

/** Raised for text that is not a join code; the message says what is wrong with it. */
export class JoinCodeError extends Error {
  override name = 'JoinCodeError';
}

/** A fresh secret from the platform's cryptographic random source. */
export function newJoinSecret(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(JOIN_SECRET_BYTES));
}

/** The secret as a join code: base32 in groups of four, e.g. `ABCD-EFGH-…`. */
export function formatJoinCode(secret: Uint8Array): string {
  if (secret.length !== JOIN_SECRET_BYTES) {
    throw new JoinCodeError(`a join secret has ${JOIN_SECRET_BYTES} bytes, not ${secret.length}`);
  }
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of secret) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]!;
  return out.match(/.{1,4}/g)!.join('-');
}

/**
 * The secret of a typed join code. Case, spaces and dashes do not matter;
 * anything else outside the alphabet, or a wrong length, is refused by name.
 */
export function parseJoinCode(text: string): Uint8Array {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const bad = [...compact].findIndex((c) => !ALPHABET.includes(c));
  if (bad !== -1) {
    throw new JoinCodeError(
      `join code: "${compact[bad]}" (character ${bad + 1}) is not one of A–Z or 2–7`,
    );
  }
  if (compact.length !== CODE_CHARS) {
    throw new JoinCodeError(
      `join code: ${compact.length} letters and digits where ${CODE_CHARS} were expected`,
    );
  }
  const out = new Uint8Array(JOIN_SECRET_BYTES);
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const c of compact) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8 && at < out.length) {
      out[at++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) {
    throw new JoinCodeError('join code: its last character does not end a code (a typo?)');
  }
  return out;
}
