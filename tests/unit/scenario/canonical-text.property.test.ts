// isCanonicalJsonText lets `validate` hash a feed line as read. It must never
// accept a text that differs from the JCS form of its value (that would change
// the content hash), and should accept the lines that tools write canonically.
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioAtPath, loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { writeGeneratedScenario } from '../../../shared/node/scenario/write-generated';
import { isCanonicalJsonText } from '../../../shared/scenario/canonical-text';

/** Random re-spellings of a JSON value that JSON.parse reads back the same. */
function respell(value: unknown, rng: () => number): string {
  const ws = () => (rng() < 0.1 ? [' ', '\t', '\r', '\n'][Math.floor(rng() * 4)]! : '');
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    const r = rng();
    if (r < 0.1) return value.toExponential();
    if (r < 0.15 && Number.isInteger(value)) return `${value}.0`;
    if (r < 0.2) return value.toPrecision(17);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    return rng() < 0.1
      ? JSON.stringify(value).replace(/[a-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)
      : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => respell(v, rng)).join(`${ws()},`)}]`;
  if (value !== null && typeof value === 'object') {
    let keys = Object.keys(value);
    if (rng() < 0.3) keys = keys.reverse();
    else keys.sort();
    const parts = keys.map(
      (k) =>
        `${ws()}${JSON.stringify(k)}${ws()}:${respell((value as Record<string, unknown>)[k], rng)}`,
    );
    // Sometimes a duplicate key, which JSON.parse resolves to the last value.
    if (keys.length > 0 && rng() < 0.05) parts.unshift(`${JSON.stringify(keys[0])}:0`);
    return `{${parts.join(',')}${ws()}}`;
  }
  return JSON.stringify(value);
}

const jsonValue = fc.jsonValue({ maxDepth: 3 });

describe('isCanonicalJsonText', () => {
  it('accepts a text only when it is the JCS form of its own value', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer(), (value, seed) => {
        let state = seed >>> 0 || 1;
        const rng = () => {
          state = (state * 1103515245 + 12345) >>> 0;
          return state / 2 ** 32;
        };
        const text = respell(value, rng);
        if (isCanonicalJsonText(text)) expect(canonicalize(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts the JCS text of values with plain strings and short numbers', () => {
    const plain = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: fc.constantFrom(...'abc XYZ-_:.0189é€'), maxLength: 12 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -99999, max: 99999 }).map((n) => n / 1000),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(plain, (value) => {
        const text = canonicalize(value)!;
        if (text.includes('\\')) return; // escapes are left to the serialiser
        expect(isCanonicalJsonText(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['whitespace', '{"a": 1}'],
    ['keys out of order', '{"b":1,"a":2}'],
    ['a duplicate key', '{"a":1,"a":2}'],
    ['an escape', '{"a":"\\u0041"}'],
    ['negative zero', '{"a":-0}'],
    ['a trailing zero', '{"a":1.50}'],
    ['an exponent', '{"a":1e3}'],
    ['below 1e-6', '{"a":0.0000001}'],
    ['16 significant digits', '{"a":1234567890123456}'],
    ['a trailing CR', '{"a":1}\r'],
  ])('refuses %s', (_, text) => {
    expect(isCanonicalJsonText(text)).toBe(false);
  });

  it.each([
    [
      'a feed line',
      '{"id":"e1","lat":-44.37655,"source":"drone","time":"2026-03-01T00:00:00.000Z"}',
    ],
    ['small and negative numbers', '{"a":0.000001,"b":-12.5,"c":0,"d":[true,false,null]}'],
    ['nested objects', '{"casualties":{"best":2,"high":3,"low":1},"id":"x"}'],
  ])('accepts %s', (_, text) => {
    expect(isCanonicalJsonText(text)).toBe(true);
  });
});

describe('validate without keeping events', () => {
  it('gives a generated scenario the same hash and counts as a full load', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'truceline-check-')), 'gen');
    try {
      await writeGeneratedScenario(dir, { events: 3000, seed: 11 });
      const full = await loadScenarioFromPath(dir);
      const checked = await checkScenarioAtPath(dir);
      if (!full.ok || full.kind !== 'scenario') throw new Error('generated scenario did not load');
      if (!checked.ok || checked.kind !== 'scenario')
        throw new Error('generated scenario did not check');
      expect(checked.scenario.hash).toBe(full.scenario.hash);
      expect(checked.scenario.tally.count).toBe(full.scenario.events.length);
      const bySource = new Map<string, number>();
      for (const r of full.scenario.events) {
        bySource.set(r.event.source, (bySource.get(r.event.source) ?? 0) + 1);
      }
      expect(Object.fromEntries(checked.scenario.tally.bySource)).toEqual(
        Object.fromEntries(bySource),
      );
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
