// A strict reader for JSON texts that are evidence (exported audit logs):
// I-JSON (RFC 7493) rather than JSON.parse's leniency. JSON.parse keeps the
// last of two members with the same name, so a file holding a forged first
// `entries` and the genuine last one would be read as the genuine one by this
// app and as the forgery by another reader; it also takes lone surrogates
// (`"\uD800"`), which no UTF-8 file can carry honestly. No npm package checks
// all of duplicates at every depth, lone surrogates and UTF-8 with positions
// (the duplicate checkers build ASTs far too slowly for logs of hundreds of
// MB), so this is a recursive-descent checker with a depth limit instead of
// an unbounded stack, after which JSON.parse builds the value.

/** What kind of rule a text broke: its bytes, JSON's grammar, I-JSON's rules, or this reader's depth limit. */
export type StrictJsonProblem = 'encoding' | 'syntax' | 'i-json' | 'depth';

/** Raised for a text the strict reader refuses; says where (line, column, JSON pointer) and why. */
export class StrictJsonError extends Error {
  override name = 'StrictJsonError';
  constructor(
    readonly problem: StrictJsonProblem,
    /** Why, in a few words. */
    readonly reason: string,
    /** 0-based: a byte offset for an encoding problem, else an offset into the decoded text (UTF-16 units). */
    readonly offset: number,
    /** 1-based line; the column counts bytes for an encoding problem, else characters (UTF-16 units). */
    readonly line: number,
    readonly column: number,
    /** RFC 6901 pointer of the value being read ('' for the whole text), or null before parsing began. */
    readonly pointer: string | null,
  ) {
    super(
      `${problem === 'encoding' ? `byte ${offset} (line ${line}, column ${column})` : `line ${line}, column ${column}`}` +
        `${pointer ? ` at ${shortPointer(pointer)}` : ''}: ${reason}`,
    );
  }
}

export interface StrictJsonOptions {
  /** Deepest nesting of arrays and objects accepted (default 512, the limit of the JCS writer). */
  maxDepth?: number;
}

/** The default nesting limit: deep enough for any log, shallow enough for every reader's stack. */
export const STRICT_JSON_MAX_DEPTH = 512;

const MAX_POINTER_SHOWN = 120;

function shortPointer(pointer: string): string {
  if (pointer.length <= MAX_POINTER_SHOWN) return pointer;
  const half = MAX_POINTER_SHOWN / 2;
  return `${pointer.slice(0, half)}…${pointer.slice(-half)}`;
}

function pointerOf(path: readonly (string | number)[], depth: number): string {
  let out = '';
  for (let d = 0; d < depth; d++) {
    out += `/${String(path[d]).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return out;
}

function lineColumnOfText(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

function describeCharAt(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const code = text.charCodeAt(i);
  if (code < 0x20 || code === 0x7f) return `the control character U+${hex4(code)}`;
  return JSON.stringify(text[i]);
}

function hexByte(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

function hasEscape(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 92) return true;
  return false;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * One check of a text: the cursor, and the path from the root to the value
 * being read. It builds no values: JSON.parse does that once the text has
 * passed, natively and with compact strings (values sliced from the text
 * would keep the whole text alive, which for a log of hundreds of MB tripled
 * the memory the parsed log held).
 */
class StrictScanner {
  i = 0;
  depth = 0;
  /** path[d] is the member name or index of the value at depth d+1; valid up to `depth`. */
  readonly path: (string | number)[] = [];
  /** The member names seen so far in the open object at each depth (reused, cleared on entry). */
  readonly seen: Set<string>[] = [];
  readonly names: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  fail(problem: StrictJsonProblem, reason: string, at = this.i, depth = this.depth): never {
    const { line, column } = lineColumnOfText(this.text, at);
    throw new StrictJsonError(problem, reason, at, line, column, pointerOf(this.path, depth));
  }

  skipWhitespace(): void {
    const text = this.text;
    let i = this.i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  scanDocument(): void {
    if (this.text.length === 0) this.fail('syntax', 'the text is empty');
    if (this.text.charCodeAt(0) === 0xfeff) {
      this.fail('syntax', 'the text starts with a byte order mark (U+FEFF), which JSON texts omit');
    }
    this.scanValue();
    this.skipWhitespace();
    if (this.i < this.text.length) {
      this.fail(
        'syntax',
        `unexpected ${describeCharAt(this.text, this.i)} after the end of the JSON value`,
        this.i,
        0,
      );
    }
  }

  scanValue(): void {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.i);
    switch (c) {
      case 34: // "
        this.i = this.scanString(this.i);
        return;
      case 123: // {
        return this.scanObject();
      case 91: // [
        return this.scanArray();
      case 116: // t
        return this.scanLiteral('true');
      case 102: // f
        return this.scanLiteral('false');
      case 110: // n
        return this.scanLiteral('null');
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.scanNumber();
        this.fail('syntax', `expected a JSON value, found ${describeCharAt(this.text, this.i)}`);
    }
  }

  scanLiteral(word: string): void {
    if (!this.text.startsWith(word, this.i)) {
      this.fail('syntax', `expected a JSON value, found ${describeCharAt(this.text, this.i)}`);
    }
    this.i += word.length;
  }

  enter(): void {
    if (this.depth >= this.maxDepth) {
      this.fail('depth', `nested more than ${this.maxDepth} levels deep`);
    }
    this.depth++;
  }

  scanObject(): void {
    this.enter();
    const text = this.text;
    const slot = this.depth - 1;
    const seen = (this.seen[slot] ??= new Set<string>());
    seen.clear();
    this.i++;
    this.skipWhitespace();
    if (text.charCodeAt(this.i) === 125) {
      this.i++;
      this.depth--;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (text.charCodeAt(this.i) !== 34) {
        this.fail(
          'syntax',
          `expected a member name in double quotes, found ${describeCharAt(text, this.i)}`,
        );
      }
      const nameAt = this.i;
      const name = this.readName();
      this.path[slot] = name;
      if (seen.has(name)) {
        this.fail(
          'i-json',
          `duplicate member name ${JSON.stringify(name)} (an object may hold each name once)`,
          nameAt,
        );
      }
      seen.add(name);
      this.skipWhitespace();
      if (text.charCodeAt(this.i) !== 58) {
        this.fail(
          'syntax',
          `expected ":" after a member name, found ${describeCharAt(text, this.i)}`,
        );
      }
      this.i++;
      this.scanValue();
      this.skipWhitespace();
      const c = text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        this.depth--;
        return;
      }
      this.fail(
        'syntax',
        `expected "," or "}" after a member, found ${describeCharAt(text, this.i)}`,
      );
    }
  }

  scanArray(): void {
    this.enter();
    const text = this.text;
    const slot = this.depth - 1;
    this.i++;
    this.skipWhitespace();
    if (text.charCodeAt(this.i) === 93) {
      this.i++;
      this.depth--;
      return;
    }
    for (let index = 0; ; index++) {
      this.path[slot] = index;
      this.scanValue();
      this.skipWhitespace();
      const c = text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 93) {
        this.i++;
        this.depth--;
        return;
      }
      this.fail(
        'syntax',
        `expected "," or "]" after an item, found ${describeCharAt(text, this.i)}`,
      );
    }
  }

  /**
   * A member name at `this.i`, decoded, for the duplicate check. Logs repeat
   * a few names millions of times: the last escape-free name seen at each
   * cache slot is reused when the text holds exactly it, which saves making a
   * string and hashing it per member. Only names without escapes are cached,
   * so a text equal to one is that very name, already checked.
   */
  readName(): string {
    const text = this.text;
    const start = this.i + 1;
    const quote = text.indexOf('"', start);
    const length = quote - start;
    if (length > 0 && length <= 32) {
      const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(quote - 1)) & 255;
      const cached = this.names[slot];
      if (cached !== undefined && cached.length === length && text.startsWith(cached, start)) {
        this.i = quote + 1;
        return cached;
      }
      const end = this.scanString(this.i);
      if (end === quote + 1 && !hasEscape(text, start, quote)) {
        const name = text.slice(start, quote);
        this.names[slot] = name;
        this.i = end;
        return name;
      }
    }
    const end = this.scanString(this.i);
    // A name with escapes (rare): JSON.parse decodes it exactly as the value will be built.
    const name = JSON.parse(text.slice(this.i, end)) as string;
    this.i = end;
    return name;
  }

  /** Checks the string whose opening quote is at `at`; returns the index after its closing quote. */
  scanString(at: number): number {
    const text = this.text;
    let i = at + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) return i + 1;
      if (c === 92) {
        const e = text.charCodeAt(i + 1);
        if (e === 117) {
          const code = this.hexEscape(i);
          if (code >= 0xd800 && code <= 0xdfff) {
            const low =
              code <= 0xdbff && text.charCodeAt(i + 6) === 92 && text.charCodeAt(i + 7) === 117
                ? this.hexEscape(i + 6)
                : -1;
            if (!(low >= 0xdc00 && low <= 0xdfff)) this.failLoneSurrogate(code, i);
            i += 12;
          } else {
            i += 6;
          }
        } else if (
          e === 34 ||
          e === 92 ||
          e === 47 ||
          e === 98 ||
          e === 102 ||
          e === 110 ||
          e === 114 ||
          e === 116
        ) {
          i += 2;
        } else {
          this.fail(
            'syntax',
            `unknown escape \\${e === e ? String.fromCharCode(e) : ''} in a string`,
            i,
          );
        }
        continue;
      }
      if (c < 0x20 || c !== c) this.failInString(c, i);
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) this.failLoneSurrogate(c, i);
        i += 2;
      } else {
        i++;
      }
    }
  }

  hexEscape(at: number): number {
    const text = this.text;
    for (let k = at + 2; k < at + 6; k++) {
      if (!isHexDigit(text.charCodeAt(k))) {
        this.fail('syntax', 'a \\u escape needs four hex digits', at);
      }
    }
    return parseInt(text.slice(at + 2, at + 6), 16);
  }

  failInString(c: number, at: number): never {
    // NaN: charCodeAt ran past the end.
    if (c !== c) this.fail('syntax', 'a string is not closed before the end of the text', at);
    this.fail(
      'syntax',
      `a string holds the raw control character U+${hex4(c)}; JSON writes it escaped`,
      at,
    );
  }

  failLoneSurrogate(code: number, at: number): never {
    this.fail(
      'i-json',
      `a string holds the lone surrogate U+${hex4(code)}, which is not a Unicode character`,
      at,
    );
  }

  scanNumber(): void {
    const text = this.text;
    const start = this.i;
    let i = start;
    if (text.charCodeAt(i) === 45) i++;
    let c = text.charCodeAt(i);
    const digitsFrom = i;
    if (c === 48) {
      i++;
      c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) this.fail('syntax', 'a number has a leading zero', start);
    } else if (c >= 49 && c <= 57) {
      do c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    } else {
      this.fail('syntax', `expected a digit, found ${describeCharAt(text, i)}`, i);
    }
    // Only a long whole part or an exponent can take a number beyond a double.
    let mayOverflow = i - digitsFrom > 300;
    if (c === 46) {
      i++;
      c = text.charCodeAt(i);
      if (!(c >= 48 && c <= 57)) {
        this.fail('syntax', `expected a digit after ".", found ${describeCharAt(text, i)}`, i);
      }
      do c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      mayOverflow = true;
      i++;
      c = text.charCodeAt(i);
      if (c === 43 || c === 45) c = text.charCodeAt(++i);
      if (!(c >= 48 && c <= 57)) {
        this.fail(
          'syntax',
          `expected a digit in the exponent, found ${describeCharAt(text, i)}`,
          i,
        );
      }
      do c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    }
    this.i = i;
    if (mayOverflow && !Number.isFinite(Number(text.slice(start, i)))) {
      this.fail(
        'i-json',
        `the number ${text.slice(start, Math.min(i, start + 40))} is beyond the range of a double`,
        start,
      );
    }
  }
}

/**
 * Parses an I-JSON text (RFC 7493): JSON with no duplicate member names at any
 * depth, no lone surrogates (raw or escaped), finite numbers only; `__proto__`
 * is an ordinary member. Equals JSON.parse on every text it accepts. Throws
 * StrictJsonError.
 */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): unknown {
  new StrictScanner(text, options.maxDepth ?? STRICT_JSON_MAX_DEPTH).scanDocument();
  // The text is I-JSON now, on which JSON.parse is exact: no duplicate for it
  // to resolve, and `__proto__` made an own member (never a prototype).
  return JSON.parse(text);
}

/** Where the first byte that is not UTF-8 sits, and why (run only once the fatal decoder has refused). */
export function findInvalidUtf8(bytes: Uint8Array): { offset: number; reason: string } | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      const what = b <= 0xbf ? 'continues a character that never began' : 'never occurs in UTF-8';
      return { offset: i, reason: `byte 0x${hexByte(b)} ${what}` };
    }
    for (let k = 1; k <= need; k++) {
      const next = i + k < n ? bytes[i + k]! : -1;
      const lo = k === 1 ? lower : 0x80;
      const hi = k === 1 ? upper : 0xbf;
      if (next < lo || next > hi) {
        let reason: string;
        if (next === -1) reason = 'the text ends in the middle of a character';
        else if (next < 0x80 || next > 0xbf)
          reason = `a character is cut short by byte 0x${hexByte(next)}`;
        else if (b === 0xed)
          reason = 'a surrogate (U+D800 to U+DFFF) is encoded, which UTF-8 never holds';
        else reason = 'a character is encoded with too many bytes, or is beyond U+10FFFF';
        return { offset: i, reason };
      }
    }
    i += need + 1;
  }
  return null;
}

function lineColumnOfBytes(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = bytes.indexOf(10); k !== -1 && k < offset; k = bytes.indexOf(10, k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Decodes UTF-8 bytes without replacing anything; throws StrictJsonError naming the first bad byte. */
export function decodeStrictUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte order mark in the text, where the parser names it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    const bad = findInvalidUtf8(bytes);
    if (!bad) throw error;
    const { line, column } = lineColumnOfBytes(bytes, bad.offset);
    throw new StrictJsonError('encoding', bad.reason, bad.offset, line, column, null);
  }
}

const PROBLEM_LABELS: Record<StrictJsonProblem, string> = {
  encoding: 'not UTF-8 text',
  syntax: 'not JSON',
  'i-json': 'not I-JSON (RFC 7493)',
  depth: 'too deeply nested',
};

/** One line for people: what kind of text it is not, then where and why ("not JSON: line 3, column 7: …"). */
export function describeStrictJsonError(error: StrictJsonError): string {
  return `${PROBLEM_LABELS[error.problem]}: ${error.message}`;
}

/** parseStrictJson of UTF-8 bytes, which must be valid UTF-8 (RFC 7493). */
export function parseStrictJsonBytes(bytes: Uint8Array, options: StrictJsonOptions = {}): unknown {
  return parseStrictJson(decodeStrictUtf8(bytes), options);
}
