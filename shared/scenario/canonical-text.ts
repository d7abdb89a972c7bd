// Recognises JSON text that is already in its RFC 8785 (JCS) form, so that a
// feed line written canonically (as `generate` and most tools that sort keys
// write them) can be hashed as read instead of being parsed back into text.
// Conservative: any doubt answers false and the caller serialises the value.

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
/** Significant digits every decimal of which is the shortest form of its double. */
const SAFE_DIGITS = 15;

/**
 * Whether `text`, already accepted by JSON.parse, equals the JCS serialisation
 * of the value it parses to: no whitespace, no escapes, object keys in strictly
 * increasing UTF-16 order (so no duplicates), numbers as ECMAScript prints them.
 */
export function isCanonicalJsonText(text: string): boolean {
  // Without backslashes every string is its own canonical form (JCS escapes
  // only quotes, backslashes and control characters, none of which can then occur).
  if (text.indexOf('\\') !== -1) return false;
  const end = value(text, 0);
  return end === text.length;
}

/** Index after the canonical value starting at `i`, or -1. */
function value(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === QUOTE) return stringEnd(s, i);
  if (c === OPEN_BRACE) return objectEnd(s, i);
  if (c === OPEN_BRACKET) return arrayEnd(s, i);
  if (c === MINUS || (c >= ZERO && c <= NINE)) return numberEnd(s, i);
  if (s.startsWith('true', i)) return i + 4;
  if (s.startsWith('false', i)) return i + 5;
  if (s.startsWith('null', i)) return i + 4;
  return -1;
}

/** Index after the string at `i`; its characters need no check, as JSON.parse refuses raw control characters. */
function stringEnd(s: string, i: number): number {
  const close = s.indexOf('"', i + 1);
  return close === -1 ? -1 : close + 1;
}

/** Whether key text a (quotes excluded) sorts strictly before key text b. */
function keyBefore(s: string, a0: number, a1: number, b0: number, b1: number): boolean {
  const n = Math.min(a1 - a0, b1 - b0);
  for (let k = 0; k < n; k++) {
    const d = s.charCodeAt(a0 + k) - s.charCodeAt(b0 + k);
    if (d !== 0) return d < 0;
  }
  return a1 - a0 < b1 - b0;
}

function objectEnd(s: string, i: number): number {
  let at = i + 1;
  if (s.charCodeAt(at) === CLOSE_BRACE) return at + 1;
  let prevStart = -1;
  let prevEnd = -1;
  for (;;) {
    if (s.charCodeAt(at) !== QUOTE) return -1;
    const keyEnd = stringEnd(s, at);
    if (keyEnd === -1) return -1;
    if (prevStart !== -1 && !keyBefore(s, prevStart, prevEnd, at + 1, keyEnd - 1)) return -1;
    prevStart = at + 1;
    prevEnd = keyEnd - 1;
    if (s.charCodeAt(keyEnd) !== COLON) return -1;
    at = value(s, keyEnd + 1);
    if (at === -1) return -1;
    const c = s.charCodeAt(at);
    if (c === CLOSE_BRACE) return at + 1;
    if (c !== COMMA) return -1;
    at++;
  }
}

function arrayEnd(s: string, i: number): number {
  let at = i + 1;
  if (s.charCodeAt(at) === CLOSE_BRACKET) return at + 1;
  for (;;) {
    at = value(s, at);
    if (at === -1) return -1;
    const c = s.charCodeAt(at);
    if (c === CLOSE_BRACKET) return at + 1;
    if (c !== COMMA) return -1;
    at++;
  }
}

/**
 * A number in the form ECMAScript's Number::toString gives it: accepted only
 * as `-?(0|[1-9][0-9]*)(.[0-9]*[1-9])?` with at most 15 significant digits and
 * a value in [1e-6, 1e21) or zero. Such a decimal is the unique one of at most
 * 15 digits naming its double, hence its shortest round-trip form, which
 * ECMAScript prints in fixed notation in that range.
 */
function numberEnd(s: string, i: number): number {
  let at = i;
  if (s.charCodeAt(at) === MINUS) at++;
  const intStart = at;
  let c = s.charCodeAt(at);
  if (c === ZERO) {
    at++;
  } else if (c > ZERO && c <= NINE) {
    while (at < s.length && (c = s.charCodeAt(at)) >= ZERO && c <= NINE) at++;
  } else {
    return -1;
  }
  const intDigits = at - intStart;
  const zeroInt = intDigits === 1 && s.charCodeAt(intStart) === ZERO;
  let significant = zeroInt ? 0 : intDigits;
  if (s.charCodeAt(at) === DOT) {
    at++;
    const fracStart = at;
    while (at < s.length && (c = s.charCodeAt(at)) >= ZERO && c <= NINE) at++;
    if (at === fracStart || s.charCodeAt(at - 1) === ZERO) return -1;
    if (zeroInt) {
      let leadingZeros = 0;
      while (s.charCodeAt(fracStart + leadingZeros) === ZERO) leadingZeros++;
      // 0.000001 is printed as is; 0.0000001 as 1e-7.
      if (leadingZeros > 5) return -1;
      significant = at - fracStart - leadingZeros;
    } else {
      significant += at - fracStart;
    }
  } else if (zeroInt && intStart !== i) {
    return -1; // "-0" prints as "0"
  }
  c = s.charCodeAt(at);
  if (c === 101 || c === 69) return -1; // an exponent: never the printed form in this range
  return significant <= SAFE_DIGITS ? at : -1;
}
