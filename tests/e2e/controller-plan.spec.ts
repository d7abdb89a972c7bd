// The controller's plan on the 72-hour sample: an inject held is not
// delivered when the clock passes it and arrives as a message once released;
// one moved arrives at its new time; one delivered now arrives at once. The
// Log screen lists each control, and the exported log verifies with the CLI.
// The plan is photographed at 1600×900 and 1280×800 (out/screenshots).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runTruceline } from './support/cli-and-files';
import { exportSignedLog } from './support/exported-log';
import { shots } from './support/screenshots';
import {
  clockEpoch,
  goToScreen,
  resumeLatest,
  openStartDialog,
  SLOW,
  submitStartDialog,
} from './support/console-flow';

test('the controller holds, releases, moves and delivers MSEL injects; the log records each and verifies', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dialog = await openStartDialog(page, 'line-72h');
  await submitStartDialog(dialog, 'Control One', 'Controller');
  const plan = page.getByTestId('plan-panel');
  await page
    .getByRole('tablist', { name: 'Centre view' })
    .getByRole('tab', { name: 'Exercise plan' })
    .click();
  await expect(plan).toBeVisible();
  await expect(plan).toContainText('EXERCISE');
  const row = (id: string) => plan.getByTestId(`plan-inject-${id}`);
  const messages = page.getByTestId('messages');
  const message = (id: string) => messages.locator(`[data-message-id="${id}"]`);
  // The scenario's clock is local GMT-8: MSEL-001 is scripted for 09:00 on the 8th.
  await expect(row('MSEL-001')).toHaveAttribute('data-status', 'scheduled');
  await expect(row('MSEL-001')).toContainText('08 09:00');
  await expect(row('MSEL-001')).toContainText('Expected: Acknowledge');

  // Held, then the clock skips past its time: not delivered.
  await row('MSEL-001').getByRole('button', { name: 'Hold' }).click();
  await expect(row('MSEL-001')).toHaveAttribute('data-status', 'held');
  const skip = async (text: string) => {
    await plan.getByLabel('Skip to exercise time').fill(text);
    await plan.getByRole('button', { name: 'Skip', exact: true }).click();
    await expect(page.getByTestId('exercise-clock')).toContainText(text.slice(11), SLOW);
  };
  const start = await clockEpoch(page);
  await skip('2027-03-08 10:00');
  await expect.poll(() => clockEpoch(page), SLOW).toBe(start + 7 * 3_600_000);
  await expect(row('MSEL-001')).toHaveAttribute('data-status', 'held');
  await expect(message('MSEL-001')).toHaveCount(0);
  await shots(page, 'plan-held');

  // Released after its time: delivered now, as a message.
  await row('MSEL-001').getByRole('button', { name: 'Release' }).click();
  await expect(row('MSEL-001')).toHaveAttribute('data-status', 'delivered', SLOW);
  await expect(row('MSEL-001')).toContainText('08 10:00');
  await expect(message('MSEL-001')).toContainText('Mission morning report');

  // Moved from 14:40 to 12:00: delivered at 12:00, not before.
  await row('MSEL-002').getByRole('button', { name: 'Move…' }).click();
  await row('MSEL-002').getByLabel('Move MSEL-002 to exercise time').fill('2027-03-08 12:00');
  await row('MSEL-002').getByRole('button', { name: 'Move', exact: true }).click();
  await expect(row('MSEL-002')).toHaveAttribute('data-status', 'moved');
  await expect(row('MSEL-002')).toContainText('08 12:00');
  await skip('2027-03-08 11:59');
  await expect(message('MSEL-002')).toHaveCount(0);
  await skip('2027-03-08 12:30');
  await expect(row('MSEL-002')).toHaveAttribute('data-status', 'delivered', SLOW);
  await expect(message('MSEL-002')).toContainText('massive fires near Ambrelle');
  await expect(message('MSEL-002')).toContainText('12:00');

  // Delivered now, hours before its time.
  await row('MSEL-003').getByRole('button', { name: 'Deliver now' }).click();
  await expect(row('MSEL-003')).toHaveAttribute('data-status', 'delivered', SLOW);
  await expect(message('MSEL-003')).toContainText('Hotline call: the Party A duty officer');

  // The plan's incidents: their truth is the controller's to see.
  await shots(page, 'plan-injects');
  await plan.getByRole('tab', { name: /^Incidents/ }).click();
  await expect(plan.getByTestId('plan-incident').first()).toContainText('Truth:');
  await shots(page, 'plan-incidents');

  // Each control is in the log, by the controller.
  await goToScreen(page, 'Log');
  await page.getByLabel('Kind', { exact: true }).selectOption('inject-control');
  const table = page.getByTestId('log-table');
  await expect(table).toContainText('Inject MSEL-001 held by Control One', SLOW);
  await expect(table).toContainText('Inject MSEL-001 released by Control One');
  await expect(table).toContainText('Inject MSEL-002 moved by Control One');
  await expect(table).toContainText('Inject MSEL-003 delivered now by Control One');

  // Exported and verified by the CLI.
  const dir = mkdtempSync(join(tmpdir(), 'truceline-plan-'));
  await page.getByLabel('Kind', { exact: true }).selectOption('');
  const log = await exportSignedLog(page, dir);
  const controls = log.bundle.entries.filter((e) => e.kind === 'inject-control');
  expect(controls.map((e) => (e.data as { action: string }).action)).toEqual([
    'hold',
    'release',
    'move',
    'deliver',
  ]);
  const verified = await runTruceline(['verify', log.path]);
  expect(verified.code, verified.stderr).toBe(0);
  expect(verified.line).toMatch(/^OK \d+ entries, head [0-9a-f]{64}, key [0-9a-f]{16}$/);

  // Reloaded and resumed from the stored log: the three arrive where they did.
  await page.reload();
  await resumeLatest(page, 'Controller', 'Control One');
  await page
    .getByRole('tablist', { name: 'Centre view' })
    .getByRole('tab', { name: 'Exercise plan' })
    .click();
  for (const id of ['MSEL-001', 'MSEL-002', 'MSEL-003']) {
    await expect(row(id)).toHaveAttribute('data-status', 'delivered', SLOW);
    await expect(message(id)).toHaveCount(1);
  }
  await expect(message('MSEL-002')).toContainText('12:00');
  await expect(row('MSEL-004')).toHaveAttribute('data-status', 'scheduled');

  // Back to the map: the controller's centre keeps its tab row above it.
  await page
    .getByRole('tablist', { name: 'Centre view' })
    .getByRole('tab', { name: 'Map and timeline' })
    .click();
  await expect(plan).toHaveCount(0);
  await shots(page, 'plan-map-tab');
});
