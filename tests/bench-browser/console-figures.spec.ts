// Console figures for `npm run bench` (the browser bench runs this
// Playwright project): time to the first interactive screen after Start, and
// main-thread long tasks and busy time at 300x on the samples and on a
// generated 100,000-event scenario. Printed, never asserted: a measurement on
// a shared machine is not a test.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { writeGeneratedScenario } from '../../shared/node/scenario/write-generated';
import {
  BUNDLED,
  bundledIds,
  clockEpoch,
  fillStartDialog,
  pauseIfPlaying,
  sampleCard,
} from '../e2e/support/console-flow';
import { scrollQueue } from './scroll-queue';

const SHOTS = 'out/screenshots';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

function observeLongTasks(page: Page) {
  return page.addInitScript(() => {
    const w = globalThis as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      // 'longtask' is a browser entry type; Node's typings do not list it.
    }).observe({ type: 'longtask', buffered: true } as never);
  });
}

/** Runs the clock at 86400x until exercise time `at`, then pauses there. */
async function runAheadTo(page: Page, at: number) {
  await page.getByTestId('speed').selectOption('86400');
  await page.getByTestId('play-pause').click();
  await expect.poll(() => clockEpoch(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(at);
  await page.getByTestId('play-pause').click();
  // A pause waits for the tick in progress (up to 6 h of events at this speed).
  await expect(page.getByTestId('play-pause')).toContainText('Play', { timeout: 120_000 });
}

/** Main-thread busy time so far (Chrome's TaskDuration metric), seconds. */
async function mainThreadBusy(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

/** Plays at 300x for `wallMs` and prints the clock rate, long tasks and main-thread busy time. */
async function measure300x(
  page: Page,
  label: string,
  interactiveMs: number | null,
  wallMs: number,
) {
  await page.evaluate(
    () => ((globalThis as unknown as { __longTasks: number[] }).__longTasks = []),
  );
  await page.getByTestId('speed').selectOption('300');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy0 = await mainThreadBusy(cdp);
  const clock0 = await clockEpoch(page);
  const wall0 = Date.now();
  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(wallMs);
  await pauseIfPlaying(page);
  const wall = Date.now() - wall0;
  const busy = (await mainThreadBusy(cdp)) - busy0;
  await cdp.detach();
  const exercise = (await clockEpoch(page)) - clock0;
  const longTasks = await page.evaluate(
    () => (globalThis as unknown as { __longTasks: number[] }).__longTasks,
  );
  const over50 = longTasks.filter((d) => d > 50);
  const alerts = await page.getByTestId('alert-count').textContent();
  console.log(
    [
      `scenario: ${label}`,
      ...(interactiveMs === null
        ? []
        : [`first screen interactive after Start: ${interactiveMs} ms`]),
      `300x for ${wall} ms wall: exercise clock advanced ${(exercise / 60_000).toFixed(1)} min (ideal ${((wall * 300) / 60_000).toFixed(1)} min); ${alerts}`,
      `long tasks > 50 ms: ${over50.length}, max ${Math.max(0, ...longTasks).toFixed(0)} ms, total ${over50.reduce((s, d) => s + d, 0).toFixed(0)} ms`,
      `main thread busy: ${busy.toFixed(2)} s of ${(wall / 1000).toFixed(1)} s`,
    ].join('\n'),
  );
}

test('figures: first-screen-interactive time and long tasks at 300x', async ({ page }) => {
  test.setTimeout(240_000);
  await observeLongTasks(page);
  const card = await sampleCard(page);
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  const t0 = Date.now();
  await fillStartDialog(page, 'Operator');
  await expect(page.getByTestId('play-pause')).toBeEnabled();
  await measure300x(page, BUNDLED ?? 'small fixture', Date.now() - t0, 20_000);
  await page.screenshot({ path: `${SHOTS}/console-300x.png` });
});

test('figures: line-72h at 300x', async ({ page }) => {
  test.skip(!bundledIds.includes('line-72h'), 'line-72h is not bundled in this build');
  test.setTimeout(240_000);
  await observeLongTasks(page);
  await page.goto('/#/library');
  const card = page
    .locator('article.scenario-card', { has: page.getByRole('button', { name: 'Start exercise' }) })
    .filter({ hasText: /72/ })
    .first();
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  const t0 = Date.now();
  await fillStartDialog(page, 'Operator');
  await expect(page.getByTestId('play-pause')).toBeEnabled();
  const start = await clockEpoch(page);
  await measure300x(page, 'line-72h', Date.now() - t0, 20_000);

  // The same two days in: hundreds of alerts and a full chart, where a
  // redraw costs most (the first 100 minutes do not show it).
  await page.getByLabel('Pause on a new critical alert above 60×').uncheck();
  await runAheadTo(page, start + 48 * 3600_000);
  await measure300x(page, 'line-72h from hour 48', null, 20_000);
});

test('figures: a generated 100,000-event scenario at 300x', async ({ page }) => {
  test.setTimeout(480_000);
  const dir = join(mkdtempSync(join(tmpdir(), 'truceline-100k-')), 'gen-100k');
  await writeGeneratedScenario(dir, { events: 100_000, seed: 7, hours: 72 });
  await observeLongTasks(page);
  // TRUCELINE_CONSOLE_ENGINE=main runs the engine on the UI thread, for comparison.
  const onMain = process.env.TRUCELINE_CONSOLE_ENGINE === 'main';
  await page.goto(onMain ? '/?engine=main#/library' : '/#/library');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import scenario folder…' }).click();
  await (await chooser).setFiles(dir);
  const card = page.locator('article.scenario-card', { hasText: /100[,.]?000/ }).first();
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 240_000 });
  const t0 = Date.now();
  await fillStartDialog(page, 'Operator');
  await expect(page.getByTestId('play-pause')).toBeEnabled();
  await page.getByLabel('Pause on a new critical alert above 60×').uncheck();
  const start = await clockEpoch(page);
  await measure300x(
    page,
    `generated, 100,000 events over 72 h, engine ${onMain ? 'on the UI thread' : 'in a Web Worker'}`,
    Date.now() - t0,
    20_000,
  );
  await page.screenshot({ path: `${SHOTS}/console-100k-300x.png` });

  // Two days in: thousands of alerts, a full chart and map.
  await runAheadTo(page, start + 48 * 3600_000);
  await measure300x(page, 'generated, 100,000 events, from hour 48', null, 20_000);

  // Run at full speed for a minute (as far as the log's writes allow), then
  // scroll the whole virtualised queue.
  await page.getByTestId('speed').selectOption('86400');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toContainText('Pause');
  await page.waitForTimeout(60_000);
  // A pause waits for the tick in progress (up to 6 h of events at this speed).
  const pausedAt = Date.now();
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toContainText('Play', { timeout: 120_000 });
  const pauseLatency = Date.now() - pausedAt;
  const scroll = await scrollQueue(page, { px: 600, frames: 2000 });
  const total = await page.getByTestId('alert-count').textContent();
  console.log(
    `86400x for 60 s: clock at ${await page.getByTestId('exercise-clock').textContent()}, pause took ${pauseLatency} ms\n` +
      `queue of ${total}: scrolled ${scroll.height} px in ${scroll.frames} frames, worst frame ${scroll.worstMs.toFixed(0)} ms, ${scroll.rows} rows in the DOM`,
  );
  await page.screenshot({ path: `${SHOTS}/console-100k-end.png` });
});
