import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonOverlappingLabels, type LabelBox } from '../../../renderer/src/map/label-placement';

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y - a.height < b.y && b.y - b.height < a.y;

describe('nonOverlappingLabels', () => {
  it('drops the later of two overlapping labels and keeps distant ones', () => {
    const shown = nonOverlappingLabels([
      { id: 'Teslav', x: 100, y: 100, width: 40, height: 12 },
      { id: 'Holm', x: 120, y: 104, width: 30, height: 12 },
      { id: 'Zoryane', x: 300, y: 40, width: 50, height: 12 },
    ]);
    expect([...shown].sort()).toEqual(['Teslav', 'Zoryane']);
  });

  it('never shows two overlapping labels and always shows the first', () => {
    const box = fc.record({
      id: fc.uuid(),
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      width: fc.integer({ min: 1, max: 80 }),
      height: fc.integer({ min: 1, max: 16 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(box, { minLength: 1, maxLength: 40, selector: (b) => b.id }),
        (labels) => {
          const shown = labels.filter((l) => nonOverlappingLabels(labels).has(l.id));
          expect(shown[0]).toBe(labels[0]);
          for (const a of shown)
            for (const b of shown) if (a !== b) expect(overlaps(a, b)).toBe(false);
          // Greedy is maximal: every hidden label clashes with a shown one.
          for (const l of labels.filter((x) => !shown.includes(x))) {
            expect(
              shown.some((s) =>
                overlaps(
                  { ...s, x: s.x - 2, y: s.y + 2, width: s.width + 4, height: s.height + 4 },
                  l,
                ),
              ),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
