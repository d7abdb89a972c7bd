// The console photographed at the two window sizes the issues are judged at
// (1280×800 and 1600×900), for a person to look at: out/screenshots, not
// committed. One helper for every spec, so each picture is taken the same way.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

export const SHOTS = 'out/screenshots';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1600, height: 900 },
] as const;

/**
 * Saves `<name>-1280x800.png` and `<name>-1600x900.png`, and leaves the page
 * at 1600×900 (the specs' window size), whatever it was before.
 */
export async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
  }
}
