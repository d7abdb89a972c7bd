// The whole exercise as a new user lives it, in Chromium against the built app:
// start the sample from the Library, play, work the top alerts through the
// protocol to closure, let a deadline breach, reload and find everything as it
// was, export the signed log and the CSV, and check at every step that the app
// and the `truceline` CLI (run on the very files the browser downloaded) agree:
// verify OK with the key id the app shows, the same TAMPERED seq for an edited
// copy, the same report figures. And the reverse: a CLI-made log opens OK.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { LOG_CSV_COLUMNS, type ExportBundle } from '../../shared/audit';
import { downloadVia, openLogInAudit, runTruceline } from './support/cli-and-files';
import { expectReportMatchesCli, exportSignedLog, type ExportedLog } from './support/exported-log';
import {
  ackParty,
  acknowledgeAlert,
  alertTotal,
  alertRow,
  clockEpoch,
  expectExerciseBanners,
  expectRankOrder,
  goToScreen,
  openStartDialog,
  partiesAsked,
  pauseIfPlaying,
  play,
  queueRows,
  selectAlert,
  SLOW,
  startProtocolIfNeeded,
  stepHistory,
  submitStartDialog,
  takeAction,
  untilCriticalPauses,
  walkToClosure,
} from './support/console-flow';

const SAMPLE = 'quick-demo';
const TRAINEE = 'Walkthrough Trainee';
const HOW = 'hotline, duty officer';

/** What the console shows of one alert, to compare before and after a reload. */
async function alertState(page: Page, alertId: string) {
  const detail = await selectAlert(page, alertId);
  const step = detail.locator('.protocol-step');
  return {
    closed: await detail.getByTestId('protocol-closed').isVisible(),
    step: (await step.isVisible()) ? await step.getAttribute('data-step-id') : null,
    deadline: (await step.isVisible())
      ? await step.locator('[data-deadline-state]').getAttribute('data-deadline-state')
      : null,
    acks: (await step.isVisible()) ? await step.locator('.party-ack').allTextContents() : [],
    history: await stepHistory(detail),
    acknowledged: await detail.getByText('Alert acknowledged').isVisible(),
  };
}

test('a whole exercise in the app, from the Library to the report, agrees with the CLI', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-walkthrough-'));

  await test.step('start the sample from the Library with a name and a role', async () => {
    const dialog = await openStartDialog(page, SAMPLE);
    await expect(dialog.getByTestId('briefing')).not.toBeEmpty();
    await submitStartDialog(dialog, TRAINEE, 'Operator', 1);
    await expectExerciseBanners(page);
    await expect(page.getByTestId('console-classification')).toContainText('EXERCISE');
    await expect(page.getByRole('banner').filter({ hasText: TRAINEE })).toBeVisible();
  });

  await test.step('play at 300× until a critical alert opens: the queue is in rank order', async () => {
    await play(page, 300);
    // Ranked as they come: a snapshot of the queue while the clock runs.
    await expect.poll(() => alertTotal(page), SLOW).toBeGreaterThanOrEqual(3);
    expectRankOrder(await queueRows(page));
    const critical = await untilCriticalPauses(page);
    const rows = await queueRows(page);
    expectRankOrder(rows);
    expect(rows[0]!.id, 'the critical alert leads the queue').toBe(critical);
  });

  const top = (await queueRows(page))[0]!.id;
  const breached = page.locator('[data-alert-id]').filter({
    has: page.locator('[data-deadline-state="breached"]'),
  });

  let late = '';
  await test.step('a deadline nobody acted on has run out and is marked breached', async () => {
    // At 300× a 10-min triage deadline runs out in 2 s: the alerts opened before the
    // critical one entered triage, and nobody acted.
    await expect(breached.first(), 'an alert whose deadline ran out while playing').toBeVisible();
    const ids = await breached.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-alert-id')),
    );
    late = ids.find((id) => id !== top) ?? '';
    expect(late, `a breached alert besides the top one (breached: ${ids.join(', ')})`).not.toBe('');
    // The row says it in short ("breached 2 h ago"); the step's countdown in full.
    await expect(alertRow(page, late)).toContainText(/breached (just now|\d+ (min|h|d) ago)/);
    const detail = await selectAlert(page, late);
    const countdown = detail.locator('.protocol-step [data-deadline-state]');
    await expect(countdown).toHaveAttribute('data-deadline-state', 'breached');
    await expect(countdown).toContainText('BREACHED');
  });

  const visited: string[][] = [];
  await test.step('work the top alert and the late one through the protocol to closure', async () => {
    for (const id of [top, late]) {
      const detail = await selectAlert(page, id);
      const path = await walkToClosure(detail, HOW);
      console.log(`protocol path of ${id}: ${path.join(' → ')} → close`);
      visited.push(path);
      await expect(detail.locator('.step-history li').last()).toContainText('Closed');
      // A closed alert leaves the default queue (the count line's toggle shows it again).
      await expect(alertRow(page, id)).toHaveCount(0);
    }
    // Between them the two walks cover triage, verify, notify with acks and resolve.
    for (const step of ['triage', 'verify', 'notify', 'resolve']) {
      expect(visited.flat(), `a walk went through ${step}`).toContain(step);
    }
  });

  let pending = '';
  let firstParty = '';
  await test.step('a third alert is escalated and only one party has acknowledged so far', async () => {
    const rows = await queueRows(page);
    pending = rows.find((r) => r.id !== top && r.id !== late && !r.step.includes('closed'))!.id;
    const detail = await selectAlert(page, pending);
    await acknowledgeAlert(detail);
    await startProtocolIfNeeded(detail);
    const step = detail.locator('.protocol-step');
    if ((await step.getAttribute('data-step-id')) === 'triage') {
      await takeAction(detail, 'Escalate now');
    }
    await expect(step).toHaveAttribute('data-step-id', 'notify');
    const parties = await partiesAsked(step);
    expect(parties.length).toBeGreaterThan(1);
    firstParty = parties[0]!;
    await ackParty(step, firstParty, HOW);
    await expect(step.getByRole('checkbox', { name: parties[1]! })).not.toBeChecked();
  });

  await test.step('reload the page: alerts, steps, acknowledgements and clock are as they were', async () => {
    await expect(page.getByTestId('play-pause'), 'paused before the reload').toContainText('Play');
    const before = {
      clock: await clockEpoch(page),
      count: await page.getByTestId('alert-count').textContent(),
      rows: await queueRows(page),
      // The two closed alerts left the default queue (counted on its toggle);
      // the open one is compared whole.
      closed: await page.getByRole('button', { name: /^\d+ closed hidden$/ }).textContent(),
      alerts: [await alertState(page, pending)],
    };
    expect(before.closed).toBe('2 closed hidden');
    expect(before.alerts[0]!.acks.join(' ')).toContain(`via ${HOW}`);
    await page.reload();
    // The tab reopens its running exercise by itself once the Library has its scenario again.
    await expect(
      page.getByTestId('console'),
      'the reload reopens the running exercise',
    ).toBeVisible(SLOW);
    await expect(page.getByRole('banner').filter({ hasText: TRAINEE })).toBeVisible();
    await expect(page.getByTestId('alert-count')).toHaveText(before.count!, SLOW);
    expect(await clockEpoch(page)).toBe(before.clock);
    await expect(page.getByTestId('play-pause')).toContainText('Play');
    expect(await queueRows(page)).toEqual(before.rows);
    await expect(page.getByRole('button', { name: /^\d+ closed hidden$/ })).toHaveText(
      before.closed!,
    );
    const after = [await alertState(page, pending)];
    expect(after).toEqual(before.alerts);
    await expectExerciseBanners(page);
  });

  let log!: ExportedLog;
  await test.step('export the signed log and the CSV from the Log screen', async () => {
    await goToScreen(page, 'Log');
    await expectExerciseBanners(page);
    log = await exportSignedLog(page, dir);
    const kinds = new Set(log.bundle.entries.map((e) => e.kind));
    for (const kind of ['ack', 'party-ack', 'protocol-action', 'deadline-breach']) {
      expect(kinds, `the log holds a ${kind} entry`).toContain(kind);
    }
    expect(log.bundle.entries.some((e) => e.actor === TRAINEE)).toBe(true);
    expect(
      log.bundle.entries.some((e) => e.kind === 'deadline-breach' && e.alert_id === late),
      `the breach of ${late} is in the log`,
    ).toBe(true);

    const csvPath = await downloadVia(page, 'Log as CSV…', dir);
    expect(csvPath).toMatch(/\.csv$/);
    const rows = parse(readFileSync(csvPath, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...LOG_CSV_COLUMNS]);
    const body = rows.slice(1);
    // The stored log as it stands: the exported entries, then the export entry.
    expect(body).toHaveLength(log.bundle.entries.length + 1);
    body.forEach((row, i) => {
      expect(row[0]).toContain('EXERCISE');
      const entry = log.bundle.entries[i];
      if (entry) {
        expect([Number(row[1]), row[6], row.at(-1)]).toEqual([entry.seq, entry.kind, entry.hash]);
      } else {
        expect([Number(row[1]), row[6]]).toEqual([log.bundle.head.count + 1, 'export']);
      }
    });
  });

  await test.step('About shows the same signing key id as the export', async () => {
    await page.getByRole('button', { name: 'About' }).click();
    const about = page.getByRole('dialog', { name: 'About Truceline' });
    await expect(about.getByTestId('about-key-id')).toHaveText(log.keyId);
    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();
  });

  let okLine = '';
  await test.step('the CLI verifies the downloaded bundle OK with the key id the app shows', async () => {
    const verified = await runTruceline(['verify', log.path]);
    expect(verified.code, verified.stderr).toBe(0);
    okLine = `OK ${log.bundle.head.count} entries, head ${log.bundle.head.final_hash}, key ${log.keyId}`;
    expect(verified.line).toBe(okLine);
  });

  await test.step('the Audit screen verifies the same file OK with its head hash', async () => {
    await goToScreen(page, 'Audit');
    await openLogInAudit(page, log.path);
    await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK');
    await expect(page.getByTestId('verification-line')).toHaveText(okLine);
    await expectExerciseBanners(page);
  });

  await test.step('an edited copy is TAMPERED at the same seq in the app and the CLI', async () => {
    const tampered = JSON.parse(readFileSync(log.path, 'utf8')) as ExportBundle;
    const victim = tampered.entries.find(
      (e) => e.kind === 'protocol-action' && e.actor === TRAINEE,
    )!;
    expect(victim.data).toHaveProperty('action');
    victim.data = { ...victim.data, action: 'edited-after-export' };
    const tamperedPath = join(dir, 'tampered.truceline-log.json');
    writeFileSync(tamperedPath, JSON.stringify(tampered, null, 2));

    const cli = await runTruceline(['verify', tamperedPath]);
    expect(cli.code).toBe(1);
    expect(cli.line).toMatch(new RegExp(`^TAMPERED seq ${victim.seq}: `));
    await openLogInAudit(page, tamperedPath);
    await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'TAMPERED');
    await expect(page.getByTestId('verification-line')).toHaveText(cli.line);
    await expect(page.getByTestId('verification')).toContainText(`entry ${victim.seq}`);
    const rows = page.getByRole('table', { name: 'Decisions timeline' }).locator('tbody tr');
    await expect(rows.filter({ hasText: 'UNTRUSTED' }).first()).toBeVisible();
  });

  await test.step('the Report screen shows the figures the CLI reports for the same log', async () => {
    await goToScreen(page, 'Report');
    const expected = await expectReportMatchesCli(page, log, `sample-feeds/${SAMPLE}`, 'file');
    // The stored log, with the export entry on top, reports the same figures.
    await expectReportMatchesCli(page, log, `sample-feeds/${SAMPLE}`, 'stored');
    expect(expected.counts.alerts).toBeGreaterThan(2);
    expect(expected.counts.alerts_closed).toBeGreaterThanOrEqual(2);
    expect(expected.counts.deadline_breaches).toBeGreaterThan(0);
    expect(expected.response_times.all.acknowledge.count).toBeGreaterThanOrEqual(3);
  });
});

test('a log made by the CLI opens OK in the Audit screen with the CLI verdict', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-walkthrough-cli-'));
  const log = join(dir, 'x.json');
  const made = await runTruceline(['exercise', `sample-feeds/${SAMPLE}`, '--out', log]);
  expect(made.code, made.stderr).toBe(0);
  const verified = await runTruceline(['verify', log]);
  expect(verified.code, verified.stderr).toBe(0);
  expect(verified.line).toMatch(/^OK \d+ entries, head [0-9a-f]{64}, key [0-9a-f]{16}$/);
  await page.goto('/#/audit');
  await openLogInAudit(page, log);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK');
  await expect(page.getByTestId('verification-line')).toHaveText(verified.line);
  await expect(
    page.getByRole('table', { name: 'Decisions timeline' }).locator('tbody tr').first(),
  ).toBeVisible();
  await expectExerciseBanners(page);

  // Its report in the app, from the file, has the CLI's figures.
  const bundle = JSON.parse(readFileSync(log, 'utf8')) as ExportBundle;
  const keyId = /key ([0-9a-f]{16})$/.exec(verified.line)![1]!;
  await goToScreen(page, 'Report');
  await expectReportMatchesCli(
    page,
    { path: log, bundle, keyId },
    `sample-feeds/${SAMPLE}`,
    'file',
  );
});

test('line-72h played at 3600× for half a day: queue alerts, gravity and certainty match `truceline rank`, the top alert closed, export verified and reported alike', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-walkthrough-72h-'));
  const dialog = await openStartDialog(page, 'line-72h');
  await submitStartDialog(dialog, TRAINEE, 'Operator', 1);
  await expectExerciseBanners(page);

  // Criticals come often on the long line: play through them instead of pausing at each.
  await page.getByLabel('Pause on a new critical alert above 60×').uncheck();
  await play(page, 3600);
  await expect.poll(() => alertTotal(page), { timeout: 240_000 }).toBeGreaterThanOrEqual(150);
  await pauseIfPlaying(page);
  const rows = await queueRows(page);
  expectRankOrder(rows);

  // The same replay in the CLI, to the same exercise instant, opens the same alerts with
  // the same scores. (Not the same order: an alert under the protocol never goes quiet,
  // and the CLI replays without the protocol.)
  const at = new Date(await clockEpoch(page)).toISOString();
  const ranked = await runTruceline(['rank', 'sample-feeds/line-72h', '--at', at, '--json']);
  expect(ranked.code, ranked.stderr).toBe(0);
  const cliRows = JSON.parse(ranked.stdout) as {
    rank: number;
    id: string;
    gravity: number;
    certainty_band: string;
  }[];
  expect(cliRows.length).toBe(await alertTotal(page));
  const cli = new Map(cliRows.map((r) => [r.id, [r.gravity.toFixed(1), r.certainty_band]]));
  expect(rows.map((r) => [r.id, cli.get(r.id)])).toEqual(
    rows.map((r) => [r.id, [r.gravity.toFixed(1), r.certainty]]),
  );

  const detail = await selectAlert(page, rows[0]!.id);
  const path = await walkToClosure(detail, HOW);
  console.log(
    `line-72h at ${at}: ${cliRows.length} alerts; ${rows[0]!.id}: ${path.join(' → ')} → close`,
  );

  await goToScreen(page, 'Log');
  const log = await exportSignedLog(page, dir);
  const verified = await runTruceline(['verify', log.path]);
  expect(verified.code, verified.stderr).toBe(0);
  expect(verified.line).toBe(
    `OK ${log.bundle.head.count} entries, head ${log.bundle.head.final_hash}, key ${log.keyId}`,
  );
  await goToScreen(page, 'Audit');
  await openLogInAudit(page, log.path);
  await expect(page.getByTestId('verification-line')).toHaveText(verified.line);
  await goToScreen(page, 'Report');
  const expected = await expectReportMatchesCli(page, log, 'sample-feeds/line-72h', 'file');
  expect(expected.counts.alerts_closed).toBeGreaterThanOrEqual(1);
});
