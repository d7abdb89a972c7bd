import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  markerBox,
  nonOverlappingLabels,
  placeLabels,
  type LabelBox,
  type LabelRequest,
  type ObstacleBox,
} from '../../../renderer/src/map/label-placement';

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

/** The box a placed label covers (x left edge, y baseline). */
const placedBox = (x: number, y: number, r: LabelRequest): ObstacleBox => ({
  x0: x,
  y0: y - r.height,
  x1: x + r.width,
  y1: y,
});
const intersect = (a: ObstacleBox, b: ObstacleBox) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('placeLabels', () => {
  const town: LabelRequest = { id: 'Tessel', ax: 100, ay: 100, width: 40, height: 12 };

  it('puts a name at the upper right of its place when nothing is there', () => {
    expect(placeLabels([town], [])).toEqual([{ id: 'Tessel', x: 106, y: 94 }]);
  });

  it('moves a name to the next free side when a sensor marker sits where it would go', () => {
    const sensor = markerBox(120, 88, 12);
    const [placed] = placeLabels([town], [sensor]);
    expect(placed).toEqual({ id: 'Tessel', x: 106, y: 118 });
    expect(intersect(placedBox(placed!.x, placed!.y, town), sensor)).toBe(false);
  });

  it('keeps a name inside the frame: a place by its right edge is named on its left', () => {
    const frame = { x0: 0, y0: 0, x1: 130, y1: 300 };
    expect(placeLabels([town], [], { bounds: frame })).toEqual([{ id: 'Tessel', x: 54, y: 94 }]);
    expect(placeLabels([{ ...town, ax: 2 }], [], { bounds: { ...frame, x1: 40 } })).toEqual([]);
  });

  it('leaves a name out rather than print it over markers on every side', () => {
    const around = [
      markerBox(125, 88, 30),
      markerBox(125, 112, 30),
      markerBox(75, 88, 30),
      markerBox(75, 112, 30),
    ];
    expect(placeLabels([town], around)).toEqual([]);
  });

  it('stacks a name a line or more away, with a leader, when every place beside its anchor is taken', () => {
    const around = [
      markerBox(125, 88, 30),
      markerBox(125, 112, 30),
      markerBox(75, 88, 30),
      markerBox(75, 112, 30),
    ];
    const [placed] = placeLabels([town], around, { rows: 3 });
    expect(placed?.leader).toBe(true);
    expect(intersect(placedBox(placed!.x, placed!.y, town), around[0]!)).toBe(false);
    // The nearest free row, centred over the anchor.
    expect(placed).toEqual({ id: 'Tessel', x: 80, y: 66, leader: true });
  });

  it('covers a soft marker (a sensor) only when nothing beside the anchor is clear of it', () => {
    const sensor = markerBox(120, 88, 12);
    expect(placeLabels([town], [], { soft: [sensor] })).toEqual([{ id: 'Tessel', x: 106, y: 118 }]);
    const everywhere = [
      sensor,
      markerBox(120, 112, 12),
      markerBox(80, 88, 12),
      markerBox(80, 112, 12),
    ];
    const wide = { ...town, width: 60 };
    const [over] = placeLabels([wide], [], { soft: everywhere, rows: 0 });
    expect(over).toBeDefined();
    expect(over!.leader).toBeUndefined();
  });

  it('never prints a name over another name or a marker, and always places the first where it is free', () => {
    const request = fc.record({
      id: fc.uuid(),
      ax: fc.integer({ min: 0, max: 400 }),
      ay: fc.integer({ min: 0, max: 300 }),
      width: fc.integer({ min: 1, max: 80 }),
      height: fc.integer({ min: 1, max: 16 }),
    });
    const marker = fc
      .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 300 }))
      .map(([x, y]) => markerBox(x, y, 12));
    fc.assert(
      fc.property(
        fc.uniqueArray(request, { minLength: 1, maxLength: 40, selector: (r) => r.id }),
        fc.array(marker, { maxLength: 30 }),
        (requests, markers) => {
          const placed = placeLabels(requests, markers, { rows: 3 });
          const boxes = placed.map((p) =>
            placedBox(
              p.x,
              p.y,
              requests.find((r) => r.id === p.id)!,
            ),
          );
          boxes.forEach((a, i) => {
            for (const m of markers) expect(intersect(a, m)).toBe(false);
            boxes.forEach((b, j) => i !== j && expect(intersect(a, b)).toBe(false));
          });
          if (markers.length === 0) expect(placed[0]?.id).toBe(requests[0]!.id);
        },
      ),
    );
  });
});
