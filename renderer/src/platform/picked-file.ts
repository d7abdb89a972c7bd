import type { PickedFile } from './platform';

const STREAM_CHUNK_BYTES = 1024 * 1024;

function baseName(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1);
}

/** A PickedFile over a browser File/Blob: nothing is read until asked. */
export function pickedFileFromBlob(blob: Blob, relativePath: string): PickedFile {
  return {
    name: baseName(relativePath),
    relativePath,
    size: blob.size,
    text: () => blob.text(),
    bytes: async () => new Uint8Array(await blob.arrayBuffer()),
    stream: () => blob.stream() as ReadableStream<Uint8Array>,
  };
}

/** A PickedFile over bytes already read (Electron's open dialog); streams in 1 MiB views, no copy. */
export function pickedFileFromBytes(bytes: Uint8Array, relativePath: string): PickedFile {
  return {
    name: baseName(relativePath),
    relativePath,
    size: bytes.byteLength,
    text: async () => new TextDecoder().decode(bytes),
    bytes: async () => bytes,
    stream: () => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.byteLength) {
            controller.close();
            return;
          }
          controller.enqueue(bytes.subarray(offset, offset + STREAM_CHUNK_BYTES));
          offset += STREAM_CHUNK_BYTES;
        },
      });
    },
  };
}

/**
 * Paths inside a picked folder: drops the folder's own name that the browser
 * puts first ("scenario/feeds/a.ndjson" → "feeds/a.ndjson") when every path
 * shares it, so both platforms give the same relativePath.
 */
export function stripSharedRoot(paths: readonly string[]): string[] {
  const firstSegments = new Set(paths.map((path) => path.split('/')[0]));
  const allNested = paths.every((path) => path.includes('/'));
  if (paths.length === 0 || firstSegments.size !== 1 || !allNested) return [...paths];
  return paths.map((path) => path.slice(path.indexOf('/') + 1));
}

/** Hidden entries (".git/…", ".DS_Store") are not scenario files; Electron skips them too. */
export function isHiddenPath(relativePath: string): boolean {
  return relativePath.split('/').some((segment) => segment.startsWith('.'));
}
