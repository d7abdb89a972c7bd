// Canonical JSON at its edges: what is skipped, what is refused and with
// which words, how deep a value may nest, and that the sorted-keys cache of
// the top level never leaks one object's names into the next.
import { describe, expect, test } from 'vitest';
import { CanonicalJsonError, canonicalJson, canonicalJsonWithout } from '../../../shared/audit/jcs';

function nestedArrays(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

function nestedObjects(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function refusal(run: () => unknown): CanonicalJsonError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CanonicalJsonError);
    return error as CanonicalJsonError;
  }
  throw new Error('expected a CanonicalJsonError');
}

describe('canonical JSON edge cases', () => {
  test('a refusal is a CanonicalJsonError by name', () => {
    expect(refusal(() => canonicalJson(Number.NaN)).name).toBe('CanonicalJsonError');
  });

  test('an undefined member is left out, as JSON.stringify does', () => {
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
  });

  test('a text holding a literal backslash-u-d is walked without tripping on null, undefined or scalars', () => {
    // The escaped text holds "\ud" although no surrogate is present, so the
    // lone-surrogate walk runs over every kind of member.
    const value = {
      path: 'C:\\udata',
      none: null,
      gone: undefined,
      n: 1,
      t: true,
      list: [null, 2],
    };
    expect(canonicalJson(value)).toBe(
      '{"list":[null,2],"n":1,"none":null,"path":"C:\\\\udata","t":true}',
    );
  });

  test('a lone surrogate in an array or a member name is refused', () => {
    expect(refusal(() => canonicalJson([null, '\uD800'])).message).toBe(
      'a string holds a lone surrogate (not valid Unicode)',
    );
    expect(refusal(() => canonicalJson({ ['\uDC00']: 1 })).message).toBe(
      'a string holds a lone surrogate (not valid Unicode)',
    );
  });

  test('what is not written is not checked: an undefined member under a lone-surrogate name, an omitted member', () => {
    expect(canonicalJson({ ['\uD800']: undefined, a: 1 })).toBe('{"a":1}');
    expect(canonicalJsonWithout({ hash: '\uD800', a: 1 }, 'hash')).toBe('{"a":1}');
  });

  test('an object whose prototype has no constructor is refused as non-plain', () => {
    const odd = Object.create(Object.create(null) as object) as object;
    expect(refusal(() => canonicalJson(odd)).message).toBe('a non-plain object is not JSON');
    expect(refusal(() => canonicalJson(new Date(0))).message).toBe('a Date object is not JSON');
  });

  test('513 nested arrays are written and 514 are refused', () => {
    expect(canonicalJson(nestedArrays(512))).toBe(`${'['.repeat(512)}0${']'.repeat(512)}`);
    expect(refusal(() => canonicalJson(nestedArrays(514))).message).toBe(
      'nesting deeper than 512 levels',
    );
    expect(() => canonicalJson(nestedArrays(513))).not.toThrow();
  });

  test('objects nested deeper than 512 levels are refused', () => {
    expect(refusal(() => canonicalJson(nestedObjects(600))).message).toBe(
      'nesting deeper than 512 levels',
    );
  });

  test('a top-level object with fewer names than the one before reads only its own', () => {
    expect(canonicalJson({ a: 1, constructor: 2 })).toBe('{"a":1,"constructor":2}');
    expect(canonicalJson({ a: 1 })).toBe('{"a":1}');
    expect(canonicalJson({ b: 2, a: 1 })).toBe('{"a":1,"b":2}');
    expect(canonicalJson({ b: 3, a: 4 })).toBe('{"a":4,"b":3}');
  });
});
