import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes of all files under a folder (0 for a file or nothing). */
export async function folderBytes(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return 0;
  let total = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
