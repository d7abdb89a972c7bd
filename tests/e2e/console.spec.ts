// The operator console as a new user meets it: start the sample exercise,
// play, see ranked alerts, work the top alert through the protocol with party
// acknowledgements to closure, let a deadline breach, reload and find
// everything as it was. Its figures (first screen, long tasks at 300x) are
// measured by the bench: tests/bench-browser/console-figures.spec.ts.
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  alertRow,
  clockEpoch,
  expectRankOrder,
  fillStartDialog,
  goToScreen,
  pauseIfPlaying,
  queueRows,
  sampleCard,
  selectAlert,
  startProtocolIfNeeded,
} from './support/console-flow';

const SHOTS = 'out/screenshots';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const PATH: Record<string, string> = {
  triage: 'escalate-now',
  verify: 'confirmed',
  monitor: 'nothing-further',
  notify: 'all-acknowledged',
  'request-explanation': 'satisfactory-reply',
  consult: 'measures-agreed',
  refer: 'referred',
  resolve: 'verified',
};

/** Walks the selected alert through the protocol to closure, as an operator would. */
async function walkToClosure(page: Page, detail: Locator) {
  if (await detail.getByRole('button', { name: 'Start protocol' }).isVisible()) {
    await detail.getByRole('button', { name: 'Start protocol' }).click();
  }
  const visited: string[] = [];
  for (let guard = 0; guard < 12; guard++) {
    if (await detail.getByTestId('protocol-closed').isVisible()) break;
    const stepBox = detail.locator('.protocol-step');
    await expect(stepBox).toBeVisible();
    const step = (await stepBox.getAttribute('data-step-id'))!;
    visited.push(step);
    for (const ack of await detail.locator('.party-ack').all()) {
      const box = ack.getByRole('checkbox');
      if (await box.isChecked()) continue;
      await ack.locator('input.ack-how').fill('hotline, duty officer');
      // A click, not check(): the box shows ticked only once the log entry is committed.
      await box.click();
      await expect(ack.locator('.ack-record')).toContainText('via hotline, duty officer');
    }
    const form = detail.locator(`form[data-action-id="${PATH[step]}"]`);
    for (const field of await form.locator('textarea').all()) {
      await field.fill(`Exercise note for ${step}`);
    }
    await form.locator('button[type=submit]').click();
    await expect(stepBox.or(detail.getByTestId('protocol-closed'))).not.toHaveAttribute(
      'data-step-id',
      step,
    );
  }
  await expect(detail.getByTestId('protocol-closed')).toBeVisible();
  return visited;
}

test('a new operator plays, works the top alert to closure, sees a breach, reloads and resumes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const card = await sampleCard(page);
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  await fillStartDialog(page, 'Operator', 1);
  await expect(page.getByTestId('console-classification')).toContainText('EXERCISE');
  // Controller tools (injects, ground truth) are not on an operator's screen.
  await expect(page.getByRole('region', { name: 'Controller' })).toHaveCount(0);

  // Play: alerts appear, ranked.
  await page.getByTestId('speed').selectOption('300');
  await page.keyboard.press('Space');
  await expect(page.locator('[data-alert-id]').nth(1)).toBeVisible({ timeout: 120_000 });
  await pauseIfPlaying(page);
  const rows = await queueRows(page);
  expectRankOrder(rows);
  // Every row shows its gravity and band, and its certainty band as a chip (in words).
  for (const r of rows) {
    expect(r.gravity, r.id).toBeGreaterThanOrEqual(0);
    expect(r.severity, r.id).not.toBeNull();
    expect(['confirmed', 'probable', 'possible', 'unconfirmed', 'cleared']).toContain(r.certainty);
  }
  const chip = page.locator('[data-alert-id]').first().locator('[data-certainty]');
  await expect(chip.locator('.certainty-long')).toBeVisible();
  await expect(chip.locator('.certainty-long')).toHaveText(
    (await chip.getAttribute('data-certainty'))!,
  );
  await page.screenshot({ path: `${SHOTS}/console.png` });

  // Open the top alert with the keyboard and acknowledge it (A).
  await page.keyboard.press('j');
  const top = page.locator('[data-alert-id]').first();
  const topId = (await top.getAttribute('data-alert-id'))!;
  await expect(top).toHaveAttribute('aria-selected', 'true');
  const detail = page.locator('.alert-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toBeVisible();
  await page.keyboard.press('a');
  await expect(detail.getByText('Alert acknowledged')).toBeVisible();
  await expect(page.getByTestId('map-selected-alert')).toBeVisible();

  const visited = await walkToClosure(page, detail);
  console.log(`protocol path of ${topId}: ${visited.join(' → ')} → close`);
  await expect(detail.locator('.step-history li').last()).toContainText('Closed');
  await page.screenshot({ path: `${SHOTS}/console-closed.png` });

  // Another alert enters the protocol and its deadline is let run out.
  const second = page.locator(`[data-alert-id]:not([data-alert-id="${topId}"])`).first();
  await second.click();
  if (await detail.getByRole('button', { name: 'Start protocol' }).isVisible()) {
    await detail.getByRole('button', { name: 'Start protocol' }).click();
  }
  await expect(detail.locator('.protocol-step')).toBeVisible();
  const countdown = detail.locator('.protocol-step [data-deadline-state]');
  await page.getByTestId('speed').selectOption('60');
  await page.getByTestId('play-pause').click();
  await expect(countdown).toHaveAttribute('data-deadline-state', 'breached', { timeout: 120_000 });
  await pauseIfPlaying(page);
  await expect(countdown).toContainText('BREACHED');
  await page.screenshot({ path: `${SHOTS}/console-breach.png` });

  // Reload mid-exercise: resume from the Library and find everything as it was.
  const before = {
    clock: await clockEpoch(page),
    rows: await queueRows(page),
    count: await page.getByTestId('alert-count').textContent(),
  };
  await page.reload();
  await page.goto('/#/library');
  const resume = page
    .getByRole('table', { name: 'Exercises' })
    .getByRole('button', { name: 'Resume' });
  await resume.first().click({ timeout: 60_000 });
  await fillStartDialog(page, 'Operator');
  await expect(page.getByTestId('alert-count')).toHaveText(before.count!);
  expect(await clockEpoch(page)).toBe(before.clock);
  expect(await queueRows(page)).toEqual(before.rows);
  // The closed alert is hidden from the queue by default; the count line shows it again.
  await expect(page.locator(`[data-alert-id="${topId}"]`)).toHaveCount(0);
  await page.getByRole('button', { name: /^\d+ closed hidden$/ }).click();
  await page.locator(`[data-alert-id="${topId}"]`).click();
  await expect(detail.getByTestId('protocol-closed')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/console-resumed.png` });

  // The shortcut sheet, from the keyboard.
  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // Laid out for 1920×1080, still usable at 1280×800: the panes stay on screen.
  for (const [width, height] of [
    [1920, 1080],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const pane of ['.alert-queue', '.scenario-map', '.timeline-chart', '.alert-detail']) {
      await expect(page.locator(pane)).toBeInViewport();
    }
    await expect(page.getByTestId('play-pause')).toBeInViewport();
    // Scrolled to its foot (as when an action's input takes focus), the detail
    // still says which alert it is: severity and title, not only id and score.
    await detail.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const heading = detail.getByRole('heading', { level: 2 });
    await expect(heading).toBeInViewport();
    await expect(heading.locator('[data-severity]')).toBeInViewport();
    expect(
      await heading.evaluate(
        (h, panel) => {
          const top = (panel as Element).getBoundingClientRect().top;
          return h.getBoundingClientRect().top >= top;
        },
        await detail.elementHandle(),
      ),
    ).toBe(true);
    await detail.evaluate((el) => (el.scrollTop = 0));
    await page.screenshot({ path: `${SHOTS}/console-${width}x${height}.png` });
  }
});

test('a damaged stored log is refused on resume with a way out, not a blank screen', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const card = await sampleCard(page);
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  await fillStartDialog(page, 'Operator');
  await page.getByTestId('speed').selectOption('3600');
  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(1500);
  await pauseIfPlaying(page);
  await page.reload();

  // Alter one stored entry behind the app's back, as a disk fault or a tamperer would.
  const altered = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('truceline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('log', 'readwrite');
          const store = tx.objectStore('log');
          const all = store.getAll();
          all.onsuccess = () => {
            const rows = all.result as { exercise_id: string; seq: number; actor: string }[];
            const latest = rows.filter((r) => r.exercise_id === rows.at(-1)!.exercise_id);
            const victim = latest.find((r) => r.seq === 2) ?? latest[0]!;
            store.put({ ...victim, actor: 'someone else' });
            tx.oncomplete = () => resolve(`${victim.exercise_id} seq ${victim.seq}`);
          };
        };
      }),
  );
  console.log(`altered ${altered}`);
  await page.goto('/#/library');
  const table = page.getByRole('table', { name: 'Exercises' });
  await table.getByRole('button', { name: 'Resume' }).first().click({ timeout: 60_000 });
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Trainee One');
  await dialog.locator('button[type=submit]').click();
  const failure = page.getByTestId('console-open-failed');
  await expect(failure).toBeVisible({ timeout: 60_000 });
  await expect(failure).toContainText('damaged');
  await expect(failure.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(failure.getByRole('link', { name: 'Library' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/console-damaged-log.png` });
});

test('the controller injects an event (shown as text), reveals ground truth and pauses for a hot wash', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const card = await sampleCard(page);
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  await fillStartDialog(page, 'Controller');
  const panel = page.getByRole('region', { name: 'Controller' });
  await expect(panel).toBeVisible();
  // The tempo rules: pause above 60× when a critical alert opens (the default).
  await panel.getByRole('checkbox', { name: 'a critical alert opens' }).uncheck();

  // Hot wash: the running clock stops and says why it is paused.
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toContainText('Pause');
  await panel.getByRole('button', { name: 'Pause for hot wash' }).click();
  await expect(page.getByTestId('play-pause')).toContainText('Play');
  // Its notes are logged as the controller's notes.
  const notes = panel.getByRole('form', { name: 'Hot-wash notes' });
  await notes.getByLabel(/Hot-wash note/).fill('Operators missed the second hotline call.');
  await notes.getByRole('button', { name: 'Log note' }).click();
  await expect(notes.getByRole('status')).toHaveText('1 note(s) logged');

  // An inject with markup in it is shown verbatim, never as HTML.
  const summary = '<b>Party B liaison</b>: "no firing today" <img src=x onerror=alert(1)>';
  await panel.getByText('Inject an event…').click();
  await panel.getByLabel('Inject (what the players hear)').fill(summary);
  await panel.getByRole('button', { name: 'Inject event' }).click();
  await expect(panel.getByLabel('Inject (what the players hear)')).toHaveValue('');
  await expect(panel.getByTestId('inject-confirmation')).toContainText('Injected and logged');
  // It reads as a message, verbatim, at the top of Messages.
  const message = page.getByTestId('messages').locator('[data-message-id]').first();
  await expect(message.locator('.message-text')).toHaveText(summary);
  expect(await message.locator('.message-text b, .message-text img').count()).toBe(0);
  // Its alert is in the queue only when that source kind is asked for.
  const filter = page.getByRole('search', { name: 'Filter the alert queue' });
  await filter.getByRole('button', { name: /^Filters/ }).click();
  await filter.getByLabel('Source kind').selectOption('inject');
  // The unfolded filters float over the rows: folded again to reach them.
  await filter.getByRole('button', { name: 'Done' }).click();
  const injectRow = page.locator('[data-alert-id]', { hasText: /inject/i }).first();
  await injectRow.click();
  await filter.getByRole('button', { name: /^Filters/ }).click();
  await filter.getByLabel('Source kind').selectOption('');
  await filter.getByRole('button', { name: 'Done' }).click();
  const detail = page.locator('.alert-detail');
  await expect(detail.locator('.event-summary', { hasText: summary })).toBeVisible();
  expect(await detail.locator('.event-summary b, .event-summary img').count()).toBe(0);

  // Play the rest at speed, then find alerts whose events carry ground truth.
  await page.getByTestId('speed').selectOption('3600');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toContainText('Pause');
  // The clock stops by itself at the scenario end.
  await expect(page.getByTestId('play-pause')).toContainText('Play', { timeout: 120_000 });
  const truthToggle = panel.getByLabel('Reveal ground truth');
  let revealed = 0;
  const ids = await page
    .locator('[data-alert-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alert-id')!));
  for (const id of ids.slice(0, 15)) {
    await page.locator(`[data-alert-id="${id}"]`).click();
    await truthToggle.uncheck();
    await expect(detail.getByTestId('ground-truth')).toHaveCount(0);
    await truthToggle.check();
    revealed += await detail.getByTestId('ground-truth').count();
  }
  expect(revealed, 'ground truth shown for the controller once revealed').toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/console-controller.png` });
});

test('the detail explains gravity and certainty factor by factor; an operator links two alerts into an incident and unlinks them, both logged', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const card = await sampleCard(page);
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  await fillStartDialog(page, 'Operator', 1);
  await page.getByTestId('speed').selectOption('300');
  await page.keyboard.press('Space');
  await expect(page.locator('[data-alert-id]').nth(1)).toBeVisible({ timeout: 120_000 });
  await pauseIfPlaying(page);
  const [first, second] = (await queueRows(page)).filter((r) => r.state !== 'closed');
  const primary = first!.id;
  const other = second!.id;

  // Both measures, each with its factors (label and signed points).
  const detail = await selectAlert(page, primary);
  await expect(detail.getByTestId('detail-gravity')).toHaveText(/^\d+\.\d$/);
  await expect(detail.getByTestId('detail-certainty')).toHaveText(/^[01]\.\d\d$/);
  await expect(detail.getByRole('heading', { name: /^Gravity \d/ })).toBeVisible();
  await expect(detail.getByRole('heading', { name: /^Certainty [01]\./ })).toBeVisible();
  for (const name of ['Gravity factors', 'Certainty factors']) {
    const factors = detail.getByRole('list', { name }).locator('.score-factor');
    expect(await factors.count(), name).toBeGreaterThan(0);
    await expect(factors.first().locator('.factor-points')).toHaveText(/^[+-]\d+\.\d$/);
    await expect(factors.first().locator('.factor-label')).not.toBeEmpty();
  }

  // The primary takes a protocol run first, so that the incident follows it.
  await startProtocolIfNeeded(detail);
  const incident = detail.getByTestId('incident-panel');
  await expect(incident).toContainText('Not linked to other alerts.');
  await incident.getByRole('button', { name: 'Link another alert…' }).click();
  await incident.getByTestId('link-candidate').selectOption(other);
  await incident.getByRole('button', { name: 'Link', exact: true }).click();
  const id = `I-${primary}`;
  await expect(incident.getByTestId('incident-summary')).toContainText(id);
  await expect(incident.getByRole('list', { name: `Alerts of incident ${id}` })).toContainText(
    other,
  );
  // Linked alerts are marked together in the queue.
  await expect(alertRow(page, primary)).toHaveAttribute('data-incident', id);
  await expect(alertRow(page, other)).toHaveAttribute('data-incident', id);
  await expect(alertRow(page, other).locator('.alert-incident')).toContainText(id);
  await page.screenshot({ path: `${SHOTS}/console-incident.png` });

  // The other alert leaves the incident, which then ends.
  await selectAlert(page, other);
  await detail.getByRole('button', { name: `Unlink ${other}` }).click();
  await expect(alertRow(page, other)).not.toHaveAttribute('data-incident', id);
  await expect(alertRow(page, primary)).not.toHaveAttribute('data-incident', id);
  await expect(detail.getByTestId('incident-panel')).toContainText('Not linked to other alerts.');

  // Both intents are in the log, summarised; alert openings with both measures.
  await goToScreen(page, 'Log');
  const log = page.getByTestId('log-table');
  const kind = page.getByLabel('Kind', { exact: true });
  await kind.selectOption('link');
  await expect(log).toContainText(`Linked ${other} into incident ${id} of ${primary}`);
  await kind.selectOption('unlink');
  await expect(log).toContainText(`Unlinked on ${other} from incident ${id}`);
  await kind.selectOption('alert-opened');
  await expect(log.locator('.log-summary').first()).toHaveText(
    /^Alert opened on \S+ \(gravity \d+(\.\d)? \w+, certainty [01](\.\d+)? \w+/,
  );
});
