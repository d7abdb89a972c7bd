// The controller's "Skip to" over weeks of a generated scenario: the console
// shows the skip's progress while it runs (the queue as it stood), then holds
// every alert `truceline rank` counts at the target; the log it wrote in
// groups verifies, and the resumed exercise stands where the skip did.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeGeneratedScenario } from '../../shared/node/scenario/write-generated';
import { runTruceline } from './support/cli-and-files';
import {
  alertTotal,
  clockEpoch,
  fillSkipTo,
  goToScreen,
  importAndStart,
  resumeLatest,
  SLOW,
} from './support/console-flow';

/** 4,000 events scattered over 400 h (2026-03-01T00:00Z to 2026-03-17T16:00Z, its clock GMT-8). */
const EVENTS = 4000;
const SKIP_TO = '2026-03-17 07:00';
const SKIP_TO_MS = Date.parse('2026-03-17T15:00:00Z');

test('a skip over weeks shows its progress, then every alert rank counts at the target', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dir = join(mkdtempSync(join(tmpdir(), 'truceline-skip-long-')), 'gen-skip-long');
  await writeGeneratedScenario(dir, { events: EVENTS, seed: 11, hours: 400 });
  const rank = await runTruceline(['rank', dir, '--at', new Date(SKIP_TO_MS).toISOString()]);
  const ranked = Number(/^(\d+) alerts/m.exec(rank.stdout)?.[1] ?? NaN);
  expect(ranked).toBeGreaterThan(1000);

  await importAndStart(page, dir, /4[,.]?000/, 'Controller');
  const skip = await fillSkipTo(page, SKIP_TO);
  const before = await alertTotal(page);
  await skip.click();

  // While it runs: the progress, and the queue as it stood (read in one task of the page).
  const progress = page.getByTestId('skip-progress');
  await expect(progress).toContainText(/Skipping: [\d,]+ alerts so far/, { timeout: 30_000 });
  const during = await page.evaluate(() => ({
    progress: document.querySelector('[data-testid="skip-progress"]')?.textContent ?? null,
    count: document.querySelector('[data-testid="alert-count"]')?.textContent ?? '',
  }));
  if (during.progress !== null) expect(Number(/(\d+) total/.exec(during.count)?.[1])).toBe(before);

  await expect(progress).toHaveCount(0, { timeout: 240_000 });
  expect(await clockEpoch(page)).toBe(SKIP_TO_MS);
  await expect.poll(() => alertTotal(page)).toBe(ranked);

  // The log the skip wrote in groups: an intact chain, and a resume that stands where the skip did.
  await goToScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify now' }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK', SLOW);
  await page.reload();
  await resumeLatest(page, 'Controller');
  await expect.poll(() => clockEpoch(page), SLOW).toBe(SKIP_TO_MS);
  await expect.poll(() => alertTotal(page), SLOW).toBe(ranked);
});
