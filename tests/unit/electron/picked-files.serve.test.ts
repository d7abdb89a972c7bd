import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { respondFromBundle } from '../../../electron/main/bundle-response';
import {
  listScenarioFiles,
  listScenarioFolder,
} from '../../../electron/main/files/collect-scenario-files';
import { PickedFiles } from '../../../electron/main/files/picked-files';

let base: string;
let folder: string;
let bundle: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'truceline-picked-'));
  folder = join(base, 'scenario');
  bundle = join(base, 'renderer');
  await mkdir(join(folder, 'feeds'), { recursive: true });
  await mkdir(bundle);
  await writeFile(join(bundle, 'index.html'), '<title>EXERCISE</title>');
  await writeFile(join(folder, 'scenario.json'), '{"id":"s"}');
  await writeFile(join(folder, 'feeds', 'drone.ndjson'), '{"id":"e1"}\n');
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function pickFolder(picked: PickedFiles) {
  const listed = await listScenarioFolder(folder);
  return picked.register(listed.files, listed.root);
}

describe('picked files over app://bundle/__picked/', () => {
  it('tells the renderer names, paths, sizes and URLs, never contents', async () => {
    const files = await pickFolder(new PickedFiles());
    expect(files.map(({ name, relativePath, size }) => ({ name, relativePath, size }))).toEqual([
      { name: 'drone.ndjson', relativePath: 'feeds/drone.ndjson', size: 12 },
      { name: 'scenario.json', relativePath: 'scenario.json', size: 10 },
    ]);
    for (const [index, file] of files.entries()) {
      expect(file.url).toMatch(new RegExp(`^app://bundle/__picked/[0-9a-f-]{36}/${index}$`));
      expect(Object.keys(file)).not.toContain('bytes');
    }
  });

  it('streams a picked file through the app:// handler', async () => {
    const picked = new PickedFiles();
    const [drone] = await pickFolder(picked);
    const response = await respondFromBundle(drone!.url, bundle, picked);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe('12');
    expect(await response.text()).toBe('{"id":"e1"}\n');
  });

  it('serves large files whole', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 3).map((_, i) => (i * 7) % 256);
    await writeFile(join(folder, 'feeds', 'big.csv'), bytes);
    const picked = new PickedFiles();
    const files = await pickFolder(picked);
    const big = files.find((f) => f.relativePath === 'feeds/big.csv')!;
    const response = await respondFromBundle(big.url, bundle, picked);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), bytes)).toBe(0);
  });

  it('serves single picked files too', async () => {
    const picked = new PickedFiles();
    const [file] = picked.register(await listScenarioFiles([join(folder, 'scenario.json')]), null);
    expect(file!.relativePath).toBe('scenario.json');
    expect(await (await respondFromBundle(file!.url, bundle, picked)).text()).toBe('{"id":"s"}');
  });

  it.each([
    [
      'an unknown selection',
      (url: string) =>
        url.replace(/__picked\/[0-9a-f-]{36}/, '__picked/00000000-0000-4000-8000-000000000000'),
    ],
    ['an index out of range', (url: string) => url.replace(/\/0$/, '/7')],
    ['a non-numeric index', (url: string) => url.replace(/\/0$/, '/0x0')],
    ['extra segments', (url: string) => `${url}/more`],
    ['no index', (url: string) => url.replace(/\/0$/, '')],
  ])('answers 404 for %s', async (_what, mangle) => {
    const picked = new PickedFiles();
    const [first] = await pickFolder(picked);
    const response = await respondFromBundle(mangle(first!.url), bundle, picked);
    expect(response.status).toBe(404);
  });

  it('refuses traversal out of __picked like any bundle path', async () => {
    const picked = new PickedFiles();
    const [first] = await pickFolder(picked);
    const response = await respondFromBundle(
      `${first!.url}/../../../../secret.txt`,
      bundle,
      picked,
    );
    expect(response.status).toBe(403);
  });

  it('refuses a file changed since the pick (409) or gone (410)', async () => {
    const picked = new PickedFiles();
    const [drone, scenario] = await pickFolder(picked);
    await writeFile(join(folder, 'feeds', 'drone.ndjson'), '{"id":"e1","more":true}\n');
    const changed = await respondFromBundle(drone!.url, bundle, picked);
    expect(changed.status).toBe(409);
    expect(await changed.text()).toMatch(
      /feeds\/drone\.ndjson changed since it was opened \(12 → 24 bytes\)/,
    );
    await unlink(join(folder, 'scenario.json'));
    const gone = await respondFromBundle(scenario!.url, bundle, picked);
    expect(gone.status).toBe(410);
  });

  it('refuses a file swapped for a link out of the folder after the pick', async () => {
    const picked = new PickedFiles();
    const [drone] = await pickFolder(picked);
    // Swap the picked path's parent for a link to a folder outside holding a same-size file.
    await rm(join(folder, 'feeds'), { recursive: true });
    await mkdir(join(base, 'elsewhere'));
    await writeFile(join(base, 'elsewhere', 'drone.ndjson'), 'TOP SECRET!\n');
    await symlink(join(base, 'elsewhere'), join(folder, 'feeds'));
    const response = await respondFromBundle(drone!.url, bundle, picked);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('forgets selections beyond the last few', async () => {
    const picked = new PickedFiles(2);
    const [first] = await pickFolder(picked);
    await pickFolder(picked);
    expect((await respondFromBundle(first!.url, bundle, picked)).status).toBe(200);
    await pickFolder(picked);
    expect((await respondFromBundle(first!.url, bundle, picked)).status).toBe(404);
  });

  it('still serves the bundle itself, and no picked files without a registry', async () => {
    expect(
      await (await respondFromBundle('app://bundle/', bundle, new PickedFiles())).text(),
    ).toContain('EXERCISE');
    const picked = new PickedFiles();
    const [first] = await pickFolder(picked);
    expect((await respondFromBundle(first!.url, bundle)).status).toBe(404);
  });
});
