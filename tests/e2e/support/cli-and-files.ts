// The CLI run as an auditor runs it (a child process on real files), and the
// browser downloads and file pickers the walkthrough goes through.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The first line of stdout: the result line of verify. */
  line: string;
}

/** Runs `truceline <args>` through run-ts, exactly as `npm run truceline --` does. */
export function runTruceline(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', ...args],
      { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (code === null) {
          reject(
            new Error(`truceline ${args.join(' ')} did not run: ${error!.message}\n${stderr}`),
          );
          return;
        }
        resolve({ code, stdout, stderr, line: stdout.split('\n')[0] ?? '' });
      },
    );
  });
}

/** Clicks a button that makes the app save a file, and stores the download in dir. */
export async function downloadVia(page: Page, buttonName: string, dir: string): Promise<string> {
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: buttonName }).click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Opens an exported log in the Audit screen through its file picker. */
export async function openLogInAudit(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open exported log…' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('verification-line')).toBeVisible({ timeout: 60_000 });
}
