import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ScenarioPickError,
  listScenarioFiles,
  listScenarioFolder,
  type PickLimits,
} from '../../../electron/main/files/collect-scenario-files';

let base: string;
let folder: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'truceline-pick-'));
  folder = join(base, 'scenario');
  await mkdir(join(folder, 'feeds'), { recursive: true });
  await writeFile(join(folder, 'scenario.json'), '{"id":"s"}');
  await writeFile(join(folder, 'zones.geojson'), '{}');
  await writeFile(join(folder, 'feeds', 'drone.ndjson'), '{"id":"e1"}\n');
  await writeFile(join(base, 'secret.txt'), 'outside');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

// What the renderer ends up with: name, path and the bytes behind the listing.
async function readScenarioFolder(dir: string, pickLimits?: PickLimits) {
  const { files } = await listScenarioFolder(dir, pickLimits);
  return Promise.all(
    files.map(async (file) => ({
      ...file,
      name: basename(file.relativePath),
      bytes: await readFile(file.absolutePath),
    })),
  );
}
const readScenarioFiles = async (paths: string[], pickLimits?: PickLimits) =>
  (await listScenarioFiles(paths, pickLimits)).map((file) => ({
    ...file,
    name: basename(file.relativePath),
  }));
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const limits = { maxFileBytes: 1024, maxFiles: 10, maxTotalBytes: 4096 };

describe('listScenarioFolder', () => {
  it('returns every file with its "/" path relative to the chosen folder', async () => {
    const files = await readScenarioFolder(folder, limits);
    expect(files.map((f) => f.relativePath)).toEqual([
      'feeds/drone.ndjson',
      'scenario.json',
      'zones.geojson',
    ]);
    expect(files.map((f) => f.name)).toEqual(['drone.ndjson', 'scenario.json', 'zones.geojson']);
    expect(decode(files[0]!.bytes)).toBe('{"id":"e1"}\n');
  });

  it('skips hidden files and folders', async () => {
    await mkdir(join(folder, '.git'));
    await writeFile(join(folder, '.git', 'HEAD'), 'ref');
    await writeFile(join(folder, '.DS_Store'), 'x');
    const files = await readScenarioFolder(folder, limits);
    expect(files.map((f) => f.relativePath)).not.toContain('.DS_Store');
    expect(files.every((f) => !f.relativePath.startsWith('.git'))).toBe(true);
  });

  it('refuses a symbolic link that leads out of the folder, naming it', async () => {
    await symlink(join(base, 'secret.txt'), join(folder, 'feeds', 'evil.ndjson'));
    const attempt = readScenarioFolder(folder, limits);
    await expect(attempt).rejects.toBeInstanceOf(ScenarioPickError);
    await expect(readScenarioFolder(folder, limits)).rejects.toThrow(
      /feeds\/evil\.ndjson: is a symbolic link to ".*secret\.txt", outside the chosen folder/,
    );
  });

  it('refuses a symbolic link to a folder outside', async () => {
    await symlink(base, join(folder, 'up'));
    await expect(readScenarioFolder(folder, limits)).rejects.toThrow(/up: is a symbolic link to/);
  });

  it('follows a symbolic link that stays inside, and survives a link loop', async () => {
    await symlink(join(folder, 'zones.geojson'), join(folder, 'feeds', 'zones-link.geojson'));
    await symlink(folder, join(folder, 'feeds', 'loop'));
    const files = await readScenarioFolder(folder, limits);
    expect(files.map((f) => f.relativePath)).toContain('feeds/zones-link.geojson');
    expect(files.some((f) => f.relativePath.includes('loop'))).toBe(false);
  });

  it('refuses a dangling symbolic link with a clear message', async () => {
    await symlink(join(folder, 'nowhere.json'), join(folder, 'dangling.json'));
    await expect(readScenarioFolder(folder, limits)).rejects.toThrow(
      /dangling\.json: .*does not exist/,
    );
  });

  it('refuses a file over the per-file limit, naming it and its size', async () => {
    await writeFile(join(folder, 'feeds', 'huge.csv'), 'x'.repeat(1025));
    await expect(readScenarioFolder(folder, limits)).rejects.toThrow(
      /feeds\/huge\.csv: is 1025 bytes, over the 1024 bytes limit/,
    );
  });

  it('refuses a folder with too many files', async () => {
    for (let i = 0; i < 10; i++) await writeFile(join(folder, 'feeds', `f${i}.ndjson`), '');
    await expect(readScenarioFolder(folder, limits)).rejects.toThrow(/holds more than 10 files/);
  });

  it('refuses a folder whose files add up to more than the total limit', async () => {
    for (let i = 0; i < 5; i++)
      await writeFile(join(folder, 'feeds', `f${i}.ndjson`), 'x'.repeat(1000));
    await expect(readScenarioFolder(folder, limits)).rejects.toThrow(/holds more than 4096 bytes/);
  });

  it('lists with the default limits, giving real paths and the real root', async () => {
    const listed = await listScenarioFolder(folder);
    expect(listed.root).toBe(await realpath(folder));
    expect(listed.files).toHaveLength(3);
    expect(listed.files[1]).toEqual({
      absolutePath: join(await realpath(folder), 'scenario.json'),
      relativePath: 'scenario.json',
      size: 10,
    });
  });

  it('says sizes in MiB and GiB', async () => {
    await writeFile(join(folder, 'feeds', 'big.csv'), 'x'.repeat(3 * 1024 * 1024));
    await expect(
      readScenarioFolder(folder, {
        maxFileBytes: 2 * 1024 * 1024,
        maxFiles: 10,
        maxTotalBytes: 1024 ** 3,
      }),
    ).rejects.toThrow(/feeds\/big\.csv: is 3 MiB, over the 2 MiB limit for one file/);
    await expect(
      readScenarioFolder(folder, {
        maxFileBytes: 1024 ** 3,
        maxFiles: 10,
        maxTotalBytes: 1024 ** 2,
      }),
    ).rejects.toThrow(/holds more than 1 MiB of files/);
  });
});

describe('listScenarioFiles', () => {
  it('reads chosen files by name', async () => {
    const files = await readScenarioFiles(
      [join(folder, 'scenario.json'), join(folder, 'feeds', 'drone.ndjson')],
      limits,
    );
    expect(files.map((f) => [f.name, f.relativePath])).toEqual([
      ['scenario.json', 'scenario.json'],
      ['drone.ndjson', 'drone.ndjson'],
    ]);
  });

  it('refuses a folder given as a file and an oversized file', async () => {
    await expect(readScenarioFiles([join(folder, 'feeds')], limits)).rejects.toThrow(
      /feeds: is not a regular file/,
    );
    await writeFile(join(folder, 'big.csv'), 'x'.repeat(2000));
    await expect(readScenarioFiles([join(folder, 'big.csv')], limits)).rejects.toThrow(
      /big\.csv: is 2000 bytes, over/,
    );
  });
});
