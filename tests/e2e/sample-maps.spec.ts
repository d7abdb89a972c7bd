// The map of each bundled sample at the start of an exercise: the invented
// island must read as a place (coast, rivers, towns, the line and its zones).
// At the fitted island view, on the two window sizes trainers use, most
// settlement names show, none overprinting another. The flow and its
// assertions always run; PNGs of the map are written under tests/screenshots/
// only with TRUCELINE_SCREENSHOTS=1.
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { openStartDialog, SLOW, submitStartDialog } from './support/console-flow';

const SAVE = process.env.TRUCELINE_SCREENSHOTS === '1';

/** The on-screen boxes of the map's settlement names. */
async function placeNames(map: Locator) {
  return map.locator('text.label-place').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { text: n.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    }),
  );
}

for (const [width, height] of [
  [1600, 900],
  [1280, 800],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });
    // The two full exercises open on the whole island (22 settlements near the
    // line and 3 capitals); quick-demo on Sector 2, where 14 lie in the frame.
    for (const [id, named] of [
      ['line-72h', 20],
      ['drone-line-48h', 20],
      ['quick-demo', 12],
    ] as const) {
      test(`the map of ${id} draws the island, its line and its zones, with most place names`, async ({
        page,
      }) => {
        const dialog = await openStartDialog(page, id);
        await submitStartDialog(dialog, 'Duty Officer Ana', 'Operator');
        const map = page.getByRole('img', { name: /^Map: / });
        await expect(map).toBeVisible(SLOW);
        // Muted context (coast, rivers, roads) under the zones of the agreement.
        await expect(map.locator('path').first()).toBeVisible();
        expect(await map.locator('path').count()).toBeGreaterThan(40);
        if (SAVE) {
          const suffix = width === 1600 ? '' : `-${width}x${height}`;
          await map.screenshot({ path: join('tests/screenshots', `map-${id}${suffix}.png`) });
        }
        const names = await placeNames(map);
        expect(names.length, names.map((n) => n.text).join(', ')).toBeGreaterThanOrEqual(named);
        for (const [i, a] of names.entries()) {
          for (const b of names.slice(i + 1)) {
            const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            expect(overlap, `${a.text} overprints ${b.text}`).toBe(false);
          }
        }
      });
    }
  });
}
