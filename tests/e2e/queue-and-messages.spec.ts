// The queue at training speed and injects read as messages, as three trainees
// met them in the 72-hour sample: the queue is narrowed by the filters and the
// search (closed alerts hidden by default, "showing N of M" always there), a
// scripted hotline call shows its text in Messages, and linking it to an
// alert is logged (Log screen) and listed in the alert's detail. The console
// is also photographed at 1280×800 and 1600×900 (out/screenshots, not committed).
import { expect, test, type Page } from '@playwright/test';
import {
  clockEpoch,
  goToScreen,
  openStartDialog,
  pauseIfPlaying,
  selectAlert,
  SLOW,
  submitStartDialog,
} from './support/console-flow';
import { SHOTS, shots } from './support/screenshots';

const HOUR = 3_600_000;

/** Plays at `speed` with auto-pause off until the clock passes `hours` after the start, then pauses. */
async function playUntil(page: Page, start: number, hours: number, speed: number) {
  await page.getByLabel('Playback speed').selectOption(String(speed));
  await page.getByTestId('play-pause').click();
  await expect
    .poll(() => clockEpoch(page), { timeout: 180_000, intervals: [250] })
    .toBeGreaterThanOrEqual(start + hours * HOUR);
  await pauseIfPlaying(page);
}

test('the 72-hour queue is filtered and searched; a hotline call reads as a message and is linked', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const dialog = await openStartDialog(page, 'line-72h');
  await submitStartDialog(dialog, 'Control One', 'Controller');
  const start = await clockEpoch(page);
  // Auto-pause would stop the clock at every new critical alert above 60×.
  await page.getByRole('checkbox', { name: 'a critical alert opens' }).uncheck();
  await playUntil(page, start, 41, 3600);

  await shots(page, 'queue-h41');

  // At 1280×800 no row's title is cut: it is the event type and the place,
  // the zones on the next line and the full title in its tooltip.
  await page.setViewportSize({ width: 1280, height: 800 });
  const rowTitles = await page.locator('.alert-row .alert-title').evaluateAll((rows) =>
    rows.map((r) => ({
      text: r.textContent,
      full: r.getAttribute('title') ?? '',
      cut: r.scrollWidth > r.clientWidth,
    })),
  );
  expect(rowTitles.length).toBeGreaterThanOrEqual(4);
  for (const t of rowTitles) {
    expect(t.cut, `"${t.text}" is cut at 1280 px`).toBe(false);
    const what = t.full.slice(0, t.full.indexOf(' — '));
    expect(t.text, t.full).toMatch(new RegExp(`^${what.replace(/[()]/g, '\\$&')} — \\S`));
  }
  // A long breach reads short in the row, in full in its tooltip.
  // (41 hours in, untouched triage deadlines have long been breached.)
  const breached = page.locator('.alert-row .countdown-breached').first();
  await expect(breached).toHaveText(/^breached (just now|\d+ (min|h|d) ago)$/);
  await expect(breached).toHaveAttribute('title', /^BREACHED .* ago$/);
  await page.setViewportSize({ width: 1600, height: 900 });

  // The queue: "showing N of M" always; closed alerts hidden by default.
  const shown = page.getByTestId('queue-shown');
  const counts = async () => {
    const m = /Showing (\d+) of (\d+)/.exec((await shown.textContent()) ?? '');
    return { n: Number(m?.[1]), total: Number(m?.[2]) };
  };
  const all = await counts();
  expect(all.total).toBeGreaterThan(100);
  const filter = page.getByRole('search', { name: 'Filter the alert queue' });
  const closedToggle = filter.getByRole('button', { name: /^\d+ closed (hidden|shown)$/ });
  await expect(closedToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(closedToggle).toContainText('closed hidden');
  await expect(page.locator('[data-alert-id][data-state="closed"]')).toHaveCount(0);
  // The hotline calls and denials are not anonymous INFO rows of the queue.
  await expect(shown).toContainText(/\d+ in Messages/);
  await expect(page.locator('[data-alert-id^="A-MSEL-"]')).toHaveCount(0);

  // Gravity ≥ critical (the filters unfold from their button): only critical rows, fewer of them.
  await filter.getByRole('button', { name: /^Filters/ }).click();
  await expect(filter.getByRole('checkbox', { name: /^closed \(\d+\)$/ })).not.toBeChecked();
  await filter.getByLabel('Minimum gravity band').selectOption('critical');
  await expect.poll(async () => (await counts()).n).toBeLessThan(all.n);
  const severities = await page
    .locator('[data-alert-id] [data-severity]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
  expect(severities.length).toBeGreaterThan(0);
  expect(new Set(severities)).toEqual(new Set(['critical']));
  await expect(filter.getByRole('button', { name: /^Filters \(1\)/ })).toBeVisible();
  await filter.getByLabel('Minimum gravity band').selectOption('info');
  await expect.poll(async () => (await counts()).n).toBe(all.n);

  // Search, reached with "/" from the queue: every row left names Kerrow.
  await page.locator('.alert-queue-scroll').focus();
  await page.keyboard.press('/');
  const search = filter.getByRole('searchbox', { name: 'Search alerts by title, id or place' });
  await expect(search).toBeFocused();
  await page.keyboard.type('kerrow');
  await expect.poll(async () => (await counts()).n).toBeLessThan(all.n);
  // Each row names it: in its title, its zones or its full title (the tooltip).
  const rows = await page
    .locator('[data-alert-id]')
    .evaluateAll((els) =>
      els.map(
        (el) => `${el.textContent} ${el.querySelector('.alert-title')?.getAttribute('title')}`,
      ),
    );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.toLowerCase()).toContain('kerrow');
  const kerrow = (await page.locator('[data-alert-id]').first().getAttribute('data-alert-id'))!;

  // The filter outlives a visit to the Log screen (kept for the tab's session).
  await goToScreen(page, 'Log');
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Console' })
    .click();
  await expect(page.getByTestId('console')).toBeVisible(SLOW);
  await expect(search).toHaveValue('kerrow', SLOW);

  // The hotline call reads as a message: its words, its sender, unread.
  const messages = page.getByTestId('messages');
  const call = messages.locator('[data-message-id="MSEL-003"]');
  await expect(call).toContainText(
    'Hotline call: the Party A duty officer reports the shelling of Kerrow',
  );
  await expect(call).toContainText('Party A liaison officer');
  await expect(call).toHaveAttribute('data-unread', 'true');
  await expect(messages.locator('[data-message-id="MSEL-004"]')).toContainText(
    'Party B denies firing at Kerrow',
  );

  // Linked to the Kerrow alert, as the MSEL asks.
  const detail = await selectAlert(page, kerrow);
  await call.getByRole('button', { name: `Link to ${kerrow}` }).click();
  await expect(call).toContainText(`Linked to ${kerrow}`);
  await expect(call).toHaveAttribute('data-unread', 'false');
  await expect(call.getByRole('button', { name: `Link to ${kerrow}` })).toBeDisabled();
  const linked = detail.getByTestId('linked-messages');
  await expect(linked).toContainText('Messages (1)');
  await expect(linked).toContainText('reports the shelling of Kerrow');

  // The controller's live inject: confirmed, and at the top of Messages, unread.
  const controller = page.getByRole('region', { name: 'Controller' });
  await controller.getByText('Inject an event…').click();
  const words = 'Hotline call: Party B asks for the Kerrow meeting to start at 09:00.';
  await controller.getByLabel('Inject (what the players hear)').fill(words);
  await controller.getByRole('button', { name: 'Inject event' }).click();
  await expect(controller.getByTestId('inject-confirmation')).toContainText(words);
  const newest = messages.locator('[data-message-id]').first();
  await expect(newest).toContainText(words);
  await expect(newest).toHaveAttribute('data-unread', 'true');
  await expect(newest).toContainText('Live inject');

  await search.fill('');
  await shots(page, 'messages-linked');
  // Folded, Messages keep their unread count in view and give the queue its rows back.
  const toggle = messages.getByRole('button', { name: /Messages/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(messages.getByTestId('messages-count')).toContainText(/\d+ unread/);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/messages-folded-1280x800.png` });
  await page.setViewportSize({ width: 1600, height: 900 });

  // The link is in the log, with both ids.
  await goToScreen(page, 'Log');
  await page.getByLabel('Kind', { exact: true }).selectOption('message-linked');
  await expect(page.getByTestId('log-table')).toContainText(
    `Message MSEL-003 linked to alert ${kerrow}`,
    SLOW,
  );
  await page.getByLabel('Kind', { exact: true }).selectOption('inject');
  await expect(page.getByTestId('log-table')).toContainText(`: ${words}`);

  // Opened on a short window (1280×800), the controller's console starts with
  // the SimCell, Reports and Messages folded, and the rows are tighter: the
  // queue shows at least four whole rows (it showed two and a half before).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Console' })
    .click();
  await expect(page.getByTestId('console')).toBeVisible(SLOW);
  for (const toggle of ['SimCell — the parties', 'Reports', 'Messages']) {
    await expect(page.getByRole('button', { name: `▸ ${toggle}`, exact: true })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  }
  await expect(page.getByTestId('simcell-count')).toContainText(/\d+ waiting/);
  const whole = await page.locator('.alert-queue-scroll').evaluate((list) => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('.alert-row')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
  await page.screenshot({ path: `${SHOTS}/controller-queue-1280x800.png` });
  expect(whole, 'whole queue rows at 1280×800').toBeGreaterThanOrEqual(4);
  // The rows follow the window: their full height again at 1600×900.
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect
    .poll(() =>
      page
        .locator('.alert-row')
        .first()
        .evaluate((r) => (r as HTMLElement).offsetHeight),
    )
    .toBe(74);
  await page.screenshot({ path: `${SHOTS}/controller-queue-1600x900.png` });
  // So do the panels: open on the taller window (Reports stays folded below
  // 1000 px), folded again on the short one, and a hand-opened one stays open there.
  const panelToggle = (name: string) =>
    page.getByRole('button', { name: new RegExp(`^[▸▾] ${name}$`) });
  await expect(panelToggle('SimCell — the parties')).toHaveAttribute('aria-expanded', 'true');
  await expect(panelToggle('Messages')).toHaveAttribute('aria-expanded', 'true');
  await expect(panelToggle('Reports')).toHaveAttribute('aria-expanded', 'false');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(panelToggle('SimCell — the parties')).toHaveAttribute('aria-expanded', 'false');
  await panelToggle('Messages').click();
  await expect(panelToggle('Messages')).toHaveAttribute('aria-expanded', 'true');
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(panelToggle('Messages')).toHaveAttribute('aria-expanded', 'true');
  await expect(panelToggle('SimCell — the parties')).toHaveAttribute('aria-expanded', 'false');
});
