import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { AfterActionReport } from '../../shared/report/after-action-report';
import {
  buildExportBundle,
  generateSigningKey,
  sealBatch,
  signerFromKeyPair,
  type EntryDraft,
  type ExportBundle,
} from '../../shared/audit';

const SHOTS = 'out/screenshots';
const CLI = ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts'];
const dir = mkdtempSync(join(tmpdir(), 'truceline-audit-e2e-'));

const exercise = {
  id: 'ex-audit-e2e',
  title: 'Audit walkthrough',
  classification: 'EXERCISE — E2E',
  scenario_id: 'quick-demo',
  scenario_hash: 'a'.repeat(64),
  scoring_hash: 'b'.repeat(64),
  protocol_hash: 'c'.repeat(64),
  created: '2026-11-26T10:00:00.000Z',
  app_version: '0.1.0',
};

const drafts: EntryDraft[] = [
  {
    exercise_time: '2026-03-01T00:00:00.000Z',
    actor: 'system',
    role: 'system',
    kind: 'exercise-created',
    data: { scenario_id: 'quick-demo' },
  },
  {
    exercise_time: '2026-03-01T01:00:00.000Z',
    actor: 'system',
    role: 'system',
    kind: 'alert-opened',
    alert_id: 'A-e1',
    data: { severity: 'critical', score: 86 },
  },
  {
    exercise_time: '2026-03-01T01:03:00.000Z',
    actor: 'Ana',
    role: 'operator',
    kind: 'ack',
    alert_id: 'A-e1',
    data: {},
  },
  {
    exercise_time: '2026-03-01T01:09:00.000Z',
    actor: 'Ana',
    role: 'operator',
    kind: 'protocol-action',
    alert_id: 'A-e1',
    step_id: 'notify',
    data: { action: 'all-acknowledged' },
  },
  {
    exercise_time: '2026-03-01T02:00:00.000Z',
    actor: 'system',
    role: 'system',
    kind: 'deadline-breach',
    alert_id: 'A-e1',
    step_id: 'request-explanation',
    data: { step: 'request-explanation' },
  },
];

async function writeBundle(name: string, change?: (b: ExportBundle) => void, signed = true) {
  const entries = sealBatch(drafts, null, exercise.id, '2026-11-26T10:00:00.000Z');
  const signer = signed ? await signerFromKeyPair(await generateSigningKey()) : undefined;
  const bundle = await buildExportBundle({ exercise, entries, ...(signer ? { signer } : {}) });
  change?.(bundle);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(bundle, null, 2));
  return { path, bundle };
}

async function openLog(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open exported log…' }).click();
  await (await chooser).setFiles(path);
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('a signed log verifies OK with its head hash and key id, then the decisions are reconstructed', async ({
  page,
}) => {
  const { path, bundle } = await writeBundle('good.json');
  await page.goto('/#/audit');
  await openLog(page, path);
  const verdict = page.getByTestId('verification');
  await expect(verdict).toHaveAttribute('data-status', 'OK');
  await expect(page.getByTestId('verification-line')).toHaveText(
    `OK 5 entries, head ${bundle.head.final_hash}, key ${bundle.signature!.key_id}`,
  );
  await expect(verdict).toContainText('Compare the key id');
  const rows = page.getByRole('table', { name: 'Decisions timeline' }).locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(3)).toContainText('notify');
  await expect(rows.nth(3)).toContainText('Ana');
  await page.screenshot({ path: `${SHOTS}/audit-ok.png`, fullPage: true });
});

test('an edited entry is reported TAMPERED at its position and later entries are marked untrusted', async ({
  page,
}) => {
  const { path } = await writeBundle('edited.json', (b) => {
    b.entries[2]!.actor = 'Someone else';
  });
  await page.goto('/#/audit');
  await openLog(page, path);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'TAMPERED');
  await expect(page.getByTestId('verification-line')).toHaveText(/^TAMPERED seq 3: /);
  await expect(page.getByTestId('verification')).toContainText('entry 3');
  const rows = page.getByRole('table', { name: 'Decisions timeline' }).locator('tbody tr');
  await expect(rows.nth(1)).not.toContainText('UNTRUSTED');
  await expect(rows.nth(2)).toContainText('UNTRUSTED');
  await expect(rows.nth(4)).toContainText('UNTRUSTED');
  await page.screenshot({ path: `${SHOTS}/audit-tampered.png`, fullPage: true });
});

test('an unsigned log says UNSIGNED, and a file that is not a log says INVALID', async ({
  page,
}) => {
  const { path } = await writeBundle('unsigned.json', undefined, false);
  await page.goto('/#/audit');
  await openLog(page, path);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'UNSIGNED');
  await expect(page.getByTestId('verification-line')).toHaveText(
    /^UNSIGNED 5 entries, head [0-9a-f]{64}$/,
  );

  const notLog = join(dir, 'notes.json');
  writeFileSync(notLog, '{"hello": "world"}');
  await openLog(page, notLog);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'INVALID');
  await expect(page.getByTestId('verification-line')).toHaveText(/^INVALID: /);
});

test('a log with a forged first "entries", or bytes that are not UTF-8, says INVALID and where', async ({
  page,
}) => {
  const { path, bundle } = await writeBundle('duplicate.json');
  const forged = JSON.stringify(bundle.entries.slice(0, 2));
  writeFileSync(
    path,
    JSON.stringify(bundle).replace('"entries":', `"entries":${forged},"entries":`),
  );
  await page.goto('/#/audit');
  await openLog(page, path);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'INVALID');
  await expect(page.getByTestId('verification-line')).toHaveText(
    /^INVALID: not I-JSON \(RFC 7493\): line 1, column \d+ at \/entries: duplicate member name "entries"/,
  );
  await expect(page.getByRole('table', { name: 'Decisions timeline' })).toHaveCount(0);

  const latin1 = join(dir, 'latin1.json');
  const bytes = Buffer.from(JSON.stringify({ ...bundle, comment: 'cafe' }, null, 2));
  const at = bytes.lastIndexOf('cafe') + 3;
  bytes[at] = 0xe9;
  writeFileSync(latin1, bytes);
  await openLog(page, latin1);
  await expect(page.getByTestId('verification-line')).toHaveText(
    new RegExp(`^INVALID: not UTF-8 text: byte ${at} \\(line \\d+, column \\d+\\): `),
  );
});

test('a log re-signed with another key fails against the trusted public key', async ({ page }) => {
  const { path } = await writeBundle('resigned.json');
  const trusted = await signerFromKeyPair(await generateSigningKey());
  await page.goto('/#/audit');
  await page.getByLabel('Trusted public key (optional)').fill(trusted.publicKeyBase64);
  await openLog(page, path);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'TAMPERED');
  await expect(page.getByTestId('verification-line')).toHaveText(/^TAMPERED signature: /);
});

test('a trusted key typed or pasted after the log is open re-verifies it at once', async ({
  page,
}) => {
  const { path, bundle } = await writeBundle('rekeyed.json');
  const other = await signerFromKeyPair(await generateSigningKey());
  await page.goto('/#/audit');
  await openLog(page, path);
  const verdict = page.getByTestId('verification');
  await expect(verdict).toHaveAttribute('data-status', 'OK');
  const keyBox = page.getByLabel('Trusted public key (optional)');
  await keyBox.fill(other.publicKeyBase64);
  await expect(verdict).toHaveAttribute('data-status', 'TAMPERED');
  await expect(page.getByTestId('verification-line')).toHaveText(/^TAMPERED signature: /);
  await keyBox.fill(bundle.signature!.public_key);
  await expect(verdict).toHaveAttribute('data-status', 'OK');
  await expect(page.getByTestId('verification-line')).toHaveText(
    `OK 5 entries, head ${bundle.head.final_hash}, key ${bundle.signature!.key_id}`,
  );
  // Emptying the box goes back to checking the log against its own embedded key.
  await keyBox.fill(other.publicKeyBase64);
  await expect(verdict).toHaveAttribute('data-status', 'TAMPERED');
  await keyBox.fill('');
  await expect(verdict).toHaveAttribute('data-status', 'OK');
});

test('an exercise run in the app: the Log checks its chain live, its signed export verifies OK on the Audit screen, and the Report charts it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#/library');
  const card = page.getByTestId('scenario-quick-demo');
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Auditor Test');
  await dialog.locator('button[type=submit]').click();
  await expect(page.getByTestId('console')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('speed').selectOption('3600');
  await page.getByTestId('play-pause').click();
  await expect
    .poll(
      async () =>
        Number((await page.getByTestId('alert-count').textContent())?.match(/\d+/)?.[0] ?? 0),
      {
        timeout: 60_000,
      },
    )
    .toBeGreaterThan(1);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toContainText('Play');

  // Log: the stored chain, checked as it grows.
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Log' })
    .click();
  await expect(page.getByTestId('chain-status')).toContainText('Chain intact');
  const count = page.getByTestId('log-count');
  await expect(count).toContainText(/Showing (\d+) of \1 entries/);
  const total = Number((await count.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(3);
  await page.getByLabel('Kind').selectOption('alert-opened');
  await expect(count).not.toContainText(`Showing ${total} of`);
  const kinds = await page
    .getByTestId('log-table')
    .locator('[role=row] [role=cell]:nth-child(5)')
    .allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['alert-opened']));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  // Time bounds are typed in the table's own form; text that does not read is refused, not applied.
  const from = page.getByLabel(/^From \(exercise time/);
  await from.fill('2026-02-30 10:00');
  await expect(page.getByRole('alert').filter({ hasText: 'Not a date and time' })).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(count).toContainText(`Showing ${total} of ${total} entries`);
  await from.fill('2999-01-01 00:00');
  await expect(count).toContainText(`Showing 0 of ${total} entries`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(from).toHaveValue('');
  await expect(count).toContainText(`Showing ${total} of ${total} entries`);
  // A To bound typed to the minute includes that whole minute (the first alert opens at 09:21:57).
  const to = page.getByLabel(/^To \(exercise time/);
  const table = page.getByTestId('log-table');
  await to.fill('2027-03-09 09:21');
  await expect(table).toContainText('2027-03-09 09:21:57');
  await to.fill('2027-03-09 09:20');
  await expect(table).not.toContainText('2027-03-09 09:21:57');
  await expect(count).not.toContainText(`Showing ${total} of`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(to).toHaveValue('');
  await from.fill('tomorrow');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(from).toHaveValue('');
  await expect(from).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Verify now' }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK');
  await page.screenshot({ path: `${SHOTS}/log.png` });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export signed log (JSON)…' }).click();
  const exported = join(dir, 'exported.json');
  await (await download).saveAs(exported);
  const bundle = JSON.parse(readFileSync(exported, 'utf8')) as ExportBundle;
  expect(bundle.exercise.classification).toBe('EXERCISE EXERCISE EXERCISE — NOTIONAL');
  // The export is itself logged, and the live view picks the new entry up.
  await expect(page.locator('.log-notice')).toContainText('Recorded in the log as an export entry');
  expect(bundle.head.count).toBe(total);
  await expect(count).toContainText(`of ${total + 1} entries`);
  await expect(page.getByTestId('chain-status')).toContainText(
    `Chain intact: ${total + 1} entries`,
  );

  // Audit: the exported file verifies exactly as the CLI would.
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Audit' })
    .click();
  await openLog(page, exported);
  await expect(page.getByTestId('verification-line')).toHaveText(
    `OK ${bundle.head.count} entries, head ${bundle.head.final_hash}, key ${bundle.signature!.key_id}`,
  );
  // The installation's public key, as About shows and copies it, is the trusted key that
  // verifies this export (and what an auditor passes to `truceline verify --public-key`).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('dialog', { name: 'About Truceline' });
  const shownKey = (await about.getByTestId('about-public-key').textContent())!;
  expect(shownKey).toBe(bundle.signature!.public_key);
  await expect(about.getByTestId('about-key-id')).toHaveText(bundle.signature!.key_id);
  await about.getByRole('button', { name: 'Copy public key' }).click();
  await expect(about.getByRole('status')).toHaveText('Copied.');
  await page.keyboard.press('Escape');
  const keyBox = page.getByLabel('Trusted public key (optional)');
  await keyBox.fill('');
  await keyBox.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(keyBox).toHaveValue(shownKey);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK');
  await expect(page.getByTestId('verification-line')).toHaveText(
    `OK ${bundle.head.count} entries, head ${bundle.head.final_hash}, key ${bundle.signature!.key_id}`,
  );
  const otherKey = (await signerFromKeyPair(await generateSigningKey())).publicKeyBase64;
  await keyBox.fill(otherKey);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'TAMPERED');
  await keyBox.fill('');

  // Report: built from the stored log and the scenario's ground truth.
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Report' })
    .click();
  await page.getByRole('button', { name: 'Build report' }).click();
  await expect(page.getByTestId('report-classification')).toHaveText(
    'EXERCISE EXERCISE EXERCISE — NOTIONAL',
  );
  await expect(page.getByTestId('report-key-id')).toHaveText(bundle.signature!.key_id);
  await expect(page.locator('.report-chart .recharts-wrapper')).toHaveCount(2);
  const alertsTile = page.getByRole('region', { name: 'Totals' }).locator('.report-tile').first();
  await expect(alertsTile).toContainText('Alerts');
  expect(Number(await alertsTile.locator('.report-tile-value').textContent())).toBeGreaterThan(1);
  // Exercise times in the scenario's zone, as on the Log screen (quick-demo starts 09:00 local, UTC−8).
  const metadata = page.getByRole('definition').filter({ hasText: 'exercise time' });
  await expect(metadata).toContainText('2027-03-09 09:00:00');
  await expect(metadata).toContainText('(exercise time, Etc/GMT+8)');
  await page.screenshot({ path: `${SHOTS}/report.png` });
  // The same report from the exported file (what an auditor holds), and none from a tampered copy.
  const reportFromFile = async (path: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Report on an exported log…' }).click();
    await (await chooser).setFiles(path);
  };
  await reportFromFile(exported);
  await expect(page.getByTestId('report-key-id')).toHaveText(bundle.signature!.key_id);
  await expect(page.getByRole('article', { name: 'After-action report' })).toContainText(
    `${bundle.head.count} entries, head ${bundle.head.final_hash.slice(0, 16)}`,
  );
  await expect(metadata).toContainText('(exercise time, Etc/GMT+8)');
  const tampered = join(dir, 'exported-tampered.json');
  const edited = structuredClone(bundle);
  edited.entries[1]!.actor = 'Someone else';
  writeFileSync(tampered, JSON.stringify(edited));
  await reportFromFile(tampered);
  await expect(page.getByRole('alert')).toContainText('TAMPERED seq 2');
  await reportFromFile(exported);
  await expect(page.getByTestId('report-key-id')).toHaveText(bundle.signature!.key_id);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
});

test('a headless exercise log from the CLI is verified and reported with the same figures as the CLI', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const logPath = join(dir, 'quick-demo-auto.json');
  execFileSync(
    process.execPath,
    [
      'shared/node/run-ts.mjs',
      'shared/node/cli/main.ts',
      'exercise',
      'sample-feeds/quick-demo',
      '--out',
      logPath,
      '--policy',
      'auto',
    ],
    { stdio: 'pipe' },
  );
  const bundle = JSON.parse(readFileSync(logPath, 'utf8')) as ExportBundle;
  // The CLI's own report of the same log: the figures the screen must show.
  const expectedReport = JSON.parse(
    execFileSync(
      process.execPath,
      [...CLI, 'report', logPath, '--scenario', 'sample-feeds/quick-demo', '--format', 'json'],
      { encoding: 'utf8' },
    ),
  ) as AfterActionReport;

  await page.goto('/#/audit');
  await openLog(page, logPath);
  await expect(page.getByTestId('verification-line')).toHaveText(
    `OK ${bundle.head.count} entries, head ${bundle.head.final_hash}, key ${bundle.signature!.key_id}`,
  );
  await page.screenshot({ path: `${SHOTS}/audit-cli-log.png` });

  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Report' })
    .click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Report on an exported log…' }).click();
  await (await chooser).setFiles(logPath);
  const tiles = page.getByRole('region', { name: 'Totals' });
  await expect(tiles).toBeVisible({ timeout: 60_000 });
  const shown = Object.fromEntries(
    await tiles
      .locator('.report-tile')
      .evaluateAll((nodes) =>
        nodes.map((n) => [
          n.querySelector('.report-tile-label')!.textContent!,
          Number(n.querySelector('.report-tile-value')!.textContent),
        ]),
      ),
  );
  const o = expectedReport.outcomes;
  expect(shown).toEqual({
    Alerts: expectedReport.counts.alerts,
    'In the protocol': expectedReport.counts.alerts_in_protocol,
    Closed: expectedReport.counts.alerts_closed,
    'Deadline breaches': expectedReport.counts.deadline_breaches,
    'False alarms closed correctly': o.false_alarms_closed_correctly,
    'False alarms escalated': o.false_alarms_escalated,
    'Violations escalated': o.violations_escalated,
    // Shown only when a version-2 operator recorded any.
    ...(o.violations_recorded > 0 ? { 'Violations recorded': o.violations_recorded } : {}),
    ...(o.false_alarms_recorded > 0 ? { 'False alarms recorded': o.false_alarms_recorded } : {}),
    'Violations missed': o.violations_missed,
  });
  // Only alerts with ground truth are listed, as in the CLI's report.
  await expect(page.getByRole('table', { name: 'Alert outcomes' }).locator('tbody tr')).toHaveCount(
    o.alerts.filter((a) => a.truth !== 'unknown').length,
  );
  await expect(page.getByRole('table', { name: 'Key decisions' }).locator('tbody tr')).toHaveCount(
    expectedReport.timeline.length,
  );
  await page.setViewportSize({ width: 1600, height: 2600 });
  await page.screenshot({ path: `${SHOTS}/report-cli-log.png` });
});
