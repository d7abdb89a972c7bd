// RFC 8785 (JCS) canonical JSON. Written here rather than taken from the
// `canonicalize` package because verification canonicalises every entry of a
// million-entry log: this version avoids the package's per-value Set
// bookkeeping and per-string surrogate loop (property-tested against it).

/** Raised when a value has no canonical JSON form (NaN, Infinity, lone surrogate, non-JSON type). */
export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

// Any surrogate code unit at all; only strings that contain one pay for the exact check.
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringJson(value: string): string {
  if (SURROGATE.test(value) && LONE_SURROGATE.test(value)) {
    throw new CanonicalJsonError('a string holds a lone surrogate (not valid Unicode)');
  }
  return JSON.stringify(value);
}

function numberJson(value: number): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError(`the number ${String(value)} is not allowed in JSON`);
  }
  // JSON.stringify writes finite numbers exactly as Number.prototype.toString
  // (and -0 as 0), which is what RFC 8785 section 3.2.2.3 asks for.
  return JSON.stringify(value);
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return stringJson(value);
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
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError(
          `a ${(value as object).constructor?.name ?? 'non-plain'} object is not JSON`,
        );
      }
      // Default sort compares UTF-16 code units, exactly the order JCS requires.
      const keys = Object.keys(value).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = (value as Record<string, unknown>)[key];
        if (member === undefined) continue; // as JSON.stringify: an undefined member is absent
        if (!first) out += ',';
        first = false;
        out += stringJson(key);
        out += ':';
        out += write(member, depth + 1);
      }
      return `${out}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} is not JSON`);
  }
}

/** RFC 8785 canonical JSON text of a JSON value; throws CanonicalJsonError for anything not I-JSON. */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}
