import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { sha256HexOfText } from '../../../shared/audit/entry';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test('the reused hasher agrees with node:crypto on any text, any length, in any order', () => {
  // Lengths around the 64-byte block and 56-byte padding edges, multi-byte characters, and long texts.
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.integer({ min: 0, max: 200 }).map((n) => 'a'.repeat(n)),
    fc.integer({ min: 0, max: 70 }).map((n) => 'é'.repeat(n)),
    fc.integer({ min: 4000, max: 20000 }).map((n) => '😀x'.repeat(n)),
  );
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
      for (const t of texts) expect(sha256HexOfText(t)).toBe(nodeSha(t));
    }),
    { numRuns: 500 },
  );
});

test('known answers', () => {
  expect(sha256HexOfText('')).toBe(
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  expect(sha256HexOfText('abc')).toBe(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});
