// Exports must never be left half-written (a crash or a full disk mid-write):
// write a temp file next to the target, fsync it, then rename over the target.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `content` to `targetPath` atomically: temp file in the same folder, fsync, rename. */
export async function writeFileAtomic(
  targetPath: string,
  content: string | Uint8Array,
): Promise<void> {
  const dir = dirname(targetPath);
  // Same folder, hence same file system: rename is then atomic.
  const tempPath = join(dir, `.${basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(tempPath, 'wx', 0o644);
  } catch (error) {
    throw new Error(`Cannot write "${targetPath}": ${describe(error)}`, { cause: error });
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tempPath, targetPath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw new Error(`Cannot write "${targetPath}": ${describe(error)}`, { cause: error });
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a folder for fsync;
  // there the rename is as durable as the OS makes it.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
