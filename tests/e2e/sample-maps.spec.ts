// The map of each bundled sample at the start of an exercise: the invented
// island must read as a place (coast, rivers, towns, the line and its zones).
// The flow and its assertions always run; PNGs of the map are written under
// tests/screenshots/ only with TRUCELINE_SCREENSHOTS=1.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openStartDialog, SLOW, submitStartDialog } from './support/console-flow';

const SAVE = process.env.TRUCELINE_SCREENSHOTS === '1';

test.use({ viewport: { width: 1920, height: 1080 } });

for (const id of ['line-72h', 'drone-line-48h', 'quick-demo']) {
  test(`the map of ${id} draws the island, its line and its zones`, async ({ page }) => {
    const dialog = await openStartDialog(page, id);
    await submitStartDialog(dialog, 'Duty Officer Ana', 'Operator');
    const map = page.getByRole('img', { name: /^Map: / });
    await expect(map).toBeVisible(SLOW);
    // Muted context (coast, rivers, roads) under the zones of the agreement.
    await expect(map.locator('path').first()).toBeVisible();
    expect(await map.locator('path').count()).toBeGreaterThan(40);
    if (SAVE) await map.screenshot({ path: join('tests/screenshots', `map-${id}.png`) });
  });
}
