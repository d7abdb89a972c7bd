// PackageReader over a folder on disk. Every path is checked to stay inside
// the folder, including through symbolic links.
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  PackagePathError,
  normalisePackagePath,
  type PackageReader,
} from '../../scenario/package-reader';

const STREAM_CHUNK = 1024 * 1024;

/** A reader of the package folder `root` (links leaving it are refused). */
export async function createFsReader(root: string, name = root): Promise<PackageReader> {
  const realRoot = await realpath(root);
  const inside = async (path: string): Promise<string> => {
    const rel = normalisePackagePath(path);
    let real: string;
    try {
      real = await realpath(join(realRoot, ...rel.split('/')));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new PackagePathError(
        code === 'ENOENT'
          ? `file "${rel}" does not exist in ${name}`
          : `file "${rel}" cannot be read (${code ?? (error as Error).message})`,
      );
    }
    if (real !== realRoot && !real.startsWith(realRoot + sep)) {
      throw new PackagePathError(`path "${rel}" leads outside the package folder (through a link)`);
    }
    return real;
  };
  const file = async (path: string): Promise<string> => {
    const real = await inside(path);
    const info = await stat(real);
    if (!info.isFile()) throw new PackagePathError(`"${normalisePackagePath(path)}" is not a file`);
    return real;
  };
  return {
    name,
    async list() {
      const entries = await readdir(realRoot, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => relative(realRoot, join(e.parentPath, e.name)).split(sep).join('/'));
    },
    async exists(path) {
      try {
        await file(path);
        return true;
      } catch (error) {
        // A path that leaves the package is an error, not a missing file.
        if (error instanceof PackagePathError && /outside|absolute|"\.\."/.test(error.message)) {
          throw error;
        }
        return false;
      }
    },
    size: async (path) => (await stat(await file(path))).size,
    bytes: async (path) => new Uint8Array(await readFile(await file(path))),
    async *stream(path) {
      const real = await file(path);
      for await (const chunk of createReadStream(real, { highWaterMark: STREAM_CHUNK })) {
        yield chunk as Buffer;
      }
    },
  };
}
