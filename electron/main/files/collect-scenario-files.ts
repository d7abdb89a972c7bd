// Reads the files of a scenario folder chosen in the open dialog, within the
// limits of SCENARIO_PICK_LIMITS, without ever leaving that folder.
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import {
  SCENARIO_PICK_LIMITS,
  type OpenedScenarioFile,
} from '../../../shared/security/ipc-contract';

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

/**
 * Lists the regular files under `folder` (relative "/" paths, sorted). Hidden
 * entries (".git", ".DS_Store") are skipped. A symbolic link is followed only
 * when it resolves inside the folder; one pointing outside is refused.
 */
export async function listScenarioFolder(
  folder: string,
  limits: PickLimits = SCENARIO_PICK_LIMITS,
): Promise<{ absolutePath: string; relativePath: string; size: number }[]> {
  const root = await realpath(folder);
  const found: { absolutePath: string; relativePath: string; size: number }[] = [];
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
            `holds more than ${formatBytes(limits.maxTotalBytes)} of files, the most the desktop app reads in one open; choose the scenario folder itself, or use the browser mode for larger scenarios`,
          );
        }
        found.push({ absolutePath: target, relativePath, size: info.size });
      }
      // Sockets, FIFOs and devices are not scenario files: skipped.
    }
  };
  await walk(root, '');
  return found;
}

/** Reads a chosen folder's files into memory for the renderer. */
export async function readScenarioFolder(
  folder: string,
  limits: PickLimits = SCENARIO_PICK_LIMITS,
): Promise<OpenedScenarioFile[]> {
  const listed = await listScenarioFolder(folder, limits);
  const files: OpenedScenarioFile[] = [];
  for (const file of listed) {
    files.push({
      name: basename(file.relativePath),
      relativePath: file.relativePath,
      bytes: await readFile(file.absolutePath),
    });
  }
  return files;
}

/** Reads files chosen one by one in the open dialog; each must be a regular file within the limits. */
export async function readScenarioFiles(
  paths: readonly string[],
  limits: PickLimits = SCENARIO_PICK_LIMITS,
): Promise<OpenedScenarioFile[]> {
  if (paths.length > limits.maxFiles) {
    throw new ScenarioPickError(
      `${paths.length} files`,
      `more than the ${limits.maxFiles} allowed at once`,
    );
  }
  let totalBytes = 0;
  const sized: { path: string; size: number }[] = [];
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
        `brings the selection over ${formatBytes(limits.maxTotalBytes)}, the most the desktop app reads in one open`,
      );
    }
    sized.push({ path, size: info.size });
  }
  const files: OpenedScenarioFile[] = [];
  for (const { path } of sized) {
    files.push({ name: basename(path), relativePath: basename(path), bytes: await readFile(path) });
  }
  return files;
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  if (rel === '') return true;
  if (rel === '..' || rel.startsWith(`..${sep}`)) return false;
  // On Windows a different drive gives an absolute relative path.
  return !isAbsolute(rel);
}
