// Issue 7: a console killed while its clock runs (no pause) resumes no more
// than ~5 wall-seconds × speed behind where the clock stood, not at the
// exercise time of its last alert. The kill is a page reload; the log is read
// straight from IndexedDB, as the app stored it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { clockEpoch, fillStartDialog } from './support/console-flow';
import { storedLog, type StoredEntry } from './support/stored-log';

const FIXTURE = 'tests/fixtures/scenarios/small';
const SPEED = 3600;
const CHECKPOINT_WALL_MS = 5000;
/** Room for a checkpoint's own write and a frame in flight on a loaded machine. */
const SLACK_WALL_MS = 2000;
const HOUR = 3_600_000;

/** The small fixture with a long quiet tail: its events fall in 04:12–07:00, the clock runs 24 h. */
function quietTailScenario(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'truceline-checkpoint-')), 'checkpoint-fixture');
  cpSync(FIXTURE, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  manifest.id = 'checkpoint-fixture';
  manifest.title = 'Checkpoint fixture: a quiet day after a busy morning';
  manifest.start = '2026-03-01T04:00:00Z';
  manifest.end = '2026-03-02T04:00:00Z';
  writeFileSync(join(dir, 'scenario.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

const isCheckpoint = (e: StoredEntry) => e.kind === 'clock' && e.data.action === 'checkpoint';
const at = (e: StoredEntry) => Date.parse(e.exercise_time!);

// The engine in its Web Worker (the default) and on the UI thread (?engine=main).
for (const [mode, home] of [
  ['worker', '/#/library'],
  ['UI thread', '/?engine=main#/library'],
] as const) {
  test(`a console (engine: ${mode}) reloaded while playing at 3600x resumes within 5 s × speed of its clock`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const dir = quietTailScenario();
    const start = Date.parse('2026-03-01T04:00:00Z');
    await page.goto(home);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import scenario folder…' }).click();
    await (await chooser).setFiles(dir);
    const card = page.getByTestId('scenario-checkpoint-fixture');
    await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
    await fillStartDialog(page, 'Operator');
    await page.getByLabel('Pause on a new critical alert above 60×').uncheck();
    await page.getByTestId('speed').selectOption(String(SPEED));
    await page.getByTestId('play-pause').click();
    await expect(page.getByTestId('play-pause')).toContainText('Pause');

    // Well into the quiet tail: hours after the last event.
    await expect
      .poll(() => clockEpoch(page), { timeout: 180_000, intervals: [500] })
      .toBeGreaterThan(start + 14 * HOUR);
    await expect(page.getByTestId('play-pause')).toContainText('Pause');
    const before = await clockEpoch(page);
    const logged = await storedLog(page);
    const checkpoints = logged.filter(isCheckpoint);
    const lastOther = logged.filter((e) => !isCheckpoint(e)).at(-1)!;
    const lagBefore = before - at(checkpoints.at(-1)!);
    console.log(
      `[${mode}] before reload: clock ${new Date(before).toISOString()}, ${checkpoints.length} checkpoints, ` +
        `last ${((lagBefore / HOUR) * 60).toFixed(1)} exercise min behind; last other entry ` +
        `(${lastOther.kind}) at ${lastOther.exercise_time}`,
    );
    // The 5 s cadence alone (no pagehide yet) keeps the log within 5 s × speed of the clock.
    expect(checkpoints.length).toBeGreaterThan(1);
    expect(lagBefore).toBeLessThanOrEqual((CHECKPOINT_WALL_MS + SLACK_WALL_MS) * SPEED);
    expect(checkpoints.every((e) => e.role === 'operator')).toBe(true);

    // The kill: no pause, straight reload.
    await page.reload();
    await page.goto(home);
    const resume = page
      .getByRole('table', { name: 'Exercises' })
      .getByRole('button', { name: 'Resume' });
    await resume.first().click({ timeout: 60_000 });
    await fillStartDialog(page, 'Operator');
    const resumedAt = await clockEpoch(page);
    const after = await storedLog(page);
    const lastCheckpoint = after.filter(isCheckpoint).at(-1)!;
    console.log(
      `[${mode}] after resume: clock ${new Date(resumedAt).toISOString()} (${(((before - resumedAt) / HOUR) * 60).toFixed(1)} exercise min behind the clock before the reload); ` +
        `last checkpoint at ${lastCheckpoint.exercise_time} (seq ${lastCheckpoint.seq}, ${after.length - logged.length} entries written since the first read, pagehide included)`,
    );
    expect(before - resumedAt).toBeLessThanOrEqual((CHECKPOINT_WALL_MS + SLACK_WALL_MS) * SPEED);
    expect(resumedAt).toBeGreaterThanOrEqual(at(lastCheckpoint));
    // Not where the old resume stood: the exercise time of the last alert or clock intent.
    expect(resumedAt).toBeGreaterThan(at(lastOther) + HOUR);
  });
}
