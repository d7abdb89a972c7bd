// RFC 8785 (JCS) canonical JSON. Written here rather than taken from the
// `canonicalize` package because verification canonicalises every entry of a
// million-entry log: this version avoids the package's per-value Set
// bookkeeping and per-string surrogate loop (property-tested against it).

/** Raised when a value has no canonical JSON form (NaN, Infinity, lone surrogate, non-JSON type). */
export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// JSON.stringify writes a lone surrogate as the escape \udXXX and leaves
// paired ones raw, so a canonical text without the characters "\ud" cannot
// hold one; only texts that contain them pay for the exact walk below.
function assertNoLoneSurrogate(value: unknown): void {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) {
      throw new CanonicalJsonError('a string holds a lone surrogate (not valid Unicode)');
    }
  } else if (Array.isArray(value)) {
    for (const item of value) assertNoLoneSurrogate(item);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      assertNoLoneSurrogate(key);
      assertNoLoneSurrogate(member);
    }
  }
}

function checked(out: string, value: unknown): string {
  if (out.includes('\\ud')) assertNoLoneSurrogate(value);
  return out;
}

function numberJson(value: number): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError(`the number ${String(value)} is not allowed in JSON`);
  }
  // JSON.stringify writes finite numbers exactly as Number.prototype.toString
  // (and -0 as 0), which is what RFC 8785 section 3.2.2.3 asks for.
  return JSON.stringify(value);
}

// Entries of one log share their member names in the same order, so the
// sorted order of the last top-level object is kept and reused when the next
// one has the very same names (compared one by one, no sort).
let lastKeys: string[] = [];
let lastSorted: string[] = [];

function sortedKeysOf(value: object, depth: number): string[] {
  const keys = Object.keys(value);
  if (depth !== 0) return keys.sort();
  if (keys.length === lastKeys.length) {
    let same = true;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== lastKeys[i]) {
        same = false;
        break;
      }
    }
    if (same) return lastSorted;
  }
  lastKeys = keys;
  lastSorted = keys.slice().sort();
  return lastSorted;
}

function writeObject(value: object, depth: number, omit: string | undefined): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Any prototype can get here (Object.create), so `constructor` may be missing.
    const made = (value as { constructor?: { name?: string } }).constructor;
    throw new CanonicalJsonError(`a ${made?.name ?? 'non-plain'} object is not JSON`);
  }
  // Default sort compares UTF-16 code units, exactly the order JCS requires.
  const keys = sortedKeysOf(value, depth);
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (key === omit) continue;
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue; // as JSON.stringify: an undefined member is absent
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key);
    out += ':';
    out += write(member, depth + 1);
  }
  return `${out}}`;
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return numberJson(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth > 512) throw new CanonicalJsonError('nesting deeper than 512 levels');
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += write(value[i], depth + 1);
        }
        return `${out}]`;
      }
      return writeObject(value, depth, undefined);
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} is not JSON`);
  }
}

/** RFC 8785 canonical JSON text of a JSON value; throws CanonicalJsonError for anything not I-JSON. */
export function canonicalJson(value: unknown): string {
  return checked(write(value, 0), value);
}

/** canonicalJson of a plain object without one of its top-level members (an entry without `hash`). */
export function canonicalJsonWithout(value: Record<string, unknown>, omit: string): string {
  return checked(writeObject(value, 0, omit), value);
}
