import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadScenarioFromPath } from '../../shared/node/scenario/load-path';
import { writeGeneratedScenario } from '../../shared/node/scenario/write-generated';
import { SOURCES } from '../../shared/scenario/schema';
import { importUcdpGed } from '../../shared/ucdp/import-ucdp-ged';
import { sharedDataFile } from '../support/shared-data';

const SHOTS = 'out/screenshots';
const FIXTURE = 'tests/fixtures/scenarios/small';
const BUNDLED = readdirSync('sample-feeds', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'authoring')
  .map((d) => d.name);

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** The scenario as the Node loader sees it: what the Library card must show. */
async function expected(path: string) {
  const outcome = await loadScenarioFromPath(path);
  if (outcome.kind !== 'scenario' || !outcome.ok) throw new Error(`${path} does not load`);
  const { scenario } = outcome;
  const bySource = Object.fromEntries(SOURCES.map((s) => [s, 0]));
  for (const e of scenario.events) bySource[e.event.source] = (bySource[e.event.source] ?? 0) + 1;
  return { scenario, bySource };
}

async function expectCardMatches(page: Page, path: string) {
  const { scenario, bySource } = await expected(path);
  const card = page.getByTestId(`scenario-${scenario.id}`);
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole('heading', { name: scenario.title })).toBeVisible();
  await expect(card.getByTestId('scenario-event-count')).toHaveText(
    scenario.events.length.toLocaleString('en'),
  );
  for (const [source, count] of Object.entries(bySource)) {
    const shown = card.getByTestId(`count-${source}`);
    if (count === 0) await expect(shown).toHaveCount(0);
    else await expect(shown).toContainText(count.toLocaleString('en'));
  }
  await expect(card.getByTestId('scenario-hash')).toHaveText(`${scenario.hash.slice(0, 12)}…`);
  await expect(card.getByTestId('scenario-classification')).toHaveText(scenario.classification);
  return card;
}

async function importFiles(page: Page, button: string, files: string | string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

test('every bundled sample is listed with its title, event counts by source and hash', async ({
  page,
}) => {
  expect(BUNDLED.length, 'sample-feeds/ holds at least one scenario').toBeGreaterThan(0);
  await page.goto('/#/library');
  for (const id of BUNDLED) await expectCardMatches(page, join('sample-feeds', id));
  await page.screenshot({ path: `${SHOTS}/library.png`, fullPage: true });
});

test('importing a scenario folder and a single *.scenario.json adds them to the Library', async ({
  page,
}) => {
  await page.goto('/#/library');
  await importFiles(page, 'Import scenario folder…', FIXTURE);
  await expect(page.getByTestId('import-result')).toContainText('imported');
  await expectCardMatches(page, FIXTURE);

  const dir = mkdtempSync(join(tmpdir(), 'truceline-e2e-'));
  const single = join(dir, 'inline.scenario.json');
  writeFileSync(single, JSON.stringify(inlineScenario('inline-demo', -44.4), null, 2));
  await importFiles(page, 'Import file…', single);
  await expect(page.getByTestId('import-result')).toContainText('inline.scenario.json imported');
  await expectCardMatches(page, single);

  // Imports are kept in IndexedDB: after a reload both are listed again, validated afresh.
  await page.reload();
  await expectCardMatches(page, FIXTURE);
  await expectCardMatches(page, single);
});

test('importing a scenario already in the library adds no second card and opens the one there', async ({
  page,
}) => {
  await page.goto('/#/library');
  await importFiles(page, 'Import scenario folder…', FIXTURE);
  await expect(page.getByTestId('import-result')).toContainText('imported');
  const { scenario } = await expected(FIXTURE);
  await expect(page.getByTestId(`scenario-${scenario.id}`)).toHaveCount(1);
  // The same folder again: same content hash, so the card there is the one offered.
  await importFiles(page, 'Import scenario folder…', FIXTURE);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText(`already in the library as “${scenario.title}”`);
  await expect(page.getByTestId(`scenario-${scenario.id}`)).toHaveCount(1);
  // A copy of a bundled sample: the bundled card is the one, nothing is imported.
  const { scenario: demo } = await expected('sample-feeds/quick-demo');
  await expect(page.getByTestId(`scenario-${demo.id}`)).toBeVisible({ timeout: 30_000 });
  await importFiles(page, 'Import scenario folder…', 'sample-feeds/quick-demo');
  await expect(result).toContainText(`already in the library as “${demo.title}”`);
  const demoCard = page.getByTestId(`scenario-${demo.id}`);
  await expect(demoCard).toHaveCount(1);
  await expect(demoCard).toContainText('Bundled sample');
  await result.getByRole('button', { name: 'Open it' }).click();
  await expect(demoCard).toBeFocused();
  await expect(demoCard).toHaveAttribute('aria-current', 'true');
  await expect(demoCard).toBeInViewport();
  // After a reload the library still lists each once: nothing was stored twice.
  await page.reload();
  await expect(page.getByTestId(`scenario-${scenario.id}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`scenario-${demo.id}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`scenario-${scenario.id}`)).toHaveCount(1);
  await expect(page.getByTestId(`scenario-${demo.id}`)).toHaveCount(1);
});

test('a broken scenario is refused with every error as file:line: field: message', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-e2e-'));
  const pack = join(dir, 'broken-pack');
  mkdirSync(join(pack, 'feeds'), { recursive: true });
  const manifest = inlineScenario('broken-pack', -44.4);
  writeFileSync(
    join(pack, 'scenario.json'),
    JSON.stringify({ ...manifest, feeds: ['feeds/drone.ndjson'] }),
  );
  writeFileSync(
    join(pack, 'feeds', 'drone.ndjson'),
    [
      '{"id":"d1","time":"2026-03-01T01:00:00Z","source":"drone","type":"explosion","lat":-44.4,"lon":-120.5}',
      '{"id":"d2","time":"2026-03-01T01:10:00Z","source":"drone","type":"explosion","lat":"abc","lon":-120.5}',
      '{"id":"d3","time":"2026-03-01T01:20:00Z","source":"drone","type":"explosion","lat":-44.3,"lon":-120.5',
    ].join('\n') + '\n',
  );
  await page.goto('/#/library');
  await importFiles(page, 'Import scenario folder…', pack);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Scenario folder “Inline broken-pack” was not imported');
  const errors = result.getByRole('alert', { name: 'Errors' }).getByRole('listitem');
  await expect(errors.first()).toBeVisible();
  const lines = await errors.allTextContents();
  expect(lines.some((l) => l.startsWith('feeds/drone.ndjson:2: lat: '))).toBe(true);
  expect(lines.some((l) => l.startsWith('feeds/drone.ndjson:3'))).toBe(true);
  for (const line of lines) expect(line).toMatch(/^[^:\s]+:\d+(:\d+)?: /);
  await expect(page.getByTestId('scenario-broken-pack')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/library-import-errors.png`, fullPage: true });

  // The single-file form names JSON pointers instead of lines.
  const single = join(dir, 'bad.scenario.json');
  const bad = inlineScenario('bad-inline', -44.4);
  (bad.feeds[0]![0] as Record<string, unknown>).lat = 'north';
  writeFileSync(single, JSON.stringify(bad, null, 2));
  await importFiles(page, 'Import file…', single);
  await expect(result).toContainText('bad.scenario.json was not imported');
  await expect(result.getByRole('listitem').first()).toHaveText(
    /^bad\.scenario\.json:\/feeds\/0\/0\/lat: lat: /,
  );
});

test('starting an exercise asks who is playing, shows the briefing and opens the Console', async ({
  page,
}) => {
  await page.goto('/#/library');
  await importFiles(page, 'Import scenario folder…', FIXTURE);
  const { scenario } = await expected(FIXTURE);
  const card = page.getByTestId(`scenario-${scenario.id}`);
  await card.getByRole('button', { name: 'Start exercise' }).click();
  const dialog = page.getByRole('dialog', { name: `Start exercise — ${scenario.title}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('briefing')).toBeVisible();
  await dialog.getByRole('button', { name: 'Start exercise', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Type your name');
  await dialog.getByLabel('Your name').fill('Duty Officer Ana');
  await dialog.getByRole('radio', { name: /Controller/ }).check();
  await page.screenshot({ path: `${SHOTS}/library-start-dialog.png` });
  await dialog.getByRole('button', { name: 'Start exercise', exact: true }).click();
  await expect(page).toHaveURL(/#\/console$/);
  await expect(page.getByTestId('classification-top')).toHaveText(scenario.classification);
  await expect(page.getByTestId('classification-bottom')).toHaveText(scenario.classification);
  await expect(page.getByTestId('console')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/console-in-shell.png` });
});

function inlineScenario(id: string, lat: number) {
  return {
    format: 'truceline-scenario',
    version: 1,
    id,
    title: `Inline ${id}`,
    classification: 'EXERCISE — E2E',
    start: '2026-03-01T00:00:00Z',
    end: '2026-03-01T06:00:00Z',
    parties: [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'B', name: 'Party B', role: 'party' },
    ],
    zones: { type: 'FeatureCollection', features: [] },
    feeds: [
      [
        {
          id: 'e1',
          time: '2026-03-01T01:00:00Z',
          source: 'drone',
          type: 'explosion',
          lat,
          lon: -120.5,
        },
        {
          id: 'e2',
          time: '2026-03-01T01:05:00Z',
          source: 'observer',
          type: 'small-arms-fire',
          lat,
          lon: -120.4,
        },
        {
          id: 'e3',
          time: '2026-03-01T02:00:00Z',
          source: 'satellite',
          type: 'crater-field',
          lat,
          lon: -120.3,
        },
      ] as unknown[],
    ],
    briefing: 'Notional briefing. EXERCISE.',
  };
}

test('a stored exercise is listed in the Library and resumes from its log', async ({ page }) => {
  await page.goto('/#/library');
  const card = page.getByTestId('scenario-quick-demo');
  await card.getByRole('button', { name: 'Start exercise' }).click({ timeout: 60_000 });
  await page.getByRole('dialog').getByLabel('Your name').fill('First Shift');
  await page.getByRole('dialog').locator('button[type=submit]').click();
  await expect(page.getByTestId('console')).toBeVisible({ timeout: 60_000 });

  await page.reload();
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Library' })
    .click();
  const exercises = page.getByRole('table', { name: 'Exercises' });
  const row = exercises.locator('tbody tr').first();
  await expect(row).toContainText('In progress', { timeout: 30_000 });
  const id = (await row.locator('.mono').first().textContent())!;
  await page.screenshot({ path: `${SHOTS}/library-exercises.png`, fullPage: true });
  await row.getByRole('button', { name: 'Resume' }).click();
  const dialog = page.getByRole('dialog', { name: /^Resume exercise — / });
  await expect(dialog).toContainText(id);
  await dialog.getByLabel('Your name').fill('Second Shift');
  await dialog.getByRole('button', { name: 'Resume exercise', exact: true }).click();
  await expect(page.getByTestId('console')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('banner').filter({ hasText: 'Second Shift' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Log' })
    .click();
  await expect(page.getByLabel('Exercise', { exact: true })).toHaveValue(id);
  await expect(page.getByTestId('chain-status')).toContainText('Chain intact');
});

test('a UCDP GED export is converted in the Library with every row accounted for', async ({
  page,
}) => {
  const csv = sharedDataFile('ucdp-ged-ukraine.csv');
  const { counts } = importUcdpGed(new Uint8Array(readFileSync(csv)));
  await page.goto('/#/library');
  await importFiles(page, 'Import file…', csv);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText(
    `rows read: ${counts.rowsRead}, events written: ${counts.eventsWritten}, rows rejected: ${counts.rowsRejected}`,
    { timeout: 60_000 },
  );
  await expect(result.getByRole('button', { name: 'Save as NDJSON feed…' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/library-ucdp.png` });
});

test('a feed file dropped on the Library is checked on its own, errors with their lines', async ({
  page,
}) => {
  await page.goto('/#/library');
  const feed = [
    '{"id":"o1","time":"2026-03-01T01:00:00Z","source":"observer","type":"small-arms-fire","lat":-44.4,"lon":-120.5}',
    '{"id":"o2","time":"2026-03-01T01:10:00Z","source":"observer","type":"small-arms-fire","lat":-44.4}',
  ].join('\n');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'observer.ndjson', { type: 'application/x-ndjson' }));
    return transfer;
  }, feed);
  await page.dispatchEvent('section.library', 'dragover', { dataTransfer });
  await page.dispatchEvent('section.library', 'drop', { dataTransfer });
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('observer.ndjson was not imported');
  await expect(result.getByRole('listitem').first()).toHaveText(/^observer\.ndjson:2: lon: /);
});

test('a 100,000-event scenario loads in a worker with a progress bar while the screen stays responsive', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dir = join(mkdtempSync(join(tmpdir(), 'truceline-big-')), 'big');
  await writeGeneratedScenario(dir, { events: 100_000, seed: 7 });
  await page.goto('/#/library');
  await expect(page.getByTestId('scenario-quick-demo')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration, entry.startTime);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await importFiles(page, 'Import scenario folder…', dir);
  await expect(page.getByTestId('import-result').getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/library-loading-progress.png` });
  const { scenario } = await expected(dir);
  const card = page.getByTestId(`scenario-${scenario.id}`);
  await expect(card.getByTestId('scenario-event-count')).toHaveText('100,000', {
    timeout: 240_000,
  });
  const elapsed = Date.now() - started;
  await expect(card.getByTestId('scenario-hash')).toHaveText(`${scenario.hash.slice(0, 12)}…`);
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  const steps = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('truceline:import:'))
      .map(
        (m) =>
          `${m.name.slice('truceline:import:'.length)} ${Math.round(m.duration)} ms (at ${Math.round(m.startTime)})`,
      )
      .join(', '),
  );
  console.log(`[figures] import steps: ${steps}`);
  console.log(
    `[figures] import of a 100,000-event scenario: ${elapsed} ms from file chooser to card; ` +
      `main-thread long tasks (ms, at ms): ${longTasks
        .flatMap((d, k) =>
          k % 2 === 0 ? [`${Math.round(d)} at ${Math.round(longTasks[k + 1]!)}`] : [],
        )
        .join(', ')}`,
  );
});
