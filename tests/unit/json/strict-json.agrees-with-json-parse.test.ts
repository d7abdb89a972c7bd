// Property: on every JSON text without duplicate names and lone surrogates,
// the strict reader gives exactly what JSON.parse gives (same values, same
// member order, -0 kept, plain prototypes, `__proto__` an own member), read
// from the text or from its UTF-8 bytes; adding a duplicate name or a lone
// surrogate anywhere makes it refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  StrictJsonError,
  parseStrictJson,
  parseStrictJsonBytes,
} from '../../../shared/json/strict-json';

/** A JSON value to render; `raw` is a number written exactly as given (long integers, any digits). */
type Json =
  null | boolean | number | string | Json[] | { raw: string } | { members: [string, Json][] };

/** Any Unicode text, leaning on the characters JSON escapes and on the widths of UTF-8. */
const unit = fc.oneof(
  fc.constantFrom(
    '/',
    '"',
    '\\',
    '\n',
    '\t',
    '\u0000',
    '\u001f',
    '\u007f',
    'é',
    '€',
    '\uFFFD',
    '😀',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const text = (maxLength: number) => fc.string({ unit, maxLength });

const name = fc.oneof(
  text(6),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '10', 'entries'),
);

const { value } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.constantFrom(-0, 0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, 2 ** 53 + 2, 123456789012345),
    fc
      .tuple(fc.integer({ min: 1, max: 25 }), fc.boolean())
      .chain(([digits, negative]) =>
        fc
          .bigInt({ min: 10n ** BigInt(digits - 1), max: 10n ** BigInt(digits) - 1n })
          .map((n) => ({ raw: `${negative ? '-' : ''}${n}` })),
      ),
    text(12),
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .uniqueArray(fc.tuple(name, tie('value')), { selector: ([key]) => key, maxLength: 4 })
      .map((members) => ({ members })),
  ),
}));

/** A small deterministic random source, so one seed renders one text. */
function chooser(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '/': '\\/',
};
const WHITESPACE = ['', '', ' ', '\n', '\t', '\r\n  '];

function renderString(text: string, pick: (n: number) => number): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const unit = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
    const escaped =
      code > 0xffff
        ? unit(ch.charCodeAt(0)) + unit(ch.charCodeAt(1))
        : pick(2) === 0
          ? unit(code).toUpperCase().replace('\\U', '\\u')
          : unit(code);
    if (code < 0x20 || ch === '"' || ch === '\\')
      out += pick(2) === 0 ? escaped : (SHORT[ch] ?? escaped);
    else out += pick(4) === 0 ? (ch === '/' && pick(2) === 0 ? '\\/' : escaped) : ch;
  }
  return `${out}"`;
}

function renderNumber(n: number, pick: (n: number) => number): string {
  if (Object.is(n, -0)) return pick(2) === 0 ? '-0' : '-0.0e0';
  switch (pick(4)) {
    case 0:
      return n.toExponential();
    case 1:
      return n.toExponential().toUpperCase();
    case 2:
      return n.toPrecision(17);
    default:
      return JSON.stringify(n);
  }
}

function render(v: Json, pick: (n: number) => number, extra?: [string, Json]): string {
  const ws = () => WHITESPACE[pick(WHITESPACE.length)]!;
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return renderNumber(v, pick);
  if (typeof v === 'string') return renderString(v, pick);
  if (Array.isArray(v))
    return `[${ws()}${v.map((item) => render(item, pick)).join(`${ws()},${ws()}`)}${ws()}]`;
  if ('raw' in v) return v.raw;
  const members = extra ? [...v.members, extra] : v.members;
  const parts = members.map(
    ([k, m]) => `${renderString(k, pick)}${ws()}:${ws()}${render(m, pick)}`,
  );
  return `{${ws()}${parts.join(`${ws()},${ws()}`)}${ws()}}`;
}

/** Same JSON value, member order, prototypes, and -0. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Object.is(a, b);
  if (a === null || typeof a !== 'object') return a === b;
  if (b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]));
  }
  if (Array.isArray(b)) return false;
  if (
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) =>
    same(
      Object.getOwnPropertyDescriptor(a, k)!.value,
      Object.getOwnPropertyDescriptor(b, k)!.value,
    ),
  );
}

function refusal(run: () => unknown): StrictJsonError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof StrictJsonError) return error;
    throw error;
  }
}

describe('strict reader against JSON.parse', () => {
  it('equals JSON.parse on every text without duplicates or lone surrogates, from text or UTF-8 bytes', () => {
    fc.assert(
      fc.property(value, fc.integer(), (v, seed) => {
        const text = render(v, chooser(seed));
        const expected: unknown = JSON.parse(text);
        expect(same(parseStrictJson(text), expected)).toBe(true);
        expect(same(parseStrictJsonBytes(new TextEncoder().encode(text)), expected)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses an object with a repeated member name that JSON.parse takes, and names it', () => {
    const object = fc
      .uniqueArray(fc.tuple(name, value), { selector: ([key]) => key, minLength: 1, maxLength: 4 })
      .map((members) => ({ members }));
    fc.assert(
      fc.property(object, value, fc.integer(), fc.boolean(), (o, again, seed, nested) => {
        const pick = chooser(seed);
        const key = o.members[0]![0];
        const inner = render(o, pick, [key, again]);
        const text = nested ? `{"entries":[1,${inner}]}` : inner;
        expect(() => JSON.parse(text) as unknown).not.toThrow();
        const error = refusal(() => parseStrictJson(text));
        expect(error?.problem).toBe('i-json');
        const pointerKey = key.replace(/~/g, '~0').replace(/\//g, '~1');
        expect(error?.pointer).toBe(nested ? `/entries/1/${pointerKey}` : `/${pointerKey}`);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a lone surrogate put anywhere in a string, raw or escaped', () => {
    const lone = fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.integer({ min: 0xd800, max: 0xdbff }),
    );
    fc.assert(
      fc.property(text(8), fc.nat(), lone, fc.boolean(), (before, at, code, raw) => {
        const chars = [...before];
        const i = at % (chars.length + 1);
        const escape = (part: string[]) => JSON.stringify(part.join('')).slice(1, -1);
        const surrogate = raw ? String.fromCharCode(code) : `\\u${code.toString(16)}`;
        const body = escape(chars.slice(0, i)) + surrogate + escape(chars.slice(i));
        const json = `{"note":"${body}"}`;
        expect(() => JSON.parse(json) as unknown).not.toThrow();
        const error = refusal(() => parseStrictJson(json));
        expect(error?.problem).toBe('i-json');
        expect(error?.pointer).toBe('/note');
      }),
      { numRuns: 300 },
    );
  });
});
