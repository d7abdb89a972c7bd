// IdIndex against a Map as the model: same answers for any sequence of ids,
// including many colliding and growing past several table sizes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../../shared/scenario/id-index';

describe('IdIndex', () => {
  it('numbers ids like a Map of first occurrences, for any sequence of adds and finds', () => {
    const id = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 300 }).map(String));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), id), { maxLength: 400 }), (ops) => {
        const index = new IdIndex();
        const model = new Map<string, number>();
        for (const [add, key] of ops) {
          const expected = model.get(key) ?? -1;
          if (add) {
            expect(index.addOrFind(key)).toBe(expected);
            if (expected === -1) model.set(key, model.size);
          } else {
            expect(index.find(key)).toBe(expected);
          }
          expect(index.size).toBe(model.size);
        }
      }),
    );
  });

  it('keeps every id through growth to 200,000 entries', () => {
    const index = new IdIndex();
    for (let i = 0; i < 200_000; i++) expect(index.addOrFind(`e-${i}`)).toBe(-1);
    for (let i = 0; i < 200_000; i += 997) expect(index.find(`e-${i}`)).toBe(i);
    expect(index.addOrFind('e-123456')).toBe(123_456);
    expect(index.find('e-200000')).toBe(-1);
  });
});
