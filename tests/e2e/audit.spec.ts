import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  buildExportBundle,
  generateSigningKey,
  sealBatch,
  signerFromKeyPair,
  type EntryDraft,
  type ExportBundle,
} from '../../shared/audit';

const SHOTS = 'out/screenshots';
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

test('a log re-signed with another key fails against the trusted public key', async ({ page }) => {
  const { path } = await writeBundle('resigned.json');
  const trusted = await signerFromKeyPair(await generateSigningKey());
  await page.goto('/#/audit');
  await page.getByLabel('Trusted public key (optional)').fill(trusted.publicKeyBase64);
  await openLog(page, path);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-status', 'TAMPERED');
  await expect(page.getByTestId('verification-line')).toHaveText(/^TAMPERED signature: /);
});
