// The strict I-JSON reader refuses what JSON.parse lets through, and says
// where (line, column or byte, JSON pointer) and why.
import { describe, expect, it } from 'vitest';
import {
  StrictJsonError,
  decodeStrictUtf8,
  describeStrictJsonError,
  parseStrictJson,
  parseStrictJsonBytes,
} from '../../../shared/json/strict-json';

function refusal(run: () => unknown): StrictJsonError {
  try {
    run();
  } catch (error) {
    if (error instanceof StrictJsonError) return error;
    throw error;
  }
  throw new Error('expected a StrictJsonError, but the text was accepted');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('duplicate member names', () => {
  it('refuses a repeated name at the top level, naming it and where the second one is', () => {
    const text = '{\n  "entries": [1],\n  "entries": [2]\n}';
    expect(JSON.parse(text)).toEqual({ entries: [2] }); // what the lenient reader did
    const error = refusal(() => parseStrictJson(text));
    expect(error).toMatchObject({ problem: 'i-json', line: 3, column: 3, pointer: '/entries' });
    expect(error.message).toBe(
      'line 3, column 3 at /entries: duplicate member name "entries" (an object may hold each name once)',
    );
    expect(describeStrictJsonError(error)).toMatch(/^not I-JSON \(RFC 7493\): line 3, column 3/);
  });

  it('refuses one at any depth, inside arrays too', () => {
    const error = refusal(() =>
      parseStrictJson('{"entries":[{"seq":1},{"seq":2,"data":{"a":1,"b":2,"a":3}}]}'),
    );
    expect(error.pointer).toBe('/entries/1/data/a');
    expect(error.problem).toBe('i-json');
  });

  it('compares names after decoding escapes: "a" and "\\u0061" are the same name', () => {
    expect(refusal(() => parseStrictJson('{"a":1,"\\u0061":2}')).pointer).toBe('/a');
  });

  it('keeps names that differ only by case or by a pointer character apart', () => {
    expect(parseStrictJson('{"a":1,"A":2,"a/b":3,"a~b":4}')).toEqual({
      a: 1,
      A: 2,
      'a/b': 3,
      'a~b': 4,
    });
    // RFC 6901 escapes ~ and / in the pointer it names.
    expect(refusal(() => parseStrictJson('{"x/y":{"m~n":1,"m~n":2}}')).pointer).toBe('/x~1y/m~0n');
  });
});

describe('__proto__', () => {
  it('is an ordinary own member, as JSON.parse makes it; no prototype is touched', () => {
    const value = parseStrictJson('{"__proto__":{"polluted":true},"a":1}') as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')!.value).toEqual({ polluted: true });
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe(
      JSON.stringify(JSON.parse('{"__proto__":{"polluted":true},"a":1}')),
    );
  });

  it('is a duplicate like any other name when repeated', () => {
    expect(refusal(() => parseStrictJson('{"__proto__":1,"__proto__":2}')).pointer).toBe(
      '/__proto__',
    );
  });
});

describe('lone surrogates', () => {
  const cases: [string, string][] = [
    ['an escaped high surrogate alone', '["\\uD800"]'],
    ['an escaped low surrogate alone', '["x\\uDC00"]'],
    ['an escaped high surrogate followed by a character', '["\\uD83Dx"]'],
    ['an escaped high surrogate followed by another high one', '["\\uD83D\\uD83D"]'],
    ['a pair in the wrong order', '["\\uDE00\\uD83D"]'],
    ['a raw high surrogate alone', '["\uD800"]'],
    ['a raw low surrogate alone', '["\uDC00"]'],
    ['one in a member name', '{"\\uD800":1}'],
  ];
  for (const [what, text] of cases) {
    it(`refuses ${what}`, () => {
      const error = refusal(() => parseStrictJson(text));
      expect(error.problem).toBe('i-json');
      expect(error.reason).toMatch(/lone surrogate U\+D[89A-F][0-9A-F]{2}/);
    });
  }

  it('accepts pairs, escaped or raw, as JSON.parse reads them', () => {
    for (const text of ['"\\uD83D\\uDE00"', '"\uD83D\uDE00"', '"\\ud83d\\ude00 ok"']) {
      expect(parseStrictJson(text)).toBe(JSON.parse(text));
    }
  });

  it('names the line and column of the surrogate', () => {
    const error = refusal(() => parseStrictJson('{\n "note": "ok \\uDEAD"\n}'));
    expect(error).toMatchObject({ line: 2, column: 14, pointer: '/note' });
  });
});

describe('numbers', () => {
  it('refuses numbers beyond the range of a double instead of reading Infinity', () => {
    expect(JSON.parse('[1e400]')).toEqual([Infinity]);
    const error = refusal(() => parseStrictJson('{"n":[0, -1e400]}'));
    expect(error).toMatchObject({ problem: 'i-json', pointer: '/n/1' });
    expect(error.reason).toContain('-1e400');
  });

  it('reads -0, exponents and fractions exactly as JSON.parse', () => {
    for (const text of ['-0', '0', '1E5', '1e-7', '-12.5e+3', '123456789012345678901', '0.1']) {
      expect(Object.is(parseStrictJson(text), JSON.parse(text))).toBe(true);
    }
  });

  it('refuses what JSON refuses: leading zeros, a bare point, a lone minus', () => {
    for (const text of ['01', '1.', '.5', '-', '1e', '+1']) {
      expect(refusal(() => parseStrictJson(text)).problem).toBe('syntax');
    }
  });
});

describe('syntax', () => {
  const cases: [string, RegExp][] = [
    ['', /the text is empty/],
    ['{"a":1,}', /expected a member name/],
    ['[1,]', /expected a JSON value/],
    ['{"a" 1}', /expected ":"/],
    ['"abc', /not closed/],
    ['"a\tb"', /raw control character U\+0009/],
    ['"\\x"', /unknown escape \\x/],
    ['"\\u12G4"', /four hex digits/],
    ['{} {}', /after the end of the JSON value/],
    ['tru', /expected a JSON value/],
    ['\uFEFF{}', /byte order mark/],
  ];
  for (const [text, reason] of cases) {
    it(`refuses ${JSON.stringify(text)}, as JSON.parse does`, () => {
      expect(() => JSON.parse(text)).toThrow();
      const error = refusal(() => parseStrictJson(text));
      expect(error.problem).toBe('syntax');
      expect(error.reason).toMatch(reason);
    });
  }
});

describe('UTF-8', () => {
  it('refuses bytes that are not UTF-8 instead of replacing them with U+FFFD, naming the byte', () => {
    const bytes = utf8('{\n  "note": "cafe?"\n}');
    bytes[16] = 0xe9; // a Latin-1 é where UTF-8 was due
    expect(new TextDecoder().decode(bytes)).toContain('caf\uFFFD');
    const error = refusal(() => parseStrictJsonBytes(bytes));
    expect(error).toMatchObject({ problem: 'encoding', offset: 16, line: 2, column: 15 });
    expect(error.message).toBe(
      'byte 16 (line 2, column 15): a character is cut short by byte 0x3F',
    );
  });

  const bad: [string, number[], RegExp][] = [
    ['a byte that never occurs', [0x22, 0xff, 0x22], /byte 0xFF never occurs in UTF-8/],
    ['a stray continuation byte', [0x22, 0x80, 0x22], /byte 0x80 continues a character/],
    ['an over-long encoding', [0x22, 0xc0, 0xaf, 0x22], /byte 0xC0 never occurs/],
    ['an over-long three-byte form', [0x22, 0xe0, 0x80, 0xaf, 0x22], /too many bytes/],
    ['an encoded surrogate (CESU-8)', [0x22, 0xed, 0xa0, 0x80, 0x22], /a surrogate/],
    ['a code point beyond U+10FFFF', [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22], /beyond U\+10FFFF/],
    ['a text cut inside a character', [0x22, 0xe2, 0x82], /ends in the middle of a character/],
  ];
  for (const [what, bytes, reason] of bad) {
    it(`refuses ${what}`, () => {
      const error = refusal(() => decodeStrictUtf8(new Uint8Array(bytes)));
      expect(error.problem).toBe('encoding');
      expect(error.offset).toBe(1);
      expect(error.reason).toMatch(reason);
      expect(describeStrictJsonError(error)).toMatch(
        /^not UTF-8 text: byte 1 \(line 1, column 2\)/,
      );
    });
  }

  it('reads valid UTF-8 of every length, and refuses a byte order mark', () => {
    const text = '{"t":"a é € 😀"}';
    expect(parseStrictJsonBytes(utf8(text))).toEqual(JSON.parse(text));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{}')]);
    expect(refusal(() => parseStrictJsonBytes(withBom)).reason).toMatch(/byte order mark/);
  });
});

describe('nesting', () => {
  it('refuses nesting past the limit with a clear error, never a stack overflow', () => {
    for (const depth of [513, 100_000, 1_000_000]) {
      const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const error = refusal(() => parseStrictJson(text));
      expect(error).toMatchObject({ problem: 'depth', line: 1, column: 513 });
      expect(error.reason).toBe('nested more than 512 levels deep');
      expect(describeStrictJsonError(error)).toMatch(/^too deeply nested: line 1, column 513 at /);
      // The pointer shown is shortened, not 512 segments long.
      expect(error.message.length).toBeLessThan(250);
    }
  });

  it('reads nesting up to the limit, and a lower limit when asked', () => {
    const deep = `${'{"a":'.repeat(511)}[]${'}'.repeat(511)}`;
    expect(() => parseStrictJson(deep)).not.toThrow();
    expect(refusal(() => parseStrictJson('[[[1]]]', { maxDepth: 2 })).pointer).toBe('/0/0');
  });
});
