// The 72-hour sample at training speed, as issue 18's "Done when" asks: the
// queue filtered to "deadline breached, Sector 2" lists exactly the alerts a
// replay of the exercise's own log finds there (engine and log, not the
// queue's code); the selected alert survives a visit to the Log screen; Party
// B's denial of the Kerrow shelling is linked to the Kerrow alert and the
// report credits the link. The queue with its new filters is photographed at
// 1280×800 and 1600×900 (out/screenshots, not committed).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ReplayedAlert } from './support/replay-alerts';
import { act } from './support/run-tracks';
import {
  clockEpoch,
  goToScreen,
  resumeLatest,
  openStartDialog,
  pauseIfPlaying,
  selectAlert,
  SLOW,
  submitStartDialog,
} from './support/console-flow';
import { exportSignedLog } from './support/exported-log';
import { shots } from './support/screenshots';

const SCENARIO = 'sample-feeds/line-72h';
const HOUR = 3_600_000;
/** The Kerrow shelling's impact report: its alert is the one the parties' calls are about. */
const KERROW_IMPACT = 'GND-KER-IMPACT-1';
/** Party B's denial of the Kerrow shelling (MSEL-004, 22:30 local on the first day). */
const DENIAL = 'MSEL-004';

/** The exported log rebuilt by the shared engine in Node (support/replay-alerts.ts). */
function replayAlerts(logPath: string): Promise<ReplayedAlert[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['shared/node/run-ts.mjs', 'tests/e2e/support/replay-alerts.ts', logPath, SCENARIO],
      { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`replay-alerts failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as ReplayedAlert[]);
      },
    );
  });
}

/** Every alert id the (virtualised) queue lists, scrolled from top to bottom. */
async function allQueueIds(page: Page): Promise<string[]> {
  const scroller = page.locator('.alert-queue-scroll');
  await scroller.evaluate((el) => (el.scrollTop = 0));
  const seen: string[] = [];
  for (let guard = 0; guard < 500; guard++) {
    for (const id of await page.locator('[data-alert-id]').evaluateAll((rows) =>
      rows
        .map((r) => ({
          id: r.getAttribute('data-alert-id')!,
          y: new DOMMatrix(getComputedStyle(r).transform).m42,
        }))
        .sort((a, b) => a.y - b.y)
        .map((r) => r.id),
    ))
      if (!seen.includes(id)) seen.push(id);
    const done = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.8;
      return el.scrollTop === before;
    });
    if (done) break;
    // The virtual list renders the rows of the new offset on the next frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  return seen;
}

function filterBar(page: Page): Locator {
  return page.getByRole('search', { name: 'Filter the alert queue' });
}

test('line-72h: "breached, Sector 2" lists what the log says; the selection outlives the Log screen; the denial linked to the Kerrow alert is credited in the report', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-training-speed-'));
  const sector2 = { id: 'sector-2', name: 'Sector 2 — Reservoir' };

  const dialog = await openStartDialog(page, 'line-72h');
  await submitStartDialog(dialog, 'Control One', 'Controller');
  const start = await clockEpoch(page);
  // Nobody works the queue: deadlines breach as they fall due (auto-pause off).
  await page.getByRole('checkbox', { name: 'a critical alert opens' }).uncheck();
  await page.getByLabel('Playback speed').selectOption('3600');
  await page.getByTestId('play-pause').click();
  // Past Party B's denial (19.5 h after the start).
  await expect
    .poll(() => clockEpoch(page), { timeout: 240_000, intervals: [250] })
    .toBeGreaterThanOrEqual(start + 20 * HOUR);
  await pauseIfPlaying(page);

  let shownIds: string[] = [];
  await test.step('filter the queue to "deadline breached, Sector 2"', async () => {
    const filter = filterBar(page);
    await filter.getByRole('button', { name: /^Filters/ }).click();
    // Closed alerts too: a breached alert stays breached once its run closed.
    await filter.getByRole('checkbox', { name: /^closed \(\d+\)$/ }).check();
    await filter.getByRole('combobox', { name: 'Sector' }).selectOption({ label: sector2.name });
    await filter.getByRole('checkbox', { name: 'deadline breached' }).check();
    await expect(filter.getByRole('button', { name: /^Filters \(3\)/ })).toBeVisible();
    await filter.getByRole('checkbox', { name: 'group by sector' }).check();
    await shots(page, 'queue-filters-open');
    await filter.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('.queue-group-heading')).toHaveText([
      /^Sector 2 — Reservoir \(\d+\)$/,
    ]);
    shownIds = await allQueueIds(page);
    const m = /Showing (\d+) of/.exec((await page.getByTestId('queue-shown').textContent()) ?? '');
    expect(Number(m?.[1])).toBe(shownIds.length);
    await shots(page, 'queue-breached-sector2');
    await page.setViewportSize({ width: 1600, height: 900 });
  });

  const selected = shownIds[0]!;
  await test.step('the selected alert is still selected after the Log screen', async () => {
    await selectAlert(page, selected);
    await goToScreen(page, 'Log');
  });

  const log = await exportSignedLog(page, dir);
  let replayed: ReplayedAlert[] = [];

  await test.step('the filtered queue lists exactly the breached Sector 2 alerts of the log', async () => {
    replayed = await replayAlerts(log.path);
    const expected = replayed
      .filter((a) => a.sector === sector2.id && a.breached && !a.messageOnly)
      .map((a) => a.id);
    expect(expected.length, 'deadlines breached in Sector 2 by hour 20').toBeGreaterThan(0);
    expect([...shownIds].sort()).toEqual([...expected].sort());
  });

  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Console' })
    .click();
  await expect(page.getByTestId('console')).toBeVisible(SLOW);
  await expect(page.locator(`[data-alert-id="${selected}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
    SLOW,
  );
  await expect(page.locator('section.alert-detail')).toContainText(selected);

  await test.step('link Party B’s denial to the Kerrow alert; the report credits it', async () => {
    const kerrow = replayed.find((a) => a.eventIds.includes(KERROW_IMPACT));
    expect(kerrow, `an alert holds ${KERROW_IMPACT} by hour 20`).toBeDefined();
    const filter = filterBar(page);
    await filter.getByRole('button', { name: 'clear filters' }).click();
    await filter.getByRole('searchbox').fill(kerrow!.id);
    await selectAlert(page, kerrow!.id);
    const denial = page.getByTestId('messages').locator(`[data-message-id="${DENIAL}"]`);
    await expect(denial).toContainText('Party B denies firing at Kerrow');
    await denial.getByRole('button', { name: `Link to ${kerrow!.id}` }).click();
    await expect(denial).toContainText(`Linked to ${kerrow!.id}`);

    await goToScreen(page, 'Report');
    await page.getByRole('button', { name: /^(Build|Rebuild) report$/ }).click(SLOW);
    const row = page
      .getByRole('table', { name: 'Messages and their links' })
      .locator(`tr[data-message-id="${DENIAL}"]`);
    await expect(row).toHaveAttribute('data-verdict', 'linked', SLOW);
    await expect(row).toContainText(`✓ ${kerrow!.id}`);
    await expect(page.getByRole('article', { name: 'After-action report' })).toContainText(
      `${DENIAL} → ${kerrow!.id}`,
    );
  });
});

/**
 * Works one alert that has just entered the protocol, the clock paused: reads
 * it, acknowledges it and decides at triage. What the trainee decides here is
 * a routine record for the daily report (the protocol's own advice for an
 * exchange of fire that harms no one); a grave alert that opens at
 * "escalate" is not expected among the first five (the test says so if one is).
 */
async function workAtTriage(page: Page, alertId: string) {
  const detail = await selectAlert(page, alertId);
  await detail.getByRole('button', { name: 'Acknowledge alert (A)' }).click();
  await expect(detail.getByText('Alert acknowledged')).toBeVisible();
  const triage = detail.locator('section.run-track[data-track="triage"]');
  await expect(triage).toHaveAttribute('data-open', 'true');
  const step = await triage.getAttribute('data-step-id');
  expect(step, `${alertId} opened at triage (escalate would call the parties at once)`).toBe(
    'triage',
  );
  await act(
    detail,
    'triage',
    'Record for the daily report (no escalation)',
    {
      'Evidence relied on': `EXERCISE: the reports of ${alertId} as listed`,
      Summary: 'EXERCISE: routine exchange of fire, recorded for the daily report.',
    },
    { Attribution: 'undetermined', Intent: 'undetermined', Outcome: 'violation-recorded' },
  );
  await expect(detail.getByTestId('protocol-closed')).toBeVisible();
}

test('line-72h at 300×, paused by the controller’s rule whenever an alert enters the protocol: the operator works the first five without a deadline breaching', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-tempo-'));
  const dialog = await openStartDialog(page, 'line-72h');
  await submitStartDialog(dialog, 'Control One', 'Controller');
  await page.getByRole('checkbox', { name: 'an alert enters the protocol' }).check();
  // The operator's console of the same exercise plays by the controller's rules.
  await resumeLatest(page, 'Operator', 'Trainee Ana');
  await page.getByLabel('Playback speed').selectOption('300');

  const worked: string[] = [];
  const filter = filterBar(page);
  const notice = page.getByTestId('auto-pause-notice');
  for (let pauses = 0; worked.length < 5; pauses++) {
    expect(pauses, 'pauses before five alerts were worked').toBeLessThan(40);
    await page.getByTestId('play-pause').click();
    await expect(notice).toBeVisible({ timeout: 300_000 });
    await expect(page.getByTestId('play-pause')).toContainText('Play', SLOW);
    // Every alert in the protocol not yet acknowledged: the one the rule paused for,
    // and any other that entered in the same frame.
    await filter.getByRole('button', { name: /^Filters/ }).click();
    await filter.getByRole('checkbox', { name: 'in protocol' }).check();
    await filter.getByRole('combobox', { name: 'Acknowledged' }).selectOption('no');
    await filter.getByRole('button', { name: 'Done' }).click();
    const waiting = await allQueueIds(page);
    await filter.getByRole('button', { name: 'clear filters' }).click();
    for (const id of waiting) {
      if (worked.length === 5) break;
      await workAtTriage(page, id);
      worked.push(id);
    }
  }

  await goToScreen(page, 'Log');
  const log = await exportSignedLog(page, dir);
  const replayed = await replayAlerts(log.path);
  const entered = replayed
    .filter((a) => a.protocolAt !== null)
    .sort((a, b) => a.protocolAt! - b.protocolAt! || (a.id < b.id ? -1 : 1));
  const firstFive = entered.slice(0, 5);
  expect([...worked].sort(), 'the five alerts worked are the first five in the protocol').toEqual(
    firstFive.map((a) => a.id).sort(),
  );
  for (const a of firstFive) {
    expect(a.breached, `a deadline of ${a.id} breached`).toBe(false);
    expect(a.closed, `${a.id} is closed with findings`).toBe(true);
  }
});
