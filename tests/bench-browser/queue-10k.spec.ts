// Queue figures for `npm run bench` (browser): a console holding 10,000 alerts
// and more (a generated scenario skipped to its last day with the
// controller's "Skip to"), then the whole virtualised queue scrolled, and the
// search typed key by key and the filters changed, with the main thread's long
// tasks recorded for each. Printed, never asserted: a measurement on a shared
// machine is not a test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeGeneratedScenario } from '../../shared/node/scenario/write-generated';
import { runTruceline } from '../e2e/support/cli-and-files';
import { alertTotal, clockEpoch, fillSkipTo, importAndStart } from '../e2e/support/console-flow';
import { scrollQueue } from './scroll-queue';

/** The skip's target: the scenario's last day (it ends 2026-04-20T00:00Z), in its own clock (GMT-8). */
const SKIP_TO = '2026-04-19 15:59';
const SKIP_TO_MS = Date.parse('2026-04-19T23:59:00Z');
/** The most wall time the skip may take. */
const SKIP_WALL_MS = Number(process.env.TRUCELINE_QUEUE_BENCH_SKIP_MS ?? 20 * 60_000);

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

/** Long tasks observed since the last call (and forgets them). */
async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { __longTasks: number[] };
    const tasks = w.__longTasks;
    w.__longTasks = [];
    return tasks;
  });
}

function describeTasks(tasks: readonly number[]): string {
  const over50 = tasks.filter((d) => d > 50);
  return `long tasks > 50 ms: ${over50.length}, max ${Math.max(0, ...tasks).toFixed(0)} ms, total ${over50.reduce((s, d) => s + d, 0).toFixed(0)} ms`;
}

test('figures: a queue of 10,000+ alerts scrolled, searched and filtered', async ({ page }) => {
  test.setTimeout(2_400_000);
  // 45,000 events over 50 days: about 14,000 alerts on the last day; scattered in time,
  // few events correlate, so it holds more alerts for its events than a dense 72 h
  // scenario would (100,000 over 72 h give about 5,000).
  const dir = join(mkdtempSync(join(tmpdir(), 'truceline-queue-10k-')), 'gen-queue-10k');
  await writeGeneratedScenario(dir, { events: 45_000, seed: 7, hours: 1200 });
  // What `truceline rank` counts at the target, for the console's count to be set beside.
  const rank = await runTruceline([
    'rank',
    dir,
    '--at',
    new Date(SKIP_TO_MS).toISOString(),
    '--top',
    '1',
  ]);
  const ranked = Number(/^(\d+) alerts/m.exec(rank.stdout)?.[1] ?? NaN);
  await observeLongTasks(page);
  await importAndStart(page, dir, /45[,.]?000/, 'Controller');
  const skip = await fillSkipTo(page, SKIP_TO);
  await takeLongTasks(page);
  const wall0 = Date.now();
  await skip.click();
  // The clock reaches the target once every event before it is shown (the engine moves
  // it event by event), and the last snapshot follows within a frame or two.
  let reported = wall0;
  while ((await clockEpoch(page)) < SKIP_TO_MS && Date.now() - wall0 < SKIP_WALL_MS) {
    await page.waitForTimeout(1000);
    if (Date.now() - reported >= 60_000) {
      reported = Date.now();
      console.log(
        `  skipping, ${((reported - wall0) / 1000).toFixed(0)} s: clock ${new Date(await clockEpoch(page)).toISOString()}, ${await alertTotal(page)} alerts`,
      );
    }
  }
  const reached = await clockEpoch(page);
  const skipMs = Date.now() - wall0;
  let total = await alertTotal(page);
  // The target reached, its last snapshot; else the figures are taken on what was reached
  // (the skip goes on meanwhile).
  for (let settled = reached < SKIP_TO_MS ? 3 : 0; settled < 3;) {
    await page.waitForTimeout(1000);
    const now = await alertTotal(page);
    settled = now === total ? settled + 1 : 0;
    total = now;
  }
  console.log(
    `generated 45,000 events over 1200 h, skipped to ${SKIP_TO} (GMT-8)${reached < SKIP_TO_MS ? ` — not reached: the clock stood at ${new Date(reached).toISOString()} when the wall time ran out —` : ''} in ${(skipMs / 1000).toFixed(1)} s: ${total} alerts in the console, \`truceline rank\` counts ${ranked}; during the skip ${describeTasks(await takeLongTasks(page))}`,
  );
  await page
    .getByRole('tablist', { name: 'Centre view' })
    .getByRole('tab', { name: 'Map and timeline' })
    .click();
  await takeLongTasks(page);

  // Every row of the queue, top to bottom, 600 px a frame.
  const scroll = await scrollQueue(page, { px: 600, frames: 5000 });
  console.log(
    `scroll: ${scroll.height} px in ${scroll.frames} frames (${(scroll.wallMs / 1000).toFixed(1)} s), mean ${scroll.meanMs.toFixed(1)} ms, worst frame ${scroll.worstMs.toFixed(0)} ms, ${scroll.rows} rows in the DOM; ${describeTasks(await takeLongTasks(page))}`,
  );

  // At a reading pace: 120 px a frame (a wheel's notch), 300 frames from the top, each
  // frame's gap recorded; the fling above builds a dozen rows a frame, this two.
  const paced = await scrollQueue(page, { px: 120, frames: 300, fromTop: true });
  console.log(
    `scroll at 120 px a frame: ${paced.frames} frames, mean ${paced.meanMs.toFixed(1)} ms, worst ${paced.worstMs.toFixed(0)} ms, ${paced.over50} frames over 50 ms; ${describeTasks(await takeLongTasks(page))}`,
  );

  // The search typed as a person types (120 ms a key), each key filtering every alert.
  const search = page.getByRole('searchbox', { name: 'Search alerts by title, id or place' });
  await search.click();
  const typed0 = Date.now();
  await search.pressSequentially('sector 2 mortar', { delay: 120 });
  await expect(page.getByTestId('queue-shown')).toContainText('Showing');
  const typedMs = Date.now() - typed0;
  const shown = await page.getByTestId('queue-shown').textContent();
  console.log(
    `search "sector 2 mortar" typed in ${typedMs} ms (15 keys at 120 ms): ${shown?.split('·')[0]?.trim()}; ${describeTasks(await takeLongTasks(page))}`,
  );
  await search.fill('');

  // The filters changed one after another: breached, a sector, grouping by sector.
  const filter = page.getByRole('search', { name: 'Filter the alert queue' });
  await filter.getByRole('button', { name: /^Filters/ }).click();
  await takeLongTasks(page);
  const changed0 = Date.now();
  await filter.getByRole('checkbox', { name: 'deadline breached' }).check();
  await filter.getByRole('combobox', { name: 'Sector' }).selectOption({ index: 2 });
  await filter.getByRole('checkbox', { name: 'group by sector' }).check();
  await filter.getByRole('combobox', { name: 'Sector' }).selectOption({ index: 0 });
  await filter.getByRole('checkbox', { name: /^closed/ }).check();
  const changedMs = Date.now() - changed0;
  console.log(
    `five filter changes in ${changedMs} ms: ${(await page.getByTestId('queue-shown').textContent())?.split('·')[0]?.trim()}; ${describeTasks(await takeLongTasks(page))}`,
  );
  await filter.getByRole('button', { name: 'Done' }).click();
  // Grouped by sector: scrolled again, headings among the rows.
  await takeLongTasks(page);
  const grouped = await scrollQueue(page, { px: 600, frames: 5000, fromTop: true });
  console.log(
    `grouped by sector, scrolled in ${grouped.frames} frames, worst frame ${grouped.worstMs.toFixed(0)} ms; ${describeTasks(await takeLongTasks(page))}`,
  );
});
