// One incident of the line-72h sample worked under protocol format version 2
// (the default for a new exercise), in the browser on the real IndexedDB: the
// operator confirms it and calls the parties on the hotline; the controller's
// SimCell makes the parties' moves — a meeting request that opens the
// consultation, a denial in reply to the request for explanation, attendance
// and acceptance of the measures — while the operator's page offers no
// control for a party's move and says where it comes from. The operator closes
// with findings; the signed log exported verifies in the Audit screen, and the
// Report shows the findings.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openLogInAudit, runTruceline } from './support/cli-and-files';
import {
  SLOW,
  goToScreen,
  resumeLatest,
  openStartDialog,
  pauseIfPlaying,
  selectAlert,
  submitStartDialog,
} from './support/console-flow';
import { exportSignedLog } from './support/exported-log';
import { SHOTS, shots } from './support/screenshots';
import { act, track } from './support/run-tracks';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const OPERATOR = 'Duty Officer Ana';
const CONTROLLER = 'Control Cell Ben';
const PARTY_A = 'Republic of Lanvera (Party A)';
const PARTY_B = 'Republic of Dorsena (Party B)';

/** The SimCell's block of one party. */
function party(page: Page, name: string): Locator {
  return page.locator('.simcell-party', { has: page.getByRole('heading', { name }) });
}

test('an operator and the controller’s SimCell work one incident through hotline, denial, meeting request, consultation and measures; the log verifies and the report shows the findings', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-consultation-v2-'));
  let alertId = '';

  await test.step('the operator starts line-72h (protocol version 2 by default) and triages the first incident into verification', async () => {
    const dialog = await openStartDialog(page, 'line-72h');
    await expect(
      dialog.getByRole('group', { name: 'Escalation protocol' }).getByRole('radio', {
        name: /^Version 2/,
      }),
    ).toBeChecked();
    await submitStartDialog(dialog, OPERATOR, 'Operator');
    await page.getByTestId('speed').selectOption('3600');
    await page.getByTestId('play-pause').click();
    const inProtocol = page.locator('[data-alert-id]').filter({
      has: page.locator('.alert-step', { hasText: /Triage|Escalat|Task/ }),
    });
    await expect(inProtocol.first()).toBeVisible({ timeout: 120_000 });
    await pauseIfPlaying(page);
    alertId = (await inProtocol.first().getAttribute('data-alert-id'))!;
    const detail = await selectAlert(page, alertId);
    const walkthrough = detail.getByRole('region', { name: 'Protocol walkthrough' });
    await expect(walkthrough).toHaveAttribute('data-format', '2');
    await detail.getByRole('button', { name: 'Acknowledge alert (A)' }).click();
    await expect(detail.getByText('Alert acknowledged')).toBeVisible();
    const triage = track(detail, 'triage');
    await expect(triage).toBeVisible();
    const step = await triage.getAttribute('data-step-id');
    if (step === 'triage') await act(detail, 'triage', 'Start verification');
    await expect(track(detail, 'verify')).toHaveAttribute('data-step-id', 'task-sensors');
    // A party's meeting request is offered in this step, but not to the operator: the reason shows.
    await expect(track(detail, 'verify').getByTestId('acts-elsewhere')).toContainText('SimCell');
    await expect(track(detail, 'verify').getByRole('button', { name: /meeting/i })).toHaveCount(0);
  });

  await test.step('the controller’s SimCell: Party A requests a meeting, which opens the consultation', async () => {
    await resumeLatest(page, 'Controller', CONTROLLER);
    const simcell = page.getByRole('region', { name: 'SimCell — the parties' });
    await expect(simcell).toBeVisible(SLOW);
    const a = party(page, PARTY_A);
    await expect(a).toContainText('played by the script');
    const initiatives = a.locator('details.simcell-initiatives');
    await initiatives.locator('summary').click();
    const request = initiatives.locator(`li[data-run-alert="${alertId}"][data-track="verify"]`);
    await request.getByRole('button', { name: 'Change…' }).click();
    const form = request.getByRole('form', { name: `Change ${PARTY_A}'s response` });
    await form.getByLabel('Response').selectOption('meeting-request');
    await form.getByRole('button', { name: `Send as ${PARTY_A}` }).click();
    await expect(a.getByTestId('taken-over')).toContainText(CONTROLLER);
    const detail = await selectAlert(page, alertId);
    await expect(track(detail, 'consultation')).toHaveAttribute(
      'data-step-id',
      'convene-on-request',
    );
    await shots(page, 'v2-simcell');
  });

  await test.step('the operator confirms: hotline, explanation and reporting open beside the consultation; the hotline is worked', async () => {
    await resumeLatest(page, 'Operator', OPERATOR);
    const detail = await selectAlert(page, alertId);
    await expect(page.getByRole('region', { name: 'SimCell — the parties' })).toHaveCount(0);
    await act(detail, 'verify', 'Confirmed');
    for (const id of ['hotline', 'explanation', 'consultation', 'reporting']) {
      await expect(track(detail, id)).toHaveAttribute('data-open', 'true');
    }
    // The meeting request opened the consultation once; confirming did not convene a second one.
    await expect(track(detail, 'consultation')).toHaveAttribute(
      'data-step-id',
      'convene-on-request',
    );
    await shots(page, 'v2-walkthrough');
    // Side by side with their countdowns in the detail column, at 1280 px too.
    for (const [width, height] of [
      [1600, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      const boxes = await detail
        .locator('section.run-track[data-open="true"]')
        .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes.length, `${width}×${height}`).toBeGreaterThanOrEqual(2);
      expect(boxes[1]!.top, `${width}×${height}: the second track beside the first`).toBe(
        boxes[0]!.top,
      );
      expect(boxes[1]!.left).toBeGreaterThan(boxes[0]!.right);
    }
    await page.setViewportSize({ width: 1600, height: 900 });
    const hotline = track(detail, 'hotline');
    const acks = hotline.getByRole('group', { name: 'Party acknowledgements' });
    for (const name of [PARTY_A, PARTY_B]) {
      const box = acks.getByRole('checkbox', { name });
      if (await box.isChecked()) continue;
      await acks.getByRole('textbox', { name: `How ${name} acknowledged` }).fill('hotline');
      await box.click();
      await expect(box).toBeChecked();
    }
    await act(detail, 'hotline', 'All parties acknowledged');
    await expect(hotline).toHaveAttribute('data-step-id', 'stop-fire-call');
    await act(
      detail,
      'explanation',
      'Request sent',
      { 'Evidence relied on': 'gnd reports' },
      {
        Party: 'B',
      },
    );
    await expect(track(detail, 'explanation')).toHaveAttribute('data-step-id', 'await-reply');
    // The reply is Party B's: no control here, and the reason in its place.
    const explanation = track(detail, 'explanation');
    await expect(explanation.getByRole('button', { name: /reply/i })).toHaveCount(0);
    await expect(explanation.getByTestId('acts-elsewhere')).toContainText('SimCell');
  });

  await test.step('the operator writes the spot report from the Reports panel: prefilled from the log, edited, saved, printable', async () => {
    const reports = page.getByTestId('reports');
    // Folded below a full-HD window, its counts in view: one click unfolds it.
    await expect(reports.getByTestId('reports-count')).toContainText('to write');
    const toggle = reports.getByRole('button', { name: /Reports/ });
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    const spot = reports.locator(`li[data-product="spot-report"][data-product-alert="${alertId}"]`);
    await expect(spot).toHaveAttribute('data-state', /^(due|warning|breached)$/);
    await expect(spot.locator('[data-deadline-state]')).toBeVisible();
    await shots(page, 'v2-reports-panel');
    await expect(spot.getByRole('button', { name: 'Write…' })).toBeVisible();
    // The reporting track's step is passed by writing the product, never by a
    // summary of its own: its control opens the same editor.
    const reporting = track(
      page.getByRole('region', { name: 'Protocol walkthrough' }),
      'reporting',
    );
    await expect(reporting.getByRole('button', { name: 'Spot report sent' })).toHaveCount(0);
    await reporting.getByRole('button', { name: 'Write the spot report' }).click();
    const editor = page.getByRole('form', { name: 'Write the spot report' });
    const text = editor.getByRole('textbox', { name: 'Text of the spot report' });
    // Prefilled from the log: the incident and the reports it rests on.
    await expect(text).toHaveValue(new RegExp(`^SPOT REPORT — .*\\(alert ${alertId}\\)`));
    await expect(text).toHaveValue(/Sources \(\d+\):/);
    await text.press('End');
    await text.press('Control+End');
    await text.pressSequentially('\nDuty officer: casualties not yet confirmed.');
    await shots(page, 'v2-report-editor');
    await editor.getByRole('button', { name: 'Save spot report to the log' }).click();
    const sheet = page.getByRole('article', { name: 'Spot report (printable)' }).first();
    await expect(sheet).toContainText('casualties not yet confirmed');
    await expect(sheet.getByTestId('product-marking').first()).toContainText('EXERCISE');
    // Printed, the sheet alone goes to paper, marked EXERCISE.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/v2-report-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Close dialog' }).click();
    await expect(spot).toHaveAttribute('data-state', /^(met|late)$/);
    await expect(reporting).toHaveAttribute('data-step-id', 'daily-report');
  });

  await test.step('the controller’s SimCell sends Party B’s scripted denial now', async () => {
    await resumeLatest(page, 'Controller', CONTROLLER);
    const b = party(page, PARTY_B);
    const request = b.locator(`li[data-run-alert="${alertId}"][data-track="explanation"]`);
    await expect(request.getByTestId('scripted-response')).toContainText('reply (denies)');
    await request.getByRole('button', { name: 'Send scripted response now' }).click();
    await expect(b.getByTestId('taken-over')).toContainText(CONTROLLER);
    const detail = await selectAlert(page, alertId);
    const explanation = track(detail, 'explanation');
    await expect(explanation).toHaveAttribute('data-step-id', 'assess-reply');
  });

  await test.step('the operator assesses the denial (no false "no reply") and opens the meeting', async () => {
    await resumeLatest(page, 'Operator', OPERATOR);
    const detail = await selectAlert(page, alertId);
    const explanation = track(detail, 'explanation');
    await explanation.locator('details.run-history summary').click();
    await expect(explanation.locator('.step-history')).not.toContainText('missing reply');
    await act(detail, 'explanation', 'Unresolved: to the consultation', {
      Rationale: 'Party B denies; the ground reports show the fire came from its side.',
    });
    await expect(explanation).toHaveAttribute('data-open', 'false');
    await act(detail, 'consultation', 'Meeting in session', {
      Summary: 'Joint commission in session at the request of Party A.',
    });
    await expect(track(detail, 'consultation')).toHaveAttribute('data-step-id', 'meeting');
    // "Measures agreed" waits for every party's acceptance.
    await expect(
      track(detail, 'consultation').locator('form[data-action-id="measures-agreed"]'),
    ).toContainText('waiting for "accept-measures"');
  });

  await test.step('the controller’s SimCell: both parties attend and accept the measures', async () => {
    await resumeLatest(page, 'Controller', CONTROLLER);
    for (const name of [PARTY_A, PARTY_B]) {
      const request = party(page, name).locator(
        `li[data-run-alert="${alertId}"][data-track="consultation"]`,
      );
      for (const move of ['attend', 'accept measures']) {
        await expect(request.getByTestId('scripted-response')).toContainText(move);
        await request.getByRole('button', { name: 'Send scripted response now' }).click();
        await expect(request.getByTestId('scripted-response')).not.toContainText(
          new RegExp(`^Script: ${move}`),
        );
      }
    }
    const detail = await selectAlert(page, alertId);
    await expect(track(detail, 'consultation').locator('.run-moves li')).toHaveCount(4);
  });

  await test.step('the operator agrees the measures, verifies them and closes with findings', async () => {
    await resumeLatest(page, 'Operator', OPERATOR);
    const detail = await selectAlert(page, alertId);
    await act(detail, 'consultation', 'Measures agreed', {
      Measures: 'Party B withdraws its mortars beyond the exclusion zone within 24 hours.',
    });
    await expect(track(detail, 'resolution')).toHaveAttribute('data-step-id', 'verify-measures');
    await act(
      detail,
      'resolution',
      'Measures verified',
      {
        'Evidence relied on': 'the ground reports and the joint patrol',
        Summary: 'Withdrawal verified by a joint patrol.',
      },
      { Attribution: 'B', Intent: 'deliberate', Outcome: 'violation-recorded' },
    );
    const findings = detail.getByTestId('run-findings');
    await expect(findings).toContainText('violation-recorded');
    await expect(findings).toContainText('deliberate');
  });

  let exported!: Awaited<ReturnType<typeof exportSignedLog>>;
  await test.step('the signed log exports, and the Audit screen verifies it OK', async () => {
    await goToScreen(page, 'Log');
    exported = await exportSignedLog(page, dir);
    const kinds = new Set(exported.bundle.entries.map((e) => e.kind));
    for (const kind of ['party-move', 'party-take-over', 'party-ack', 'protocol-action']) {
      expect(kinds, `the log holds a ${kind} entry`).toContain(kind);
    }
    // Every party move is logged in the party's role, by the controller who played it.
    const moves = exported.bundle.entries.filter((e) => e.kind === 'party-move');
    expect(moves.length).toBeGreaterThanOrEqual(6);
    for (const e of moves) expect([e.role, e.actor]).toEqual(['party', CONTROLLER]);
    // The operator's spot report is in the signed log, as edited.
    const spot = exported.bundle.entries.find(
      (e) => e.kind === 'report-product' && e.alert_id === alertId,
    );
    expect(spot?.role).toBe('operator');
    expect(spot?.actor).toBe(OPERATOR);
    expect(spot?.data).toMatchObject({ product: 'spot-report', track: 'reporting' });
    expect((spot?.data as { text: string }).text).toMatch(/casualties not yet confirmed\.$/);
    await goToScreen(page, 'Audit');
    await openLogInAudit(page, exported.path);
    await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK');
    const verified = await runTruceline(['verify', exported.path]);
    expect(verified.code, verified.stderr).toBe(0);
  });

  await test.step('the Report shows the incident’s findings', async () => {
    await goToScreen(page, 'Report');
    await page.getByRole('button', { name: 'Build report' }).click();
    await expect(page.getByRole('heading', { name: 'Strengths' })).toBeVisible(SLOW);
    // Alerts with ground truth are judged in "Alert outcomes"; the others are
    // one click away, with their handling and findings.
    const unjudged = page.locator('.report-unjudged > summary');
    if ((await unjudged.count()) > 0) await unjudged.click();
    const row = page
      .getByRole('table', { name: /^(Alert outcomes|Alerts without ground truth)$/ })
      .locator('tr', { hasText: alertId });
    await expect(row.getByTestId('outcome-findings')).toContainText(
      'attribution B · deliberate · violation-recorded',
    );
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/v2-report-findings.png` });
  });
});
