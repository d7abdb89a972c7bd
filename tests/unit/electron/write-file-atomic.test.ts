import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/main/files/write-file-atomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'truceline-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes text and leaves only the target in the folder', async () => {
    const target = join(dir, 'log.json');
    await writeFileAtomic(target, '{"entries":[]}\n');
    expect(await readFile(target, 'utf8')).toBe('{"entries":[]}\n');
    expect(await readdir(dir)).toEqual(['log.json']);
  });

  it('writes bytes exactly', async () => {
    const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 256);
    const target = join(dir, 'report.pdf');
    await writeFileAtomic(target, bytes);
    expect(Buffer.compare(await readFile(target), bytes)).toBe(0);
  });

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'alerts.csv');
    await writeFile(target, 'old content that is longer than the new one\n');
    await writeFileAtomic(target, 'new\n');
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect(await readdir(dir)).toEqual(['alerts.csv']);
  });

  it('goes through a temp file in the same folder, then renames', async () => {
    // Watch the folder while writing a large file: a ".*.tmp" sibling must
    // appear (and be gone afterwards) — the target is never written in place.
    const target = join(dir, 'big.json');
    const seen = new Set<string>();
    let writing = true;
    const watcher = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the test body sets it false once the write is done
      while (writing) {
        for (const name of await readdir(dir)) seen.add(name);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await writeFileAtomic(target, 'x'.repeat(32 * 1024 * 1024));
    writing = false;
    await watcher;
    const temps = [...seen].filter((name) => name !== 'big.json');
    expect(temps.length).toBeGreaterThan(0);
    for (const name of temps) expect(name).toMatch(/^\.big\.json\.[0-9a-f]{12}\.tmp$/);
    expect(await readdir(dir)).toEqual(['big.json']);
  });

  it('on a failed rename, keeps the old target and leaves no temp file', async () => {
    // A non-empty folder at the target path makes rename fail after the data
    // has been written and synced.
    const target = join(dir, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'keep me');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow(/Cannot write ".*taken"/);
    expect((await readdir(dir)).sort()).toEqual(['taken']);
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('keep me');
  });

  it('fails clearly when the folder does not exist, creating nothing', async () => {
    const target = join(dir, 'missing', 'log.json');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow(
      /Cannot write ".*missing.*log\.json": .*ENOENT/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
