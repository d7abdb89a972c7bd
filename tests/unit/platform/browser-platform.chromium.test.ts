// The browser platform in real Chromium (Debian's, as the e2e tests use): the
// file input (files and a folder), the Blob download, drops and app info.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const chromiumPath = process.env.TRUCELINE_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'http://truceline.test';

// Undefined when the launch in beforeAll failed (afterAll still runs).
let browser: Browser | undefined;
let page: Page;
let bundle: string;
let dir: string;

beforeAll(async () => {
  const platformDir = resolve(import.meta.dirname, '../../../renderer/src/platform');
  const result = await build({
    stdin: {
      contents: `export { getPlatform, filesFromDrop } from './index';`,
      resolveDir: platformDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'TrucelinePlatform',
    write: false,
    define: { __APP_VERSION__: '"9.9.9-test"' },
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
  browser = await chromium.launch({
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  dir = await mkdtemp(join(tmpdir(), 'truceline-platform-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser!.newPage({ acceptDownloads: true });
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><body><button id="go">go</button><script>${bundle}</script></body>`,
    }),
  );
  await page.goto(`${ORIGIN}/`);
});

/** Runs `action` (a platform call) from a real click, as the UI does. */
async function onClick(action: string): Promise<void> {
  await page.evaluate((body) => {
    const button = (
      globalThis as unknown as { document: { getElementById(id: string): { onclick: unknown } } }
    ).document.getElementById('go');
    button.onclick = () => {
      (globalThis as unknown as { result: Promise<unknown> }).result = new Function(
        'platform',
        `return (async () => { ${body} })();`,
      )(
        (
          globalThis as unknown as { TrucelinePlatform: { getPlatform(): unknown } }
        ).TrucelinePlatform.getPlatform(),
      );
    };
  }, action);
  await page.click('#go');
}

const result = () =>
  page.evaluate(() => (globalThis as unknown as { result: Promise<unknown> }).result);

const READ_FILES = `
  const files = await platform.openScenarioFiles({ folder: FOLDER });
  return files && Promise.all(files.map(async (f) => [f.relativePath, f.name, f.size, await f.text()]));
`;

describe('browser platform (Chromium)', () => {
  it('is the browser platform when there is no preload, with app info from the build', async () => {
    await onClick('return [platform.kind, await platform.appInfo()];');
    const [kind, info] = (await result()) as [string, Record<string, unknown>];
    expect(kind).toBe('browser');
    expect(info).toMatchObject({
      version: '9.9.9-test',
      platform: 'browser',
      userDataPath: null,
      electronVersion: null,
    });
    expect(info.chromeVersion).toMatch(/^\d+\./);
  });

  it('opens a folder: paths relative to it, hidden entries skipped, text readable', async () => {
    const folder = join(dir, 'my-scenario');
    await mkdir(join(folder, 'feeds'), { recursive: true });
    await mkdir(join(folder, '.git'), { recursive: true });
    await writeFile(join(folder, 'scenario.json'), '{"id":"s1"}');
    await writeFile(join(folder, 'feeds', 'drone.ndjson'), '{"id":"e1"}\n');
    await writeFile(join(folder, '.git', 'HEAD'), 'ref');
    const chooser = page.waitForEvent('filechooser');
    await onClick(READ_FILES.replace('FOLDER', 'true'));
    await (await chooser).setFiles(folder);
    expect(await result()).toEqual([
      ['feeds/drone.ndjson', 'drone.ndjson', 12, '{"id":"e1"}\n'],
      ['scenario.json', 'scenario.json', 11, '{"id":"s1"}'],
    ]);
  });

  it('opens several files by name', async () => {
    const chooser = page.waitForEvent('filechooser');
    await onClick(READ_FILES.replace('FOLDER', 'false'));
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(true);
    await fileChooser.setFiles([
      { name: 'msel.csv', mimeType: 'text/csv', buffer: Buffer.from('id\n1\n') },
      { name: 'a.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from('{}\n') },
    ]);
    expect(await result()).toEqual([
      ['a.ndjson', 'a.ndjson', 3, '{}\n'],
      ['msel.csv', 'msel.csv', 5, 'id\n1\n'],
    ]);
    // The picker input is removed once used.
    expect(await page.locator('input[type=file]').count()).toBe(0);
  });

  it('saves an export as a download with the suggested name and exact content', async () => {
    const download = page.waitForEvent('download');
    await onClick(
      `return platform.saveExport({ suggestedName: 'exercise-log.json', content: new TextEncoder().encode('{"head":"ab"}'), mimeType: 'application/json' });`,
    );
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('exercise-log.json');
    expect(await readFile(await saved.path(), 'utf8')).toBe('{"head":"ab"}');
    expect(await result()).toEqual({ saved: true });
  });

  it('reads the files of a drop', async () => {
    const files = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string) => unknown;
        TrucelinePlatform: {
          filesFromDrop(dt: unknown): Promise<{ relativePath: string; text(): Promise<string> }[]>;
        };
      };
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File(['b'], 'b.csv'));
      transfer.items.add(new g.File(['a'], 'a.json'));
      transfer.items.add(new g.File(['x'], '.DS_Store'));
      const picked = await g.TrucelinePlatform.filesFromDrop(transfer);
      return Promise.all(picked.map(async (f) => [f.relativePath, await f.text()]));
    });
    expect(files).toEqual([
      ['a.json', 'a'],
      ['b.csv', 'b'],
    ]);
  });
});
