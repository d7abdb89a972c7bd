// Console steps as a new user performs them, shared by the walkthrough and the
// screenshot specs. Each waits with web-first assertions, never fixed sleeps.
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** Generous waits: the machine is shared and has 2 cores. */
export const SLOW = { timeout: 90_000 } as const;

export type Role = 'Operator' | 'Controller';

/** Both classification banners of the shell carry EXERCISE and are on screen. */
export async function expectExerciseBanners(page: Page): Promise<void> {
  for (const id of ['classification-top', 'classification-bottom']) {
    await expect(page.getByTestId(id)).toContainText('EXERCISE');
    await expect(page.getByTestId(id)).toBeInViewport();
  }
}

/** Navigates with the Screens navigation, as a user would. */
export async function goToScreen(
  page: Page,
  name: 'Library' | 'Console' | 'Log' | 'Audit' | 'Report',
) {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible(SLOW);
}

/** Opens the start dialog of a bundled sample from the Library; returns the dialog. */
export async function openStartDialog(page: Page, sampleId: string): Promise<Locator> {
  await page.goto('/#/library');
  const card = page.getByTestId(`scenario-${sampleId}`);
  await expect(card, `the Library lists the bundled sample ${sampleId}`).toBeVisible(SLOW);
  const title = (await card.getByRole('heading').first().textContent())!.trim();
  await card.getByRole('button', { name: 'Start exercise' }).click(SLOW);
  const dialog = page.getByRole('dialog', { name: `Start exercise — ${title}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('briefing')).toBeVisible();
  return dialog;
}

/**
 * The built-in protocol to start a new exercise on: 2 is the app's default; a
 * spec about the version-1 walkthrough (one line of steps) pins 1.
 */
export type ProtocolFormat = 1 | 2;

async function chooseProtocol(dialog: Locator, format: ProtocolFormat | undefined) {
  if (format === undefined) return;
  await dialog
    .getByRole('group', { name: 'Escalation protocol' })
    .getByRole('radio', { name: new RegExp(`^Version ${format}`) })
    .check();
}

/** Fills who is playing and starts; waits for the Console with its clock. */
export async function submitStartDialog(
  dialog: Locator,
  name: string,
  role: Role,
  protocol?: ProtocolFormat,
) {
  const page = dialog.page();
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('radio', { name: new RegExp(role) }).check();
  await chooseProtocol(dialog, protocol);
  await dialog.getByRole('button', { name: 'Start exercise', exact: true }).click();
  await expect(page.getByTestId('console')).toBeVisible(SLOW);
  await expect(page.getByTestId('exercise-clock')).toBeVisible();
  await expect(page.getByTestId('play-pause')).toBeEnabled(SLOW);
}

/**
 * Fills the open start dialog and submits it; waits for the Console, failing
 * at once with the console's own message if the exercise could not open.
 */
export async function fillStartDialog(
  page: Page,
  role: Role,
  protocol?: ProtocolFormat,
  name = 'Trainee One',
) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('radio', { name: new RegExp(role) }).check();
  await chooseProtocol(dialog, protocol);
  await dialog.locator('button[type=submit]').click();
  const failed = page.getByRole('alert').filter({ hasText: /stopped working|could not be opened/ });
  await expect(page.getByTestId('console').or(failed)).toBeVisible({ timeout: 60_000 });
  if (await failed.isVisible()) throw new Error(`console failed: ${await failed.textContent()}`);
  await expect(page.getByTestId('exercise-clock')).toBeVisible();
}

export async function clockEpoch(page: Page): Promise<number> {
  return Number(await page.getByTestId('exercise-clock').getAttribute('data-epoch'));
}

export async function alertTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('alert-count').textContent()) ?? '';
  return Number(/(\d+) total/.exec(text)?.[1] ?? 0);
}

export async function play(page: Page, speed: number) {
  await page.getByLabel('Playback speed').selectOption(String(speed));
  const button = page.getByTestId('play-pause');
  if ((await button.textContent())?.includes('Play')) await button.click();
  await expect(button).toContainText('Pause');
}

/** Pauses; retried because an auto-pause may land between reading the button and clicking it. */
export async function pauseIfPlaying(page: Page) {
  const button = page.getByTestId('play-pause');
  await expect(async () => {
    if ((await button.textContent())?.includes('Pause')) await button.click();
    await expect(button).toContainText('Play', { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
}

/**
 * While playing above 60×, waits until a critical alert opens and the console
 * pauses itself for it, selecting that alert; the clock is never clicked
 * meanwhile, so no click races the auto-pause. Returns the critical alert's id.
 */
export async function untilCriticalPauses(page: Page): Promise<string> {
  const critical = page.locator('[data-alert-id]').filter({
    has: page.locator('[data-severity="critical"]'),
  });
  await expect(critical.first()).toBeVisible({ timeout: 240_000 });
  await expect(
    page.getByTestId('play-pause'),
    'the console pauses itself for a new critical alert above 60×',
  ).toContainText('Play', { timeout: 30_000 });
  await expect(critical.first()).toHaveAttribute('aria-selected', 'true');
  return (await critical.first().getAttribute('data-alert-id'))!;
}

export interface QueueRow {
  id: string;
  rank: number;
  state: string;
  gravity: number;
  severity: string | null;
  /** The certainty chip's band, or null where none is shown (a version-1 log). */
  certainty: string | null;
  quiet: boolean;
  step: string;
}

/** The queue's rendered rows (the virtualised list: those in view), by rank. */
export async function queueRows(page: Page): Promise<QueueRow[]> {
  return page.locator('[data-alert-id]').evaluateAll((rows) =>
    rows
      .map((r) => ({
        id: r.getAttribute('data-alert-id')!,
        rank: Number(r.getAttribute('data-rank')),
        state: r.getAttribute('data-state') ?? '',
        gravity: Number(r.querySelector('.alert-gravity')?.textContent),
        severity: r.querySelector('[data-severity]')?.getAttribute('data-severity') ?? null,
        certainty: r.querySelector('[data-certainty]')?.getAttribute('data-certainty') ?? null,
        quiet: r.classList.contains('quiet'),
        step: r.querySelector('.alert-step')?.textContent ?? '',
      }))
      .sort((a, b) => a.rank - b.rank),
  );
}

const STATE_ORDER = ['active', 'cleared', 'quiet', 'closed'];

/**
 * Ranks are 1..n in order: active, then cleared, then quiet alerts, gravity
 * descending within each (docs/ALERTS-AND-SEVERITY.md, invariant 11).
 */
export function expectRankOrder(rows: readonly QueueRow[]) {
  expect(rows.length, 'rows rendered in the queue').toBeGreaterThan(1);
  expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const [sa, sb] = [STATE_ORDER.indexOf(a.state), STATE_ORDER.indexOf(b.state)];
    expect(sa, `${b.id} (${b.state}) ranked below ${a.id} (${a.state})`).toBeLessThanOrEqual(sb);
    if (sa === sb) {
      expect(a.gravity, `${a.id} (#${a.rank}) vs ${b.id} (#${b.rank})`).toBeGreaterThanOrEqual(
        b.gravity,
      );
    }
  }
}

export function alertRow(page: Page, alertId: string): Locator {
  return page.locator(`[data-alert-id="${alertId}"]`);
}

export function alertDetail(page: Page): Locator {
  return page.locator('section.alert-detail');
}

/** Selects an alert in the queue and waits for its detail. */
export async function selectAlert(page: Page, alertId: string): Promise<Locator> {
  await alertRow(page, alertId).click();
  await expect(alertRow(page, alertId)).toHaveAttribute('aria-selected', 'true');
  const detail = alertDetail(page);
  await expect(detail.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(detail).toContainText(alertId);
  return detail;
}

/** The action an operator takes at each step on the way to closure, with its required input. */
const WAY_TO_CLOSURE: Record<string, { label: string; input?: string }> = {
  triage: { label: 'Start verification' },
  verify: { label: 'Confirmed' },
  monitor: { label: 'Nothing further', input: 'Summary' },
  notify: { label: 'All parties acknowledged' },
  'request-explanation': { label: 'Satisfactory reply' },
  consult: { label: 'Measures agreed', input: 'Agreed measures' },
  refer: { label: 'Referred', input: 'Summary' },
  resolve: { label: 'Measures verified', input: 'Summary' },
};

export async function acknowledgeAlert(detail: Locator) {
  const button = detail.getByRole('button', { name: 'Acknowledge alert (A)' });
  if (await button.isVisible()) await button.click();
  await expect(detail.getByText('Alert acknowledged')).toBeVisible();
}

export async function startProtocolIfNeeded(detail: Locator) {
  const start = detail.getByRole('button', { name: 'Start protocol' });
  if (await start.isVisible()) await start.click();
  await expect(
    detail.locator('.protocol-step').or(detail.getByTestId('protocol-closed')),
  ).toBeVisible();
}

/** Records one party's acknowledgement (who is the participant; how is free text). */
export async function ackParty(step: Locator, partyName: string, how: string) {
  const acks = step.getByRole('group', { name: 'Party acknowledgements' });
  await acks.getByRole('textbox', { name: `How ${partyName} acknowledged` }).fill(how);
  // A click, not check(): the box shows ticked only once the log entry is committed.
  await acks.getByRole('checkbox', { name: partyName }).click();
  await expect(acks.getByRole('checkbox', { name: partyName })).toBeChecked();
  await expect(acks.locator('.party-ack', { hasText: partyName })).toContainText(`via ${how}`);
}

/** The names of the parties whose acknowledgement the current step asks for. */
export async function partiesAsked(step: Locator): Promise<string[]> {
  const acks = step.getByRole('group', { name: 'Party acknowledgements' });
  await expect(acks, 'the notify step lists the parties to acknowledge').toBeVisible();
  return (await acks.locator('.party-ack label').allTextContents()).map((t) => t.trim());
}

/** Takes one protocol action by its button label, filling its required input; waits for the step to change. */
export async function takeAction(
  detail: Locator,
  label: string,
  input?: string,
  text = 'EXERCISE note',
) {
  const step = detail.locator('.protocol-step');
  const stepId = await step.getAttribute('data-step-id');
  const form = step
    .locator('form')
    .filter({ has: detail.page().getByRole('button', { name: label, exact: true }) });
  await expect(form, `step ${stepId} offers "${label}"`).toHaveCount(1);
  if (input) await form.getByLabel(`${input} (required)`).fill(text);
  await form.getByRole('button', { name: label, exact: true }).click();
  await expect(detail.locator(`.protocol-step[data-step-id="${stepId}"]`)).toHaveCount(0);
}

/** Walks the selected alert through the protocol to closure; returns the steps visited. */
export async function walkToClosure(detail: Locator, how: string): Promise<string[]> {
  await acknowledgeAlert(detail);
  await startProtocolIfNeeded(detail);
  const visited: string[] = [];
  for (let guard = 0; guard < 12; guard++) {
    if (await detail.getByTestId('protocol-closed').isVisible()) break;
    const step = detail.locator('.protocol-step');
    await expect(step).toBeVisible();
    const stepId = (await step.getAttribute('data-step-id'))!;
    visited.push(stepId);
    const way = WAY_TO_CLOSURE[stepId];
    if (!way) throw new Error(`the walkthrough does not know step "${stepId}"`);
    if (stepId === 'notify') {
      for (const party of await partiesAsked(step)) await ackParty(step, party, how);
    }
    await takeAction(detail, way.label, way.input, `EXERCISE ${way.input ?? 'note'} at ${stepId}`);
  }
  await expect(detail.getByTestId('protocol-closed')).toBeVisible();
  return visited;
}

/** The step history lines of the selected alert. */
export async function stepHistory(detail: Locator): Promise<string[]> {
  return detail.locator('.step-history li').allTextContents();
}

// The samples the built app actually bundles (npm run build:web copies sample-feeds/).
const SAMPLE_INDEX = `${process.env.TRUCELINE_WEB_DIR ?? 'out/renderer'}/samples/index.json`;
export const bundledIds: string[] = existsSync(SAMPLE_INDEX)
  ? (JSON.parse(readFileSync(SAMPLE_INDEX, 'utf8')) as { samples: { id: string }[] }).samples.map(
      (s) => s.id,
    )
  : [];
export const BUNDLED = ['quick-demo', 'line-72h'].find((id) => bundledIds.includes(id));
export const FIXTURE = 'tests/fixtures/scenarios/small';

/** The Library card of the sample (imports the small fixture while no sample is bundled). */
export async function sampleCard(page: Page): Promise<Locator> {
  await page.goto('/#/library');
  if (BUNDLED) {
    const card = page.locator('article.scenario-card', {
      has: page.getByRole('button', { name: 'Start exercise' }),
    });
    await expect(card.first()).toBeVisible({ timeout: 60_000 });
    return BUNDLED === 'quick-demo'
      ? card.filter({ hasText: /quick|demo/i }).first()
      : card.filter({ hasText: /72/ }).first();
  }
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import scenario folder…' }).click();
  await (await chooser).setFiles(FIXTURE);
  return page.getByTestId('scenario-small-fixture');
}

/** Imports a scenario folder in the Library and starts an exercise on the card matching `card`. */
export async function importAndStart(page: Page, dir: string, card: RegExp, role: Role) {
  await page.goto('/#/library');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import scenario folder…' }).click();
  await (await chooser).setFiles(dir);
  await page
    .locator('article.scenario-card', { hasText: card })
    .first()
    .getByRole('button', { name: 'Start exercise' })
    .click({ timeout: 240_000 });
  await fillStartDialog(page, role);
}

/** Resumes the most recent exercise from the Library, in `role` as `name` (the log records who). */
export async function resumeLatest(page: Page, role: Role, name = 'Trainee One') {
  await page.goto('/#/library');
  await page
    .getByRole('table', { name: 'Exercises' })
    .getByRole('button', { name: 'Resume' })
    .first()
    .click({ timeout: 60_000 });
  await fillStartDialog(page, role, undefined, name);
  await expect(page.getByTestId('console')).toHaveAttribute('data-role', role.toLowerCase());
}

/** The controller's "Skip to": opens the Exercise plan, fills the time and returns its Skip button, not yet clicked. */
export async function fillSkipTo(page: Page, text: string): Promise<Locator> {
  await page
    .getByRole('tablist', { name: 'Centre view' })
    .getByRole('tab', { name: 'Exercise plan' })
    .click();
  const plan = page.getByTestId('plan-panel');
  await plan.getByLabel('Skip to exercise time').fill(text);
  return plan.getByRole('button', { name: 'Skip', exact: true });
}
