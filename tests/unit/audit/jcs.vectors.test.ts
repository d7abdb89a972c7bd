import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../../shared/audit/jcs';

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('RFC 8785 vectors', () => {
  // RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical text.
  const numbers: [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  test.each(numbers)('number with bits %s is written %s', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  test.each([
    ['7fffffffffffffff', 'NaN'],
    ['7ff0000000000000', 'Infinity'],
  ])('number with bits %s (%s) is refused', (bits) => {
    expect(() => canonicalJson(fromBits(bits))).toThrow(CanonicalJsonError);
  });

  test('the numbers the contract names', () => {
    expect(canonicalJson([1, 2.5, 0.00005, 1e-7, 1e21])).toBe('[1,2.5,0.00005,1e-7,1e+21]');
  });

  test('section 3.2.2.2 string escaping', () => {
    const input = JSON.parse(
      '{"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/"}',
    );
    expect(canonicalJson(input)).toBe('{"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  test('section 3.2.3 member sorting by UTF-16 code units', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(keys).toHaveLength(7);
  });

  test('section 3.2.4 complete example', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  test('lone surrogates and non-JSON values are refused with a reason', () => {
    expect(() => canonicalJson({ a: '\ud800x' })).toThrow(/lone surrogate/);
    expect(() => canonicalJson({ a: 'x\udc00' })).toThrow(/lone surrogate/);
    expect(canonicalJson('\ud83d\ude00')).toBe('"😀"');
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/Date object is not JSON/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint is not JSON/);
  });
});

describe('agreement with the canonicalize package', () => {
  test('same text for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  test('same text for entry-shaped objects with unicode keys and values', () => {
    const entryLike = fc.record({
      seq: fc.integer({ min: 1 }),
      actor: fc.string({ unit: 'grapheme' }),
      data: fc.dictionary(
        fc.string({ unit: 'binary' }),
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.string({ unit: 'grapheme' }),
          fc.constant(null),
        ),
      ),
    });
    fc.assert(
      fc.property(entryLike, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 1000 },
    );
  });

  test('same verdict on strings full of surrogates, in keys and nested values', () => {
    const surrogateHeavy = fc.string({
      unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)),
      maxLength: 6,
    });
    const text = fc.oneof(surrogateHeavy, fc.constantFrom('\\ud800', 'a\\udc00b', 'plain'));
    const value = fc.dictionary(
      text,
      fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.dictionary(text, text)),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(value, (v) => {
        let expected: string | Error;
        try {
          expected = canonicalize(v)!;
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => canonicalJson(v)).toThrow(CanonicalJsonError);
        else expect(canonicalJson(v)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
