// The loaders read a scenario package only through this interface, so the same
// code runs in Node (file system), the renderer (picked files, bundled samples)
// and tests (in memory).

/** Read access to the files of one scenario package, by package-relative path. */
export interface PackageReader {
  /** Shown to the user, e.g. the folder or file name. */
  readonly name: string;
  /** Every file of the package (package-relative, `/`-separated). */
  list(): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** Size in bytes. */
  size(path: string): Promise<number>;
  /** Whole file as bytes (small documents only; feeds use `stream`). */
  bytes(path: string): Promise<Uint8Array>;
  /** The file in chunks, for feeds that may be large. */
  stream(path: string): AsyncIterable<Uint8Array>;
}

/** A path that cannot be read: outside the package, missing, or unreadable. */
export class PackagePathError extends Error {}

/**
 * Normalises a package-relative path: `/`-separated, no `.` segments. Throws
 * PackagePathError for absolute paths and paths that leave the package.
 */
export function normalisePackagePath(path: string): string {
  if (path.length === 0) throw new PackagePathError('path is empty');
  if (path.includes('\0')) throw new PackagePathError(`path "${path}" contains a NUL byte`);
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.startsWith('//')) {
    throw new PackagePathError(`path "${path}" is absolute; paths must be relative to the package`);
  }
  const parts: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      throw new PackagePathError(`path "${path}" uses ".."; paths must stay inside the package`);
    }
    parts.push(segment);
  }
  if (parts.length === 0) throw new PackagePathError(`path "${path}" names no file`);
  return parts.join('/');
}

const encoder = new TextEncoder();
const MEMORY_CHUNK = 64 * 1024;

/** In-memory package (tests; the renderer builds one from picked or fetched files). */
export function createMemoryReader(
  files: ReadonlyMap<string, string | Uint8Array> | Record<string, string | Uint8Array>,
  name = 'memory',
  chunkSize = MEMORY_CHUNK,
): PackageReader {
  const entries = new Map<string, Uint8Array>();
  const source = files instanceof Map ? files : new Map(Object.entries(files));
  for (const [path, content] of source) {
    entries.set(
      normalisePackagePath(path),
      typeof content === 'string' ? encoder.encode(content) : content,
    );
  }
  const get = (path: string): Uint8Array => {
    const content = entries.get(normalisePackagePath(path));
    if (!content) throw new PackagePathError(`file "${path}" does not exist in ${name}`);
    return content;
  };
  return {
    name,
    list: async () => [...entries.keys()],
    exists: async (path) => entries.has(normalisePackagePath(path)),
    size: async (path) => get(path).byteLength,
    bytes: async (path) => get(path),
    async *stream(path) {
      const content = get(path);
      for (let offset = 0; offset < content.byteLength; offset += chunkSize) {
        yield content.subarray(offset, Math.min(offset + chunkSize, content.byteLength));
      }
    },
  };
}

/** Package made of Blobs/Files (the renderer's file picker), streamed without copying whole. */
export function createBlobReader(files: ReadonlyMap<string, Blob>, name = 'files'): PackageReader {
  const entries = new Map<string, Blob>();
  for (const [path, blob] of files) entries.set(normalisePackagePath(path), blob);
  const get = (path: string): Blob => {
    const blob = entries.get(normalisePackagePath(path));
    if (!blob) throw new PackagePathError(`file "${path}" does not exist in ${name}`);
    return blob;
  };
  return {
    name,
    list: async () => [...entries.keys()],
    exists: async (path) => entries.has(normalisePackagePath(path)),
    size: async (path) => get(path).size,
    bytes: async (path) => new Uint8Array(await get(path).arrayBuffer()),
    async *stream(path) {
      // getReader rather than async iteration: not every browser iterates ReadableStream.
      const reader = get(path).stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
