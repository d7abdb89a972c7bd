// Lone surrogates: JavaScript strings may hold half of a UTF-16 pair, which
// is not a Unicode character, has no UTF-8 form and makes a log that the
// strict reader (strict-json.ts) refuses. Text an operator types can carry
// one (a paste cut inside an emoji, a broken input method), so it is refused
// where it enters, before anything is written.

/** Index of the first lone surrogate in a string, or -1 when it is well-formed Unicode. */
export function loneSurrogateIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** Where in a JSON-like value a string (or member name) holds a lone surrogate: a dotted path ("data.text") and the index in that string. */
export interface LoneSurrogate {
  path: string;
  index: number;
}

/** The first lone surrogate in a value's strings and member names, depth first, or null. */
export function findLoneSurrogate(value: unknown, path = ''): LoneSurrogate | null {
  if (typeof value === 'string') {
    const index = loneSurrogateIndex(value);
    return index === -1 ? null : { path, index };
  }
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    const inName = loneSurrogateIndex(key);
    if (inName !== -1) return { path: `${at} (its name)`, index: inName };
    const found = findLoneSurrogate((value as Record<string, unknown>)[key], at);
    if (found) return found;
  }
  return null;
}

/** The message shown to whoever typed such a text: which field, where in it, and what to do. */
export function describeLoneSurrogate(field: string, index: number): string {
  return `${field} holds an invalid character at position ${index + 1} (half of a UTF-16 surrogate pair, such as part of an emoji cut off when pasting): retype or remove it`;
}
