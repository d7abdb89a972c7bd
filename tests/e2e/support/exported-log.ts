// The exported log seen from both sides: what the Log screen downloads, and
// the Report screen checked figure by figure against `truceline report`.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { ExportBundle } from '../../../shared/audit';
import type { AfterActionReport } from '../../../shared/report/after-action-report';
import { downloadVia, runTruceline } from './cli-and-files';
import { expectExerciseBanners, SLOW } from './console-flow';

export interface ExportedLog {
  path: string;
  bundle: ExportBundle;
  /** The signing key id the app printed when it exported. */
  keyId: string;
}

/** Exports the signed log of the active exercise from the Log screen (already open). */
export async function exportSignedLog(page: Page, dir: string): Promise<ExportedLog> {
  await expect(page.getByTestId('chain-status')).toContainText('Chain intact', SLOW);
  const path = await downloadVia(page, 'Export signed log (JSON)…', dir);
  const notice = page.getByRole('status').filter({ hasText: 'Signed log exported' });
  await expect(notice).toBeVisible();
  const keyId = /key ([0-9a-f]{16})/.exec((await notice.textContent())!)?.[1];
  expect(keyId, 'the export notice names the signing key id').toBeDefined();
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as ExportBundle;
  expect(bundle.exercise.classification).toContain('EXERCISE');
  expect(bundle.signature?.key_id).toBe(keyId);
  // The export itself is logged (an `export` entry, docs/AUDIT-LOG.md): the stored chain grows by one.
  await expect(page.getByTestId('chain-status')).toContainText(
    `Chain intact: ${bundle.head.count + 1} entries`,
  );
  return { path, bundle, keyId: keyId! };
}

/** The text of a cell of a labelled table: row by its text, column by its header. */
async function tableCell(page: Page, table: string, rowText: RegExp, column: string) {
  const t = page.getByRole('table', { name: table });
  const headers = (await t.locator('thead th').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column "${column}" in table "${table}"`).toBeGreaterThanOrEqual(0);
  const row = t.locator('tbody tr').filter({ hasText: rowText });
  await expect(row, `one row ${rowText} in table "${table}"`).toHaveCount(1);
  return ((await row.locator('td').nth(index).textContent()) ?? '').trim();
}

const minutes = (x: number | null) => (x === null ? '—' : `${x} min`);

/**
 * Builds a report on the Report screen and checks its figures against
 * `truceline report <log> --scenario <scenario> --format json`. From 'file':
 * the exported file itself (the very entries the CLI reads); from 'stored':
 * the exercise's stored log, which has the `export` entry on top.
 */
export async function expectReportMatchesCli(
  page: Page,
  log: ExportedLog,
  scenarioPath: string,
  from: 'file' | 'stored',
): Promise<AfterActionReport> {
  const cli = await runTruceline([
    'report',
    log.path,
    '--scenario',
    scenarioPath,
    '--format',
    'json',
  ]);
  expect(cli.code, cli.stderr).toBe(0);
  const expected = JSON.parse(cli.stdout) as AfterActionReport;

  const report = page.getByRole('article', { name: 'After-action report' });
  const meta = report.locator('.report-meta');
  if (from === 'file') {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Report on an exported log…' }).click();
    await (await chooser).setFiles(log.path);
    // The same log: as many entries and the same head as the exported bundle.
    await expect(meta).toContainText(
      `${log.bundle.head.count} entries, head ${log.bundle.head.final_hash.slice(0, 16)}`,
      SLOW,
    );
  } else {
    await page.getByRole('button', { name: /^(Build|Rebuild) report$/ }).click(SLOW);
    await expect(meta).toContainText(`${log.bundle.head.count + 1} entries`, SLOW);
  }
  await expectExerciseBanners(page);
  await expect(page.getByTestId('report-key-id')).toHaveText(log.keyId);

  const tiles = page.getByRole('region', { name: 'Totals' });
  const figures: [string, number][] = [
    ['Alerts', expected.counts.alerts],
    ['In the protocol', expected.counts.alerts_in_protocol],
    ['Closed', expected.counts.alerts_closed],
    ['Deadline breaches', expected.counts.deadline_breaches],
    ['Violations escalated', expected.outcomes.violations_escalated],
    ['Violations missed', expected.outcomes.violations_missed],
  ];
  for (const [label, value] of figures) {
    const tile = tiles
      .locator('.report-tile')
      .filter({ has: page.getByText(label, { exact: true }) });
    await expect(tile.locator('.report-tile-value'), label).toHaveText(String(value));
  }
  for (const step of expected.steps.filter((s) => s.visits > 0)) {
    const row = new RegExp(`\\(${step.step}\\)`);
    const shown = {
      met: await tableCell(page, 'Deadlines per step', row, 'Met'),
      breached: await tableCell(page, 'Deadlines per step', row, 'Breached'),
    };
    expect(shown, step.step).toEqual({
      met: String(step.deadlines_met),
      breached: String(step.deadlines_breached),
    });
  }
  const ack = expected.response_times.all.acknowledge;
  const ackRow = page.getByRole('table', { name: 'Response times' }).locator('tbody tr').first();
  await expect(ackRow.locator('td')).toHaveText([
    'all',
    'acknowledge',
    String(ack.count),
    minutes(ack.median_min),
    minutes(ack.mean_min),
    minutes(ack.max_min),
  ]);
  console.log(
    `report (${scenarioPath}, from the ${from} log): ${expected.counts.alerts} alerts, ${expected.counts.alerts_in_protocol} in the protocol, ` +
      `${expected.counts.alerts_closed} closed, ${expected.counts.deadline_breaches} deadline breaches; ` +
      `time to acknowledge: ${ack.count} alerts, median ${ack.median_min} min, mean ${ack.mean_min} min`,
  );
  return expected;
}
