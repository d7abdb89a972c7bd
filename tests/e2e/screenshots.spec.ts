// The README screenshots: every screen at 1920×1080 (and the console at
// 1280×800), taken along one real exercise of the quick-demo sample; the
// console, Log and Report also at 1600×900 and 1280×800 under out/. The flow
// and its assertions always run; the PNGs under tests/screenshots/ are
// rewritten only with TRUCELINE_SCREENSHOTS=1, so a normal run leaves the
// committed files alone.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ExportBundle } from '../../shared/audit';
import { downloadVia, openLogInAudit } from './support/cli-and-files';
import { act, track } from './support/run-tracks';
import {
  acknowledgeAlert,
  expectExerciseBanners,
  goToScreen,
  openStartDialog,
  play,
  queueRows,
  selectAlert,
  SLOW,
  submitStartDialog,
  untilCriticalPauses,
} from './support/console-flow';

const OUT = 'tests/screenshots';
/** The other window sizes a trainer's laptop or projector has: looked at, not committed. */
const EXTRA = 'out/screenshots';
const SAVE = process.env.TRUCELINE_SCREENSHOTS === '1';
const FULL_HD = { width: 1920, height: 1080 };

test.use({ viewport: FULL_HD });

/** Checks the screen is marked EXERCISE, then saves it when asked to. */
async function shot(page: Page, name: string) {
  await expectExerciseBanners(page);
  // Nothing half-drawn: no progress bar or busy control on screen.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  if (SAVE) await page.screenshot({ path: join(OUT, `${name}.png`), animations: 'disabled' });
}

/** The screen at 1600×900 and 1280×800 too (under out/screenshots), then back to full HD. */
async function shotSizes(page: Page, name: string) {
  for (const size of [
    { width: 1600, height: 900 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await expectExerciseBanners(page);
    if (SAVE) {
      await page.screenshot({
        path: join(EXTRA, `${name}-${size.width}x${size.height}.png`),
        animations: 'disabled',
      });
    }
  }
  await page.setViewportSize(FULL_HD);
}

test('README screenshots of every screen along one exercise', async ({ page }) => {
  test.setTimeout(420_000);
  if (SAVE) for (const d of [OUT, EXTRA]) mkdirSync(d, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'truceline-screens-'));

  await page.goto('/#/library');
  for (const id of ['quick-demo', 'line-72h']) {
    await expect(page.getByTestId(`scenario-${id}`).getByTestId('scenario-hash')).toBeVisible(SLOW);
  }
  await shot(page, 'library');

  const dialog = await openStartDialog(page, 'quick-demo');
  await dialog.getByLabel('Your name').fill('Duty Officer Ana');
  await dialog.getByRole('radio', { name: /Operator/ }).check();
  await shot(page, 'start-dialog');
  await submitStartDialog(dialog, 'Duty Officer Ana', 'Operator', 2);

  // Mid-exercise: the critical alert leads the queue, confirmed, its tracks open
  // side by side, one party has acknowledged the hotline call.
  await play(page, 300);
  const critical = await untilCriticalPauses(page);
  const top = (await queueRows(page))[0]!;
  expect(top.id).toBe(critical);
  const detail = await selectAlert(page, top.id);
  await acknowledgeAlert(detail);
  if ((await track(detail, 'triage').getAttribute('data-open')) === 'true') {
    await act(detail, 'triage', 'Confirmed violation: open the hotline', {
      Rationale: 'MLRS fire in the exclusion zone, seen by satellite and ground sensors.',
    });
  }
  const hotline = track(detail, 'hotline');
  await expect(hotline).toHaveAttribute('data-open', 'true');
  const acks = hotline.getByRole('group', { name: 'Party acknowledgements' });
  const party = 'Republic of Lanvera (Party A)';
  await acks
    .getByRole('textbox', { name: `How ${party} acknowledged` })
    .fill('hotline, duty officer');
  await acks.getByRole('checkbox', { name: party }).click();
  await expect(acks.getByRole('checkbox', { name: party })).toBeChecked();
  await expect(page.getByRole('img', { name: /^Map: / })).toBeVisible();
  await shot(page, 'console');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(hotline).toBeVisible();
  await shot(page, 'console-1280x800');
  await page.setViewportSize(FULL_HD);
  await shotSizes(page, 'console');

  await goToScreen(page, 'Log');
  await expect(page.getByTestId('chain-status')).toContainText('Chain intact', SLOW);
  await page.getByRole('button', { name: 'Verify now' }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK', SLOW);
  await shot(page, 'log');
  await shotSizes(page, 'log');

  const bundlePath = await downloadVia(page, 'Export signed log (JSON)…', dir);
  await goToScreen(page, 'Audit');
  await openLogInAudit(page, bundlePath);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'OK');
  await shot(page, 'audit-ok');

  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as ExportBundle;
  // An early entry, so the rows struck through from there on are in the picture.
  const victim = bundle.entries.find((e) => e.kind === 'alert-opened')!;
  victim.data = { ...victim.data, score: 99 };
  const tamperedPath = join(dir, 'tampered.truceline-log.json');
  writeFileSync(tamperedPath, JSON.stringify(bundle));
  await openLogInAudit(page, tamperedPath);
  await expect(page.getByTestId('verification-line')).toHaveText(
    new RegExp(`^TAMPERED seq ${victim.seq}: `),
  );
  const decisions = page.getByRole('table', { name: 'Decisions timeline' }).locator('tbody tr');
  await expect(decisions.filter({ hasText: 'UNTRUSTED' }).first()).toBeVisible();
  await shot(page, 'audit-tampered');

  await goToScreen(page, 'Report');
  await page.getByRole('button', { name: 'Build report' }).click(SLOW);
  await expect(page.getByRole('article', { name: 'After-action report' })).toBeVisible(SLOW);
  await expect(page.locator('.report-chart .recharts-wrapper')).toHaveCount(2);
  await shot(page, 'report');
  await shotSizes(page, 'report');

  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('dialog', { name: 'About Truceline' });
  await expect(about.getByTestId('about-key-id')).toHaveText(/^[0-9a-f]{16}$/);
  await shot(page, 'about');
});
