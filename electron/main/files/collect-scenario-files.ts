// Lists the files of a scenario chosen in the open dialog, within the limits of
// SCENARIO_PICK_LIMITS, without ever leaving the chosen folder.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { SCENARIO_PICK_LIMITS } from '../../../shared/security/scenario-pick-limits';

export interface PickLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
}

/** Why a folder or file was refused: names the path and the reason. */
export class ScenarioPickError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ScenarioPickError';
  }
}

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${Number((bytes / GiB).toFixed(2))} GiB`;
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MiB`;
  return `${bytes} bytes`;
}

/** A file found for "open scenario": where it is, and what the renderer calls it. */
export interface ListedFile {
  /** Real path (symbolic links resolved). */
  absolutePath: string;
  relativePath: string;
  size: number;
}

/**
 * Lists the regular files under `folder` (relative "/" paths, sorted). Hidden
 * entries (".git", ".DS_Store") are skipped. A symbolic link is followed only
 * when it resolves inside the folder; one pointing outside is refused.
 */
export async function listScenarioFolder(
  folder: string,
  limits: PickLimits = SCENARIO_PICK_LIMITS,
): Promise<{ root: string; files: ListedFile[] }> {
  const root = await realpath(folder);
  const found: ListedFile[] = [];
  const visitedDirs = new Set<string>([root]);
  let totalBytes = 0;

  const walk = async (dir: string, relativeDir: string): Promise<void> => {
    const entries = await readdir(dir);
    entries.sort();
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const absolutePath = join(dir, name);
      const relativePath = relativeDir ? `${relativeDir}/${name}` : name;
      const linkInfo = await lstat(absolutePath);
      let target = absolutePath;
      if (linkInfo.isSymbolicLink()) {
        target = await realpath(absolutePath).catch(() => {
          throw new ScenarioPickError(
            relativePath,
            'is a symbolic link whose target does not exist',
          );
        });
        if (!isInside(root, target)) {
          throw new ScenarioPickError(
            relativePath,
            `is a symbolic link to "${target}", outside the chosen folder; refusing to follow it`,
          );
        }
      }
      const info = linkInfo.isSymbolicLink() ? await stat(target) : linkInfo;
      if (info.isDirectory()) {
        // A link back to an ancestor would loop forever.
        if (visitedDirs.has(target)) continue;
        visitedDirs.add(target);
        await walk(target, relativePath);
      } else if (info.isFile()) {
        if (info.size > limits.maxFileBytes) {
          throw new ScenarioPickError(
            relativePath,
            `is ${formatBytes(info.size)}, over the ${formatBytes(limits.maxFileBytes)} limit for one file`,
          );
        }
        if (found.length >= limits.maxFiles) {
          throw new ScenarioPickError(
            folder,
            `holds more than ${limits.maxFiles} files; choose the scenario folder itself`,
          );
        }
        totalBytes += info.size;
        if (totalBytes > limits.maxTotalBytes) {
          throw new ScenarioPickError(
            folder,
            `holds more than ${formatBytes(limits.maxTotalBytes)} of files; choose the scenario folder itself`,
          );
        }
        found.push({ absolutePath: target, relativePath, size: info.size });
      }
      // Sockets, FIFOs and devices are not scenario files: skipped.
    }
  };
  await walk(root, '');
  return { root, files: found };
}

/**
 * Checks files chosen one by one in the open dialog: each must be a regular
 * file within the limits. Listed by name.
 */
export async function listScenarioFiles(
  paths: readonly string[],
  limits: PickLimits = SCENARIO_PICK_LIMITS,
): Promise<ListedFile[]> {
  if (paths.length > limits.maxFiles) {
    throw new ScenarioPickError(
      `${paths.length} files`,
      `more than the ${limits.maxFiles} allowed at once`,
    );
  }
  let totalBytes = 0;
  const listed: ListedFile[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isFile()) throw new ScenarioPickError(path, 'is not a regular file');
    if (info.size > limits.maxFileBytes) {
      throw new ScenarioPickError(
        path,
        `is ${formatBytes(info.size)}, over the ${formatBytes(limits.maxFileBytes)} limit for one file`,
      );
    }
    totalBytes += info.size;
    if (totalBytes > limits.maxTotalBytes) {
      throw new ScenarioPickError(
        path,
        `brings the selection over ${formatBytes(limits.maxTotalBytes)}`,
      );
    }
    listed.push({
      absolutePath: await realpath(path),
      relativePath: basename(path),
      size: info.size,
    });
  }
  return listed;
}

/** True when `candidate` is `root` or lies under it (both real paths). */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  if (rel === '') return true;
  if (rel === '..' || rel.startsWith(`..${sep}`)) return false;
  // On Windows a different drive gives an absolute relative path.
  return !isAbsolute(rel);
}
